import { describe, expect, it } from 'vitest';
import { derivePriority } from '../../../src/referrals/priority.ts';

const TODAY = '2026-11-20';

describe('priority from coming dates', () => {
  it('is routine with no dates', () => {
    expect(derivePriority([], TODAY)).toEqual({ level: 'routine', because: null });
  });

  it('is urgent for a tribunal or managers\' hearing within 14 days, counting today as day 0', () => {
    expect(derivePriority([{ kind: 'tribunal', date: '2026-11-20' }], TODAY).level).toBe('urgent');
    expect(derivePriority([{ kind: 'tribunal', date: '2026-12-04' }], TODAY).level).toBe('urgent');
    expect(derivePriority([{ kind: 'managers-hearing', date: '2026-12-04' }], TODAY).level).toBe('urgent');
    expect(derivePriority([{ kind: 'tribunal', date: '2026-12-05' }], TODAY).level).toBe('soon');
  });

  it('is urgent for a ward round within 7 days', () => {
    expect(derivePriority([{ kind: 'ward-round', date: '2026-11-27' }], TODAY).level).toBe('urgent');
    expect(derivePriority([{ kind: 'ward-round', date: '2026-11-28' }], TODAY).level).toBe('soon');
  });

  it('is soon for any date within 28 days, routine beyond', () => {
    expect(derivePriority([{ kind: 'tribunal', date: '2026-12-18' }], TODAY).level).toBe('soon');
    expect(derivePriority([{ kind: 'tribunal', date: '2026-12-19' }], TODAY)).toEqual({
      level: 'routine',
      because: { kind: 'tribunal', date: '2026-12-19' },
    });
  });

  it('names the earliest date that set the level', () => {
    const p = derivePriority(
      [
        { kind: 'ward-round', date: '2026-12-10' },
        { kind: 'tribunal', date: '2026-12-03' },
        { kind: 'managers-hearing', date: '2026-11-30' },
      ],
      TODAY,
    );
    expect(p).toEqual({ level: 'urgent', because: { kind: 'managers-hearing', date: '2026-11-30' } });
    // The ward round is earlier but only "soon"; the tribunal makes it urgent.
    expect(
      derivePriority(
        [
          { kind: 'ward-round', date: '2026-11-29' },
          { kind: 'tribunal', date: '2026-12-02' },
        ],
        TODAY,
      ),
    ).toEqual({ level: 'urgent', because: { kind: 'tribunal', date: '2026-12-02' } });
  });

  it('ignores dates already past', () => {
    expect(derivePriority([{ kind: 'tribunal', date: '2026-11-19' }], TODAY)).toEqual({ level: 'routine', because: null });
  });
});
