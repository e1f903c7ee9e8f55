/**
 * The relay as a child process, for tests that kill it: `tsx relayProcess.ts <dataDir> <port> <secret> [options]`
 * where `options` is optional JSON of more `createHaardServer` options (e.g. `{"compactAfterUpdates":10}`).
 * Prints `{"port":N}` on one line once listening; SIGTERM closes it cleanly.
 */
import { createHaardServer } from '../../../server/http.ts';
import { silentLogger } from '../../../server/log.ts';

const [dataDir, port, secret, extra] = process.argv.slice(2);
if (dataDir === undefined || port === undefined || secret === undefined) {
  console.error('usage: relayProcess.ts <dataDir> <port> <secret>');
  process.exit(2);
}
const options = extra === undefined ? {} : (JSON.parse(extra) as Record<string, unknown>);
const server = await createHaardServer({
  ...options,
  dataDir,
  port: Number(port),
  secret,
  log: silentLogger,
});
process.stdout.write(`${JSON.stringify({ port: server.port })}\n`);
process.once('SIGTERM', () => {
  void server.close().then(() => process.exit(0));
});
