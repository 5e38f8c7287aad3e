// Plain JavaScript so that even an old Node.js can run it far enough to say what is wrong.
const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 13)) {
  console.error(
    `This server needs Node.js 22.13 or newer (for TypeScript and node:sqlite); this is ${process.versions.node}.\n` +
      'Start it with `npm start` or `npm run serve`, which use the Node.js the project installs.',
  );
  process.exit(1);
}
await import('./main.ts');
