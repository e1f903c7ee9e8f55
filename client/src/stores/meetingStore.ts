import type * as Y from 'yjs';
import { meetingIntents } from '../../../doc/index.ts';
import { createDocStore, type DocStoreOptions } from './docStore.ts';

/** The meeting document as a Solid store: `state`, `intents`, `undo`. */
export const createMeetingStore = (doc: Y.Doc, opts: DocStoreOptions) =>
  createDocStore('meeting', doc, meetingIntents, opts);
export type MeetingStore = ReturnType<typeof createMeetingStore>;
