import type * as Y from 'yjs';
import { workspaceIntents } from '../../../doc/index.ts';
import { createDocStore, type DocStoreOptions } from './docStore.ts';

/** The workspace document as a Solid store: `state`, `intents`, `undo`. */
export const createWorkspaceStore = (doc: Y.Doc, opts: DocStoreOptions) =>
  createDocStore('workspace', doc, workspaceIntents, opts);
export type WorkspaceStore = ReturnType<typeof createWorkspaceStore>;
