/** Everything about the workspace document in one import: seeding, reading, intents. */
export { createWorkspaceDoc, initialWorkspace } from './seed.ts';
export { readWorkspace } from './read.ts';
export * from './intents/workspace.ts';
