/**
 * What the client and the server both mean, in one place (the anchors: Hocuspocus' `CloseEvents`,
 * y-protocols' "a message does not include the room name: the upper layer handles that").
 *
 * - document kinds and room names (`<workspaceId>/<kind>/<docId>`),
 * - roles an invite can carry,
 * - every close code the relay sends, with whether reconnecting can help (`isFinalClose`).
 *
 * Pure: no Node, DOM, Yjs or Solid. The server never imports from `client/`, the client never from `server/`;
 * both import from here.
 */
export * from './rooms.ts';
export * from './closeCodes.ts';
export * from './roles.ts';
