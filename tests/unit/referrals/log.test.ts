import { describe, expect, it } from 'vitest';
import { memoryLogger, safeFields, type LogFields } from '../../../src/referrals/log.ts';
import { manualClock } from './support.ts';

describe('structured logs', () => {
  it('write one JSON line with time, level, event and allowed fields', () => {
    const log = memoryLogger(manualClock(Date.UTC(2026, 10, 20, 10)));
    log.warn('retry', { reference: 'IMHA-7KQ4-M9XD', attempt: 3, status: 503, errorClass: 'server-error', ms: 60_000 });
    expect(log.lines).toHaveLength(1);
    expect(JSON.parse(log.lines[0] ?? '')).toEqual({
      time: '2026-11-20T10:00:00.000Z',
      level: 'warn',
      event: 'retry',
      reference: 'IMHA-7KQ4-M9XD',
      attempt: 3,
      status: 503,
      errorClass: 'server-error',
      ms: 60_000,
    });
  });

  it('cannot be made to write personal data, even through a cast', () => {
    const log = memoryLogger();
    const sneaky = {
      reference: 'Zebedee Quillfeather',
      name: 'Zebedee Quillfeather',
      phone: '07700 900461',
      kind: 'Zebedee',
      code: 'Zebedee Quillfeather',
      worker: 'w-07700 900461',
      status: '07700900461',
      count: 7700900461.5,
      msg: 'Hello Zebedee',
      message: 'free text',
    } as unknown as LogFields;
    log.info('accepted', sneaky);
    log.info('Zebedee' as never, {});
    const text = log.lines.join('\n');
    expect(text).not.toMatch(/Zebedee|07700|free text/);
    expect(JSON.parse(log.lines[0] ?? '')).toMatchObject({ event: 'accepted', dropped: 10 });
  });

  it('keep only valid values', () => {
    expect(safeFields({ attempt: -1, status: 99, reason: 'cross-origin', kind: 'callback' })).toEqual({
      reason: 'cross-origin',
      kind: 'callback',
      dropped: 2,
    });
    expect(safeFields(null)).toEqual({});
    expect(safeFields({ status: null })).toEqual({ status: null });
  });
});
