/** Room names live in the shared protocol module; re-exported for the relay's own files. */
export {
  DOC_KINDS,
  WORKSPACE_DOC_ID,
  parseRoomName,
  workspaceRoom,
  type DocKind as DocKindName,
  type RoomName,
} from '../../protocol/index.ts';
