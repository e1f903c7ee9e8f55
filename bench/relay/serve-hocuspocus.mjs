// Anchor 2 for `npm run bench:relay`: Hocuspocus 3.4 (@hocuspocus/server, the Node 20 line) with no extensions
// (no persistence), on a free port. Prints {"port":N} once listening.
import { Server } from '@hocuspocus/server';

const server = new Server({ port: 0, address: '127.0.0.1', quiet: true, stopOnSignals: false });
await server.listen();
process.stdout.write(`${JSON.stringify({ port: server.httpServer.address().port })}\n`);
process.once('SIGTERM', () => process.exit(0));
