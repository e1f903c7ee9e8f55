/**
 * Invites made in the app (POST /api/invites, /api/workspaces), so that an editor can list and revoke them,
 * and the revocations every sync socket and API call is checked against. In the store's SQLite file
 * (migration 3); read into memory once, so a check costs a map lookup.
 *
 * Two ways to revoke: one invite by id; or every invite of a workspace made before a moment ("revoke all
 * before now"), except the caller's own so the editor who does it keeps working. Invites made outside the
 * app (`haard token`, the link `haard serve` prints) are not listed, but "revoke all before now" covers them.
 */
import type { Database } from 'better-sqlite3';
import type { Role } from '../../protocol/index.ts';
import type { TokenClaims } from './token.ts';

export interface InviteRecord {
  id: string;
  workspaceId: string;
  role: Role;
  /** Whom it is for, as the editor who made it wrote it (≤ protocol's INVITE_LABEL_MAX characters); '' when not given. */
  label: string;
  /** ms since the epoch */
  createdAt: number;
  expiresAt: number;
  /** When it was revoked (one by one, or by "revoke all before"), ms since the epoch; null while it works. */
  revokedAt: number | null;
}

export interface InviteStore {
  record(invite: Omit<InviteRecord, 'revokedAt'>): void;
  /** The workspace's invites that have not expired at `now`, newest first. */
  list(workspaceId: string, now: number): InviteRecord[];
  /** Revokes one invite of the workspace; false when the workspace has no invite with that id. */
  revoke(workspaceId: string, id: string, now: number): boolean;
  /** Revokes every invite of the workspace made before `before` (ms), except `except` (an invite id). */
  revokeAllBefore(workspaceId: string, before: number, except: string | undefined): void;
  /** Whether a token's invite was revoked. */
  isRevoked(claims: TokenClaims): boolean;
}

interface Cutoff {
  before: number;
  except: string | null;
}

export function openInviteStore(db: Database): InviteStore {
  const insert = db.prepare<[string, string, string, string, number, number]>(
    'INSERT INTO invites (id, workspace, role, label, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const select = db.prepare<
    [string, number],
    {
      id: string;
      role: Role;
      label: string;
      created_at: number;
      expires_at: number;
      revoked_at: number | null;
    }
  >(
    `SELECT id, role, label, created_at, expires_at, revoked_at FROM invites
     WHERE workspace = ? AND expires_at > ? ORDER BY created_at DESC, id`,
  );
  const markRevoked = db.prepare<[number, string, string]>(
    'UPDATE invites SET revoked_at = ? WHERE workspace = ? AND id = ? AND revoked_at IS NULL',
  );
  const exists = db.prepare<[string, string], { n: number }>(
    'SELECT COUNT(*) AS n FROM invites WHERE workspace = ? AND id = ?',
  );
  const insertRevoked = db.prepare<[string, string, number]>(
    'INSERT OR IGNORE INTO revoked_invites (id, workspace, revoked_at) VALUES (?, ?, ?)',
  );
  const upsertCutoff = db.prepare<[string, number, string | null]>(
    `INSERT INTO workspace_cutoffs (workspace, before, except_id) VALUES (?, ?, ?)
     ON CONFLICT (workspace) DO UPDATE SET before = excluded.before, except_id = excluded.except_id`,
  );
  const revokeOlder = db.prepare<[number, string, number, string]>(
    `UPDATE invites SET revoked_at = ? WHERE workspace = ? AND created_at < ? AND id != ? AND revoked_at IS NULL`,
  );

  const revoked = new Set(
    (db.prepare('SELECT id FROM revoked_invites').all() as Array<{ id: string }>).map((row) => row.id),
  );
  const cutoffs = new Map<string, Cutoff>(
    (
      db.prepare('SELECT workspace, before, except_id FROM workspace_cutoffs').all() as Array<{
        workspace: string;
        before: number;
        except_id: string | null;
      }>
    ).map((row) => [row.workspace, { before: row.before, except: row.except_id }]),
  );

  const revokeAll = db.transaction((workspaceId: string, before: number, except: string | undefined) => {
    upsertCutoff.run(workspaceId, before, except ?? null);
    revokeOlder.run(before, workspaceId, before, except ?? '');
  });

  return {
    record: (invite) =>
      void insert.run(
        invite.id,
        invite.workspaceId,
        invite.role,
        invite.label,
        invite.createdAt,
        invite.expiresAt,
      ),
    list: (workspaceId, now) =>
      select.all(workspaceId, now).map((row) => ({
        id: row.id,
        workspaceId,
        role: row.role,
        label: row.label,
        createdAt: row.created_at,
        expiresAt: row.expires_at,
        revokedAt: row.revoked_at,
      })),
    revoke(workspaceId, id, now) {
      if ((exists.get(workspaceId, id)?.n ?? 0) === 0) return false;
      db.transaction(() => {
        markRevoked.run(now, workspaceId, id);
        insertRevoked.run(id, workspaceId, now);
      })();
      revoked.add(id);
      return true;
    },
    revokeAllBefore(workspaceId, before, except) {
      revokeAll(workspaceId, before, except);
      cutoffs.set(workspaceId, { before, except: except ?? null });
    },
    isRevoked(claims) {
      if (claims.id !== undefined && revoked.has(claims.id)) return true;
      const cutoff = cutoffs.get(claims.ws);
      // iat is in whole seconds: an invite made in the same second as the cutoff counts as before it.
      return cutoff !== undefined && claims.iat * 1000 < cutoff.before && claims.id !== cutoff.except;
    },
  };
}
