/**
 * The delivery worker on its own: `npm run worker`. Runs until SIGTERM or SIGINT, then finishes the
 * send in flight, closes the outbox and exits. Safe to run beside the web server's own worker and
 * beside other copies of itself.
 */
import { openServices } from '../services.ts';

try {
  const services = openServices({ keepAlive: true });
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    services.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  // Before starting: the first send begins synchronously inside start().
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  services.worker.start();
} catch (error) {
  // A configuration problem: say what to fix, without a stack trace.
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
