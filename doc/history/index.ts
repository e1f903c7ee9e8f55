/**
 * History of a document (issue 9, history design §1–§4), shared by the app and the server:
 * versions in the document's `versions` map, who made each change (PermanentUserData in `users`), what changed
 * between two states, and restoring a version as new edits.
 */
export * from './versions.ts';
export * from './users.ts';
export * from './daily.ts';
export { createAttribute, type AttributeOptions } from './attribute.ts';
export { changesBetween, type HistoryKind } from './changes.ts';
export { restoreVersion, restorableContent } from './restore.ts';
