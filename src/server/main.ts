/**
 * The server: the prerendered pages and the form routes from dist/, with the security headers on
 * every response, and the referral outbox and delivery worker started before the first request.
 * Start it through start.mjs (`npm start`, `npm run serve`), which checks the Node.js version first.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { loadProvider } from '../config/loadProvider.ts';
import { assertRuntimeReady, closeRuntime } from '../referrals/runtime.ts';
import { SECURITY_HEADERS } from './securityHeaders.ts';

try {
  loadProvider();
  await assertRuntimeReady();
} catch (error) {
  console.error(`The server cannot start.\n${(error as Error).message}`);
  process.exit(1);
}

process.env['ASTRO_NODE_AUTOSTART'] = 'disabled';
const built = new URL('../../dist/server/entry.mjs', import.meta.url);
const { handler } = (await import(built.href).catch(() => {
  console.error('The site has not been built: run `npm run build` first (or `npm start`, which builds and serves).');
  process.exit(1);
})) as { handler: (req: IncomingMessage, res: ServerResponse) => void };

const host = process.env['HOST'] ?? '127.0.0.1';
const port = Number(process.env['PORT'] ?? 4321);

const server = createServer((req, res) => {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
  handler(req, res);
});

server.listen(port, host, () => {
  const shown = host === '127.0.0.1' ? 'localhost' : host;
  console.log(JSON.stringify({ time: new Date().toISOString(), level: 'info', event: 'server-listening', url: `http://${shown}:${port}/` }));
});

function shutdown(): void {
  server.close();
  // Let a send in flight finish; an unfinished one is picked up again when its lease runs out.
  void closeRuntime().finally(() => process.exit(0));
  setTimeout(() => process.exit(0), 10_000).unref();
}
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);
