/**
 * Document kinds and room names. A room is one Yjs document on the relay: `<workspaceId>/<kind>/<docId>`,
 * e.g. `acme/plan/Xy3_k9`; the workspace document itself is `<workspaceId>/workspace/main`. Ids use the
 * URL-safe alphabet `[A-Za-z0-9_-]` (1–200 characters), so a room name needs no escaping in `/sync/<room>`.
 */
export const DOC_KINDS = ['workspace', 'plan', 'meeting', 'tournament'] as const;
export type DocKind = (typeof DOC_KINDS)[number];

export interface RoomName {
  /** The full name, `<workspaceId>/<kind>/<docId>`. */
  name: string;
  workspaceId: string;
  kind: DocKind;
  docId: string;
}

const SEGMENT = /^[A-Za-z0-9_-]{1,200}$/;
/**
 * The name `haard serve` gives the first workspace it makes. The app takes a workspace still called this as not
 * yet named by the firm (its language then is a default too) and asks for both on the first start.
 */
export const FIRST_WORKSPACE_NAME = 'Haard';

/** The doc id of every workspace's own document. */
export const WORKSPACE_DOC_ID = 'main';

export const isDocKind = (kind: string): kind is DocKind => (DOC_KINDS as readonly string[]).includes(kind);

/** Whether `id` may be a workspace or document id: 1–200 characters of `[A-Za-z0-9_-]`. */
export const isRoomSegment = (id: string): boolean => SEGMENT.test(id);

/** The room of a document: `<workspaceId>/<kind>/<docId>`; the workspace's own is always `…/workspace/main`. */
export const roomName = (workspaceId: string, kind: DocKind, docId: string): string =>
  `${workspaceId}/${kind}/${kind === 'workspace' ? WORKSPACE_DOC_ID : docId}`;

/** The room of a workspace's own document: `<workspaceId>/workspace/main`. */
export const workspaceRoom = (workspaceId: string): string =>
  roomName(workspaceId, 'workspace', WORKSPACE_DOC_ID);

/** Parses a room name; `reason` says in English what is wrong (it goes into a 4400 close reason). */
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
