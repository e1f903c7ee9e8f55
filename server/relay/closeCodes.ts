/** The relay's close codes live in the shared protocol module; re-exported for the relay's own files. */
export { CloseCode, isFinalClose, type CloseCodeName } from '../../protocol/index.ts';
