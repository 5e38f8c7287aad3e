import { describe, expect, it } from 'vitest';
import { pageSchema } from '../../src/content/pageSchema.ts';

const valid = {
  title: 'What is an IMHA?',
  description: 'What an Independent Mental Health Advocate is and how they help.',
  audience: 'patients',
  variant: 'standard',
  sources: [{ title: 'Mental Health Act 1983', url: 'https://www.legislation.gov.uk/ukpga/1983/20/contents' }],
  lastReviewed: '2026-11-22',
  nextReview: '2027-11-22',
};

function problems(change: Record<string, unknown>): string[] {
  const result = pageSchema.safeParse({ ...valid, ...change });
  return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
}

describe('page frontmatter', () => {
  it('accepts a complete English page', () => {
    expect(problems({})).toEqual([]);
  });

  it('accepts a machine translation that records its English source', () => {
    expect(problems({ translationOf: 'what-is-an-imha', sourceHash: '0123456789ab', translatedBy: 'machine' })).toEqual([]);
  });

  it.each([
    ['no sources', { sources: [] }, 'sources: list at least one source'],
    ['a source without an address', { sources: [{ title: 'The Act', url: 'legislation' }] }, 'sources.0.url: each source needs an https:// address'],
    ['an unknown audience', { audience: 'doctors' }, 'audience:'],
    ['an unknown variant', { variant: 'large-print' }, 'variant:'],
    ['a review more than 3 years ahead', { nextReview: '2029-11-23' }, 'nextReview: nextReview must be at most 3 years after lastReviewed'],
    ['a review before the last one', { nextReview: '2026-01-01' }, 'nextReview: nextReview must be after lastReviewed'],
    ['a date that is not a date', { lastReviewed: 'last week' }, 'lastReviewed:'],
    ['a translation without its source hash', { translationOf: 'what-is-an-imha', translatedBy: 'person' }, 'translationOf: a translation needs translationOf, sourceHash and translatedBy together'],
    ['an unknown translator kind', { translationOf: 'x', sourceHash: '0123456789ab', translatedBy: 'robot' }, 'translatedBy:'],
    ['a missing title', { title: undefined }, 'title:'],
    ['a misspelt field', { lastReveiwed: '2026-11-22' }, 'lastReveiwed'],
  ])('rejects %s, naming the field', (_name, change, message) => {
    expect(problems(change).join('\n')).toContain(message);
  });
});
