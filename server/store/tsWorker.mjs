// Development only (tests, benchmarks running TypeScript): starts a TypeScript worker through tsx's loader.
// The built server (dist-server/) starts its compiled worker directly.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
