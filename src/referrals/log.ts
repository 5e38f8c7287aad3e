import {
  ERROR_CLASSES,
  KINDS,
  PRIORITY_LEVELS,
  REJECT_REASONS,
  type ErrorClass,
  type Kind,
  type PriorityLevel,
  type RejectReason,
} from './constants.ts';
import { systemClock, type Clock } from './clock.ts';
import { REFERENCE_PATTERN } from './reference.ts';

/**
 * Structured logs, one JSON object per line. Only the fields below can be written, and each value is
 * checked at run time too, so a name, phone number or free text cannot reach a log by accident
 * (for example through a cast or an untyped caller).
 */

export const LOG_EVENTS = [
  'accepted',
  'duplicate',
  'honeypot',
  'rejected',
  'invalid',
  'delivered',
  'retry',
  'stuck',
  'lease-lost',
  'email-written',
  'swept',
  'requeued',
  'worker-started',
  'worker-stopped',
  'worker-error',
] as const;
export type LogEvent = (typeof LOG_EVENTS)[number];

export const LOG_MESSAGES = ['1 email written'] as const;

export interface LogFields {
  reference?: string | undefined;
  kind?: Kind | undefined;
  priority?: PriorityLevel | undefined;
  attempt?: number | undefined;
  /** An HTTP status (ours, or the mail provider's); null when there was none (timeout, network). */
  status?: number | null | undefined;
  errorClass?: ErrorClass | undefined;
  reason?: RejectReason | undefined;
  count?: number | undefined;
  /** A duration or delay in milliseconds. */
  ms?: number | undefined;
  /** Worker id, e.g. "w-1234-9f3a". */
  worker?: string | undefined;
  /** An error code such as SQLITE_BUSY; never an error message, which could quote data. */
  code?: string | undefined;
  msg?: (typeof LOG_MESSAGES)[number] | undefined;
}

export type Level = 'info' | 'warn' | 'error';

export interface Logger {
  info(event: LogEvent, fields?: LogFields): void;
  warn(event: LogEvent, fields?: LogFields): void;
  error(event: LogEvent, fields?: LogFields): void;
}

const oneOf =
  (values: readonly string[]) =>
  (v: unknown): boolean =>
    typeof v === 'string' && values.includes(v);
const count = (v: unknown): boolean => Number.isSafeInteger(v) && (v as number) >= 0;

const CHECKS: Record<keyof LogFields, (v: unknown) => boolean> = {
  reference: (v) => typeof v === 'string' && REFERENCE_PATTERN.test(v),
  kind: oneOf(KINDS),
  priority: oneOf(PRIORITY_LEVELS),
  attempt: count,
  status: (v) => v === null || (Number.isInteger(v) && (v as number) >= 100 && (v as number) <= 599),
  errorClass: oneOf(ERROR_CLASSES),
  reason: oneOf(REJECT_REASONS),
  count,
  ms: count,
  worker: (v) => typeof v === 'string' && /^w-[0-9a-z-]{1,40}$/.test(v),
  code: (v) => typeof v === 'string' && /^[A-Z][A-Z0-9_]{0,40}$/.test(v),
  msg: oneOf(LOG_MESSAGES),
};

/** Keeps only allowed fields with allowed values; anything else is dropped and counted. */
export function safeFields(fields: unknown): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (typeof fields !== 'object' || fields === null) return out;
  let dropped = 0;
  for (const [key, value] of Object.entries(fields)) {
    const check = Object.hasOwn(CHECKS, key) ? CHECKS[key as keyof LogFields] : undefined;
    if (check?.(value)) out[key] = value;
    else if (value !== undefined) dropped++;
  }
  if (dropped > 0) out['dropped'] = dropped;
  return out;
}

export function createLogger(
  write: (line: string) => void = (line) => process.stdout.write(`${line}\n`),
  clock: Clock = systemClock,
): Logger {
  const emit = (level: Level, event: LogEvent, fields?: LogFields) => {
    const safeEvent = (LOG_EVENTS as readonly string[]).includes(event) ? event : 'worker-error';
    write(JSON.stringify({ time: new Date(clock.now()).toISOString(), level, event: safeEvent, ...safeFields(fields) }));
  };
  return {
    info: (event, fields) => emit('info', event, fields),
    warn: (event, fields) => emit('warn', event, fields),
    error: (event, fields) => emit('error', event, fields),
  };
}

/** A logger that keeps its lines in memory, for tests and benchmarks. */
export function memoryLogger(clock: Clock = systemClock): Logger & { lines: string[] } {
  const lines: string[] = [];
  return Object.assign(createLogger((line) => lines.push(line), clock), { lines });
}
