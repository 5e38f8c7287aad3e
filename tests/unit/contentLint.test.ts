import { describe, expect, it } from 'vitest';
import { lintPage, lintSection } from '../lint/contentLint.ts';

const routes = new Set(['/en/', '/en/contact-us/', '/en/easy-read/contact-us/', '/en/ask-for-an-advocate/']);
// A fixed day, so these tests do not start failing as the calendar moves on.
const options = { today: '2027-01-15', routes };

function page(body: string, front: Record<string, string> = {}): string {
  const fields = {
    title: 'Test page',
    description: 'A page used to test the content checks.',
    audience: 'patients',
    variant: 'standard',
    lastReviewed: '2026-11-22',
    nextReview: '2027-11-22',
    ...front,
  };
  const yaml = Object.entries(fields)
    .map(([k, v]) => `${k}: ${v}`)
    .join('\n');
  return `---\n${yaml}\nsources:\n  - title: The Act\n    url: https://www.legislation.gov.uk/ukpga/1983/20\n---\n\n${body}\n`;
}

const rules = async (source: string, path = 'content/pages/en/test.mdx') =>
  (await lintPage(path, source, options)).filter((f) => f.level === 'error').map((f) => `${f.line} ${f.rule}`);

describe('content checks', () => {
  it('pass a plain page with good links', async () => {
    expect(await rules(page('You can [contact us](../contact-us/) at any time. We will help you.'))).toEqual([]);
  });

  it('name the line of a vague link and of a link to a page that does not exist', async () => {
    const found = await rules(page('Ask us.\n\nTo ask, [click here](../contact-us/).\n\nSee [the old page](../no-such-page/).'));
    expect(found).toEqual(['15 vague-link', '17 broken-link']);
  });

  it('fail a page whose review date has passed', async () => {
    expect(await rules(page('Short and clear.', { nextReview: '2027-01-14' }))).toEqual(['7 review-overdue']);
  });

  it('hold Easy Read pages to sentences of 15 words or fewer, and standard pages to 30', async () => {
    const sixteen = 'You can ask for an advocate at any time you like and we will come soon.';
    expect(await rules(page(sixteen))).toEqual([]);
    expect(await rules(page(`<Point picture="advocate">\n\n${sixteen}\n\n</Point>`, { variant: 'easy-read' }))).toContain('15 sentence-length');
  });

  it('fail considerate-wording problems', async () => {
    expect(await rules(page('The staff said he was crazy.'))).toContain('13 equality');
  });

  it('fail a section file whose review is overdue', () => {
    expect(lintSection('content/sections/s2.yaml', 'label: Section 2\nnextReview: 2027-01-01\n', options)).toMatchObject([{ line: 2, rule: 'review-overdue' }]);
  });
});
