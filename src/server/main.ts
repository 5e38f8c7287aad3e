/**
 * Starts the site: the prerendered pages and the form routes from dist/, with
 * the security headers on every response. Run by `npm start` / `npm run serve`.
 */
import { createServer } from 'node:http';
import { SECURITY_HEADERS } from './securityHeaders.ts';

const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
  console.error(
    `This server needs Node.js 22.12 or newer (for node:sqlite); this is ${process.versions.node}. ` +
      'Start it with `npm start` or `npm run serve`, which use the Node.js the project installs.',
  );
  process.exit(1);
}

process.env['ASTRO_NODE_AUTOSTART'] = 'disabled';
const { handler } = (await import(new URL('../../dist/server/entry.mjs', import.meta.url).href)) as {
  handler: (req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => void;
};

const host = process.env['HOST'] ?? '127.0.0.1';
const port = Number(process.env['PORT'] ?? 4321);

const server = createServer((req, res) => {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
  handler(req, res);
});

server.listen(port, host, () => {
  console.log(JSON.stringify({ time: new Date().toISOString(), level: 'info', event: 'server.listening', url: `http://${host === '127.0.0.1' ? 'localhost' : host}:${port}/` }));
});

function shutdown(): void {
  server.close(() => process.exit(0));
  setTimeout(() => process.exit(0), 5_000).unref();
}
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);
