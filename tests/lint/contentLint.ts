/**
 * Content checks (`npm run lint:content`): what a reviewer would otherwise catch by hand.
 * Errors fail the check; advice is printed for the editor. Every finding names file, line and problem.
 *
 * - every page has sources and dates, and its next review is not overdue;
 * - plain language with retext: sentence length, readability, simpler words, considerate wording —
 *   strict for Easy Read pages (errors), a looser bar for standard pages (long sentences are errors,
 *   the rest advice);
 * - no vague link text ("click here", "read more"), no internal link to a page that does not exist;
 * - translations have valid frontmatter and keep every component of the English page.
 */
import { retext } from 'retext';
import retextEquality from 'retext-equality';
import retextReadability from 'retext-readability';
import retextSimplify from 'retext-simplify';
import { VFile } from 'vfile';
import { parse } from 'yaml';
import { pageSchema } from '../../src/content/pageSchema.ts';
import { applySectionTranslation, sectionSchema, sectionTranslationSchema } from '../../src/content/sectionSchema.ts';

export interface Finding {
  file: string;
  line: number;
  column: number;
  level: 'error' | 'advice';
  rule: string;
  message: string;
}

export interface LintOptions {
  /** "YYYY-MM-DD": reviews due before this day are overdue. */
  today: string;
  /** Every address on the site, e.g. "/en/contact-us/". */
  routes: ReadonlySet<string>;
}

export const LIMITS = { easyRead: 15, standard: 30 } as const;

const VAGUE = /^(click here|here|read more|more|find out more|this page|this link|link|learn more|see more)$/i;

// Legal terms the Act uses and patients need to recognise; the wording checks would otherwise flag them.
// "It is" and "There are" start many good Easy Read sentences ("It is free."); PALS is a service's name.
const KEEP_WORDS = ['it is', 'there is', 'there are', 'not unless', 'liaison', 'mental disorder', 'disorder', 'patient', 'patients', 'detained', 'detain', 'approved', 'appropriate', 'provide', 'request', 'require', 'information', 'however', 'additional', 'contact', 'receive', 'accompany', 'assistance', 'necessary', 'sufficient', 'submit', 'obtain', 'relevant', 'individual', 'ensure', 'a number of', 'consent', 'application', 'apply', 'support', 'initial', 'commence', 'prior to', 'regarding', 'purchase', 'type of', 'remain', 'attempt', 'equivalent', 'therefore', 'forward', 'similar', 'function', 'option', 'delete', 'impact', 'identify', 'multiple', 'selection', 'effect', 'maximum', 'minimum', 'adequate', 'component', 'facilitate', 'in order to', 'prioritize', 'capability', 'expiration', 'modify', 'validate', 'conditional', 'discharge', 'previous', 'possess', 'accurate'];

// Names and legal words that the wording check would flag: the Act's name, the format "Easy Read", the
// Ombudsman's title, and the relatives that section 26 of the Act lists in its own words.
const EQUALITY_KEEP = ['mental', 'special', 'easy', 'simply', 'ombudsman', 'husband', 'wife', 'son', 'daughter', 'father', 'mother', 'brother', 'sister', 'grandparent', 'grandchild', 'uncle', 'aunt', 'nephew', 'niece', 'he', 'she', 'her', 'his', 'him'];

