/** Everything about the plan document in one import: seeding, reading, intents. */
export { createPlanDoc, initialPlan } from './seed.ts';
export { readPlan } from './read.ts';
export * from './intents/plan.ts';
