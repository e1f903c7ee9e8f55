/**
 * Room names: `<workspaceId>/<kind>/<docId>`, e.g. `acme/plan/Xy3_k9` — the workspace document itself is
 * `<workspaceId>/workspace/main`. Ids use the URL-safe alphabet `[A-Za-z0-9_-]`, so a room name needs no
 * escaping in the `/sync/<room>` path.
 */
export const DOC_KINDS = ['workspace', 'plan', 'meeting', 'tournament'] as const;
export type DocKindName = (typeof DOC_KINDS)[number];

export interface RoomName {
  /** The full name, `<workspaceId>/<kind>/<docId>`. */
  name: string;
  workspaceId: string;
  kind: DocKindName;
  docId: string;
}

const SEGMENT = /^[A-Za-z0-9_-]{1,200}$/;
export const WORKSPACE_DOC_ID = 'main';

/** The room of a workspace's own document: `<workspaceId>/workspace/main`. */
export const workspaceRoom = (workspaceId: string): string => `${workspaceId}/workspace/${WORKSPACE_DOC_ID}`;

export function parseRoomName(name: string): { ok: true; room: RoomName } | { ok: false; reason: string } {
  const parts = name.split('/');
  if (parts.length !== 3) return { ok: false, reason: 'room must be <workspaceId>/<kind>/<docId>' };
  const [workspaceId, kind, docId] = parts as [string, string, string];
  if (!SEGMENT.test(workspaceId))
    return { ok: false, reason: 'workspace id must match [A-Za-z0-9_-]{1,200}' };
  if (!isDocKind(kind)) return { ok: false, reason: `kind must be one of ${DOC_KINDS.join(', ')}` };
  if (!SEGMENT.test(docId)) return { ok: false, reason: 'doc id must match [A-Za-z0-9_-]{1,200}' };
  if (kind === 'workspace' && docId !== WORKSPACE_DOC_ID) {
    return { ok: false, reason: `the workspace document is <workspaceId>/workspace/${WORKSPACE_DOC_ID}` };
  }
  return { ok: true, room: { name, workspaceId, kind, docId } };
}

function isDocKind(kind: string): kind is DocKindName {
  return (DOC_KINDS as readonly string[]).includes(kind);
}