/** The page's text with Markdown and components taken out, line for line, so positions still match. */
export function proseOf(source: string): { text: string; firstLine: number } {
  const match = source.match(/^---\n[\s\S]*?\n---\n/);
  const frontmatter = match ? match[0] : '';
  const firstLine = frontmatter.split('\n').length;
  const text = source
    .slice(frontmatter.length)
    .split('\n')
    .map((line) =>
      line
        .replace(/<\/?Point\b[^>]*>/g, '')
        .replace(/<([A-Z]\w*)\s*\/>/g, 'something')
        .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
        .replace(/^\s*#{1,6}\s+/, '')
        // A list item is a sentence of its own, even when it starts in lower case.
        .replace(/^\s*(?:[-*+]|\d+\.)\s+(\S)/, (_item, first: string) => first.toUpperCase())
        .replace(/\*\*|__|`/g, '')
        .replace(/^\s*\|.*\|\s*$/, (row) => (/^[\s|:-]+$/.test(row) ? '' : row.replace(/\|/g, '. ')))
        // A heading, list item or table cell is a unit of its own: end it so it is not run into the next.
        .replace(/([^.?!:;\s])\s*$/, '$1.'),
    )
    .join('\n');
  return { text, firstLine };
}

interface SentenceNode {
  type: string;
  children?: SentenceNode[];
  position?: { start: { line: number; column: number } };
}

function sentences(tree: SentenceNode): SentenceNode[] {
  if (tree.type === 'SentenceNode') return [tree];
  return (tree.children ?? []).flatMap(sentences);
}

function wordCount(sentence: SentenceNode): number {
  return (sentence.children ?? []).filter((child) => child.type === 'WordNode').length;
}

/** Checks one MDX page. `path` is as printed, e.g. "content/pages/en/contact-us.mdx". */
export async function lintPage(path: string, source: string, options: LintOptions): Promise<Finding[]> {
  const findings: Finding[] = [];
  const add = (line: number, column: number, level: Finding['level'], rule: string, message: string) =>
    findings.push({ file: path, line, column, level, rule, message });

  const front = source.match(/^---\n([\s\S]*?)\n---\n/);
  const data = (front ? parse(front[1] ?? '') : {}) as Record<string, unknown>;
  const easyRead = data['variant'] === 'easy-read';
  const frontLine = (key: string) => 1 + (front?.[1] ?? '').split('\n').findIndex((l) => l.startsWith(`${key}:`)) + 1;

  if (!Array.isArray(data['sources']) || data['sources'].length === 0) add(1, 1, 'error', 'sources', 'the page lists no sources');
  for (const key of ['lastReviewed', 'nextReview']) if (data[key] === undefined) add(1, 1, 'error', 'dates', `the page has no ${key}`);
  const next = data['nextReview'] instanceof Date ? data['nextReview'].toISOString().slice(0, 10) : String(data['nextReview'] ?? '');
  if (next && next < options.today) add(frontLine('nextReview'), 1, 'error', 'review-overdue', `review was due on ${next}: check the page and set new dates`);

  // Links: vague text and internal targets.
  const base = new URL(`http://site/${path.replace(/^content\/pages\//, '').replace(/\.mdx$/, '').replace(/(^|\/)index$/, '')}/`.replace(/\/+$/, '/'));
  const lines = source.split('\n');
  lines.forEach((line, index) => {
    for (const link of line.matchAll(/\[([^\]]*)\]\(([^)\s]+)\)/g)) {
      const [, text = '', href = ''] = link;
      const column = (link.index ?? 0) + 1;
      if (VAGUE.test(text.trim())) add(index + 1, column, 'error', 'vague-link', `link text "${text}" does not say where it goes`);
      if (/^(\.\.?\/|\/)/.test(href)) {
        const target = new URL(href.split('#')[0] ?? '', base).pathname;
        if (!options.routes.has(target)) add(index + 1, column, 'error', 'broken-link', `${href} leads to ${target}, which does not exist`);
      }
    }
  });

  // Plain language: the English checks only read English.
  if (!path.startsWith('content/pages/en/')) return findings.sort((a, b) => a.line - b.line || a.column - b.column);
  const { text, firstLine } = proseOf(source);
  const limit = easyRead ? LIMITS.easyRead : LIMITS.standard;
  const file = new VFile({ value: text, path });
  const processor = retext()
    .use(retextReadability, { age: easyRead ? 12 : 14, threshold: easyRead ? 6 / 7 : 5 / 7 })
    .use(retextSimplify, { ignore: KEEP_WORDS })
    .use(retextEquality, { ignore: EQUALITY_KEEP });
  const tree = processor.parse(file) as unknown as SentenceNode;
  for (const sentence of sentences(tree)) {
    const words = wordCount(sentence);
    if (words > limit) {
      const start = sentence.position?.start ?? { line: 1, column: 1 };
      add(start.line + firstLine - 1, start.column, 'error', 'sentence-length', `sentence of ${words} words (at most ${limit} on ${easyRead ? 'Easy Read' : 'standard'} pages)`);
    }
  }
  await processor.run(processor.parse(file) as never, file);
  for (const message of file.messages) {
    const rule = String(message.source ?? message.ruleId ?? 'retext');
    const level: Finding['level'] = easyRead || rule === 'retext-equality' ? 'error' : 'advice';
    add((message.line ?? 1) + firstLine - 1, message.column ?? 1, level, rule.replace(/^retext-/, ''), message.reason);
  }
  return findings.sort((a, b) => a.line - b.line || a.column - b.column);
}

/** Checks a section's review date (its text is written to the standard bar by its authors). */
export function lintSection(path: string, source: string, options: LintOptions): Finding[] {
  const data = parse(source) as Record<string, unknown>;
  const next = data['nextReview'] instanceof Date ? data['nextReview'].toISOString().slice(0, 10) : String(data['nextReview'] ?? '');
  const line = source.split('\n').findIndex((l) => l.startsWith('nextReview:')) + 1;
  return next && next < options.today
    ? [{ file: path, line, column: 1, level: 'error', rule: 'review-overdue', message: `review was due on ${next}: check the section and set new dates` }]
    : [];
}

const tags = (mdx: string) =>
  [...mdx.replace(/^---\n[\s\S]*?\n---\n/, '').matchAll(/<([A-Z]\w*)\b/g)]
    .map((m) => m[1] ?? '')
    .sort()
    .join(' ');

/**
 * Checks a translated page against its English page: valid frontmatter with the translation fields,
 * `translationOf` naming the page, and the same components (<Phone />, <Point …>) as the English, so
 * no phone number, contact route or picture is lost in translation.
 */
export function lintTranslation(path: string, source: string, englishSource: string): Finding[] {
  const findings: Finding[] = [];
  const add = (rule: string, message: string) => findings.push({ file: path, line: 1, column: 1, level: 'error', rule, message });
  const front = source.match(/^---\n([\s\S]*?)\n---\n/);
  const result = pageSchema.safeParse(front ? parse(front[1] ?? '') : {});
  if (!result.success) {
    for (const issue of result.error.issues) add('frontmatter', `${issue.path.join('.') || 'frontmatter'}: ${issue.message}`);
    return findings;
  }
  const slug = path.replace(/^content\/pages\/[^/]+\//, '').replace(/\.mdx$/, '').replace(/(.)\/index$/, '$1');
  if (result.data.translationOf !== slug) add('translation', `translationOf must be "${slug}"`);
  if (!result.data.sourceHash || !result.data.translatedBy) add('translation', 'a translation needs sourceHash and translatedBy (see npm run i18n:status -- --hashes)');
  if (tags(source) !== tags(englishSource)) add('components', `components differ from the English page: [${tags(source)}] ≠ [${tags(englishSource)}]`);
  return findings;
}

/** Checks a translation of a status (content/sections/<locale>/<id>.yaml) against its English file. */
export function lintSectionTranslation(path: string, source: string, englishSource: string): Finding[] {
  const add = (message: string): Finding => ({ file: path, line: 1, column: 1, level: 'error', rule: 'translation', message });
  const result = sectionTranslationSchema.safeParse(parse(source));
  if (!result.success) return result.error.issues.map((issue) => add(`${issue.path.join('.')}: ${issue.message}`));
  try {
    applySectionTranslation(sectionSchema.parse(parse(englishSource)), result.data);
    return [];
  } catch (error) {
    return [add((error as Error).message)];
  }
}
