/**
 * Operator commands for the outbox. Prints references, states and error classes only: never
 * personal data, which stays sealed.
 *
 *   npm run outbox -- list
 *   npm run outbox -- retry IMHA-7KQ4-M9XD
 *   npm run outbox -- retry-stuck [--dry-run]
 */
import { dbPathFrom } from '../config.ts';
import { openOutbox, type Outbox, type RowSummary } from '../outbox.ts';
import { normaliseReference } from '../reference.ts';

const USAGE = `Usage:
  npm run outbox -- list                     every request still in the outbox, newest first
  npm run outbox -- retry <reference>        send a stuck or waiting request again now
  npm run outbox -- retry-stuck [--dry-run]  send every stuck request again (--dry-run: only list them)`;

const when = (ms: number | null) => (ms === null ? '-' : new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z'));

export function formatList(rows: readonly RowSummary[]): string {
  const header = ['REFERENCE', 'KIND', 'STATE', 'PRIORITY', 'ATTEMPTS', 'CREATED', 'NEXT ATTEMPT', 'LAST ERROR'];
  const lines = rows.map((r) => [
    r.reference,
    r.kind,
    r.state,
    r.priority,
    String(r.attempts),
    when(r.createdAt),
    when(r.nextAttemptAt),
    r.lastError === null ? '-' : `${r.lastError}${r.lastStatus === null ? '' : ` (${r.lastStatus})`}`,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] ?? '').length)));
  const pad = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ').trimEnd();
  return [pad(header), ...lines.map(pad)].join('\n');
}

export function runOutboxCommand(args: readonly string[], outbox: Outbox, now: number, print: (line: string) => void): number {
  const [command, ...rest] = args;
  if (command === 'list' && rest.length === 0) {
    const rows = outbox.list();
    print(rows.length === 0 ? 'The outbox is empty.' : formatList(rows));
    return 0;
  }
  if (command === 'retry' && rest.length === 1) {
    const reference = normaliseReference(rest[0] ?? '');
    if (reference === null) {
      print(`"${rest[0]}" is not a reference like IMHA-7KQ4-M9XD.`);
      return 2;
    }
    const result = outbox.requeue(reference, now);
    const messages = {
      requeued: `${reference} will be sent again now.`,
      'not-found': `${reference} is not in the outbox (never accepted, or removed after the retention period).`,
      delivered: `${reference} was already delivered; its personal data has been erased, so it cannot be sent again.`,
    };
    print(messages[result]);
    return result === 'requeued' ? 0 : 1;
  }
  if (command === 'retry-stuck' && (rest.length === 0 || (rest.length === 1 && rest[0] === '--dry-run'))) {
    const dryRun = rest[0] === '--dry-run';
    const refs = outbox.requeueStuck(now, dryRun);
    if (refs.length === 0) print('Nothing is stuck.');
    else print(`${dryRun ? 'Would send again' : 'Will send again now'} (${refs.length}):\n${refs.join('\n')}`);
    return 0;
  }
  print(USAGE);
  return 2;
}

if (import.meta.main) {
  const outbox = openOutbox({ path: dbPathFrom(), keyring: null });
  try {
    process.exitCode = runOutboxCommand(process.argv.slice(2), outbox, Date.now(), (line) => process.stdout.write(`${line}\n`));
  } finally {
    outbox.close();
  }
}
