/** `haard token`: print an access token signed with the same secret the relay uses. */
import { resolve } from 'node:path';
import type { Locale } from '../../core/model/index.ts';
import { isRoomSegment } from '../../protocol/rooms.ts';
import { createToken } from '../auth/token.ts';
import { loadExistingSecret } from '../auth/secret.ts';
import type { Io, Values } from '../cli.ts';
import { parseExpiry } from './expiry.ts';
import type { CliMessages } from './messages.ts';
import { listIds, storedWorkspaces } from './storedWorkspaces.ts';

export const DEFAULT_TOKEN_DAYS = 30;
const DAY_MS = 86_400_000;

export function dataDirOf(values: { data?: string | undefined }): string {
  return values.data ?? process.env.HAARD_DATA ?? './data';
}

/**
 * `haard token`: exit 0 and the token on standard output; exit 2 with one line for bad arguments, a data
 * directory without the server's secret (none is made up: no server would accept its tokens), or a workspace
 * the data directory's store does not hold. Without a store (HAARD_SECRET set, another machine's data) the
 * workspace cannot be checked: the token is printed with a warning on standard error.
 */
export function tokenCommand(values: Values, locale: Locale, t: CliMessages, io: Io): number {
  const fail = (message: string) => {
    io.err(`haard: ${message}`);
    return 2;
  };
  const workspaceId = values.workspace?.trim();
  if (!workspaceId) return fail(t.tokenNeedsWorkspace);
  if (!isRoomSegment(workspaceId)) return fail(t.badWorkspaceId(workspaceId));
  const role = values.role ?? 'editor';
  if (role !== 'editor' && role !== 'viewer') return fail(t.tokenBadRole(role));
  if (values.days !== undefined && values.expires !== undefined) return fail(t.tokenBothExpiry);

  let expiresAt: Date;
  if (values.expires !== undefined) {
    // A bare date means the end of that day (UTC). An expiry in the past is allowed (for tests).
    const expiry = parseExpiry(values.expires, locale);
    if (!expiry.ok) return fail(t.tokenBadExpires(values.expires, 'why' in expiry ? expiry.why : undefined));
    expiresAt = expiry.at;
  } else {
    const days = values.days === undefined ? DEFAULT_TOKEN_DAYS : Number(values.days);
    if (!Number.isFinite(days) || days <= 0) return fail(t.tokenBadDays(values.days ?? ''));
    expiresAt = new Date(Date.now() + days * DAY_MS);
  }
  const dataDir = resolve(dataDirOf(values));
  const secret = loadExistingSecret(dataDir, process.env);
  if (secret === null) return fail(t.tokenNoSecret(dataDir));
  const workspaces = storedWorkspaces(dataDir);
  if (workspaces === null) io.err(`haard: ${t.tokenUncheckedWorkspace(workspaceId, dataDir)}`);
  else if (!workspaces.includes(workspaceId))
    return fail(t.unknownWorkspace(workspaceId, dataDir, listIds(workspaces, 5, t.none)));
  io.out(createToken({ workspaceId, role, expiresAt }, secret));
  return 0;
}
