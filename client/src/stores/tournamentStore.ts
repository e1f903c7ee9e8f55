import type * as Y from 'yjs';
import { tournamentIntents } from '../../../doc/index.ts';
import { createDocStore, type DocStoreOptions } from './docStore.ts';

/** The tournament document as a Solid store: `state`, `intents`, `undo`. */
export const createTournamentStore = (doc: Y.Doc, opts: DocStoreOptions) =>
  createDocStore('tournament', doc, tournamentIntents, opts);
export type TournamentStore = ReturnType<typeof createTournamentStore>;
