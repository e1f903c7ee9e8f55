/** Origin of history bookkeeping (versions, the person mapping, reads at a snapshot): never in an undo, not an edit. */
export const HISTORY_ORIGIN = Object.freeze({ name: 'haard:history' });
