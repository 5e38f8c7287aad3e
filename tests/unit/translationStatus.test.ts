import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { sectionSchema, sectionText } from '../../src/content/sectionSchema.ts';
import { dataHash, sourceHash } from '../../src/i18n/sourceHash.ts';
import { translationStatus } from '../../src/i18n/status.ts';

const english = (body: string) => `---\ntitle: Example\n---\n${body}\n`;
const translation = (hash: string, by: string, extra = '') => `---\ntitle: Przykład\ntranslationOf: x\nsourceHash: ${hash}\ntranslatedBy: ${by}\n${extra}---\nTreść.\n`;

function content(): string {
  const root = mkdtempSync(join(tmpdir(), 'i18n-status-'));
  for (const dir of ['pages/en', 'pages/pl', 'pages/ur', 'sections/pl']) mkdirSync(join(root, dir), { recursive: true });
  writeFileSync(join(root, 'pages/en/tribunal.mdx'), english('The Tribunal can end your section.'));
  writeFileSync(join(root, 'pages/en/contact-us.mdx'), english('Phone us.'));
  const tribunal = sourceHash(english('The Tribunal can end your section.'));
  writeFileSync(join(root, 'pages/pl/tribunal.mdx'), translation(tribunal, 'machine'));
  writeFileSync(join(root, 'pages/ur/tribunal.mdx'), translation(tribunal, 'machine', 'reviewedBy: A reviewer\n'));
  // Made from an older English text: stale, even though a person translated it.
  writeFileSync(join(root, 'pages/pl/contact-us.mdx'), translation(sourceHash(english('Ring us.')), 'person'));
  copyFileSync('content/sections/s3.yaml', join(root, 'sections/s3.yaml'));
  const s3 = sectionSchema.parse(parse(readFileSync('content/sections/s3.yaml', 'utf8')));
  writeFileSync(join(root, 'sections/pl/s3.yaml'), stringify({ sourceHash: dataHash(sectionText(s3)), translatedBy: 'machine', ...sectionText(s3) }));
  return root;
}

describe('npm run i18n:status', () => {
  const rows = translationStatus(content());
  const row = (name: string) => rows.find((r) => r.name === name);

  it('marks a machine translation of the current English as machine, and as up to date once a person has checked it', () => {
    expect(row('tribunal')?.states.pl).toBe('machine');
    expect(row('tribunal')?.states.ur).toBe('ok');
  });

  it('marks a translation made from older English as stale', () => {
    expect(row('contact-us')?.states.pl).toBe('stale');
  });

  it('marks a page with no translation as missing', () => {
    expect(row('contact-us')?.states.ur).toBe('missing');
    expect(row('tribunal')?.states.ar).toBe('missing');
  });

  it('covers the rights data too, by a hash of the words only', () => {
    expect(row('rights/s3')?.states.pl).toBe('machine');
    expect(row('rights/s3')?.states.ur).toBe('missing');
  });

  it('is stale when the words of a status change, not when its sources or dates do', () => {
    const s3 = sectionSchema.parse(parse(readFileSync('content/sections/s3.yaml', 'utf8')));
    const moved = { ...s3, lastReviewed: new Date('2027-01-01'), sources: s3.sources.slice(1) };
    expect(dataHash(sectionText(moved))).toBe(dataHash(sectionText(s3)));
    expect(dataHash(sectionText({ ...s3, summary: `${s3.summary} Changed.` }))).not.toBe(dataHash(sectionText(s3)));
  });
});
