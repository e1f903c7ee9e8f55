/** Everything about the tournament document in one import: seeding, reading, intents. */
export { createTournamentDoc, initialTournament } from './seed.ts';
export { readTournament } from './read.ts';
export * from './intents/tournament.ts';
