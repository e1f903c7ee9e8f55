/** The document layer between Yjs and the app. Components never import Y types: they use the stores. */
export * from './ids.ts';
export * from './result.ts';
export * from './layout.ts';
export * from './read.ts';
export * from './write.ts';
export * from './seed.ts';
export * from './migrate.ts';
export * from './check.ts';
export * from './import.ts';
export * from './text.ts';
export * from './undo.ts';
export * from './repair.ts';
export * from './watch.ts';
export { INTENT_META, type IntentOptions, type Patch } from './intents/common.ts';
export * from './intents/workspace.ts';
export * from './intents/plan.ts';
export * from './intents/meeting.ts';
export * from './intents/tournament.ts';
