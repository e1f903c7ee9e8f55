export * from './common.ts';
export * from './workspace.ts';
export * from './plan.ts';
export * from './meeting.ts';
export * from './tournament.ts';
export * from './issues.ts';
