import type * as Y from 'yjs';
import { planIntents } from '../../../doc/index.ts';
import { createDocStore, type DocStoreOptions } from './docStore.ts';

/** The plan document as a Solid store: `state`, `intents`, `undo`. */
export const createPlanStore = (doc: Y.Doc, opts: DocStoreOptions) =>
  createDocStore('plan', doc, planIntents, opts);
export type PlanStore = ReturnType<typeof createPlanStore>;
