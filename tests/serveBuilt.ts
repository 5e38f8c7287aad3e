import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface RunningServer {
  base: string;
  dataDir: string;
  stop: () => void;
}

/** Starts the built site (`node src/server/start.mjs`) on `port` with a throwaway data folder. */
export async function startBuiltServer(port: number, env: Record<string, string> = {}): Promise<RunningServer> {
  const base = `http://127.0.0.1:${port}`;
  const dataDir = mkdtempSync(join(tmpdir(), 'rtbh-server-'));
  const server = spawn(process.execPath, ['src/server/start.mjs'], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      VAR_DIR: dataDir,
      ...env,
    },
    stdio: 'ignore',
  });
  const stop = () => server.kill('SIGTERM');
  for (let attempt = 0; attempt < 100; attempt++) {
    try {
      if ((await fetch(`${base}/en/`)).ok) return { base, dataDir, stop };
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  stop();
  throw new Error(`The server did not start on ${base}`);
}

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--disable-dev-shm-usage',
];

export const CHROMIUM_PATH = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
