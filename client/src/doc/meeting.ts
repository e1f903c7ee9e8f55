/** Everything about the meeting document in one import: seeding, reading, intents. */
export { createMeetingDoc, initialMeeting } from './seed.ts';
export { readMeeting } from './read.ts';
export * from './intents/meeting.ts';
