/** `npm run lint:content`: runs the content checks over content/ and prints every finding. */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { buildTree, START } from '../../src/checker/tree.ts';
import { LOCALE_CODES } from '../../src/i18n/locales.ts';
import { loadSections } from '../sectionsData.ts';
import { lintPage, lintSection, lintSectionTranslation, lintTranslation, type Finding } from './contentLint.ts';

function files(dir: string, ending: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? files(path, ending) : entry.name.endsWith(ending) ? [path] : [];
  });
}

/** Every address the site has, in every language. */
export function siteRoutes(): Set<string> {
  const sections = loadSections();
  const slugs = files('content/pages/en', '.mdx').map((path) =>
    relative('content/pages/en', path).replace(/\.mdx$/, '').replace(/(^|\/)index$/, ''),
  );
  const steps = buildTree(sections).map((step) => (step.id === START ? '' : step.id));
  const routes = new Set<string>();
  for (const locale of LOCALE_CODES) {
    const add = (path: string) => routes.add(`/${locale}/${path}${path ? '/' : ''}`);
    slugs.forEach(add);
    ['ask-for-an-advocate', 'call-back', 'refer', 'rights', 'posters', 'ward-poster', 'bsl', 'search'].forEach(add);
    sections.forEach((section) => add(`rights/${section.id}`));
    steps.forEach((step) => add(`can-i-get-an-imha${step ? `/${step}` : ''}`));
  }
  return routes;
}

const today = process.env['LINT_TODAY'] ?? new Date().toISOString().slice(0, 10);
const options = { today, routes: siteRoutes() };
const pages = files('content/pages', '.mdx').sort();
const sections = files('content/sections', '.yaml').sort();
const findings: Finding[] = [];
const englishOf = (path: string) => path.replace(/^content\/(pages|sections)\/[a-z]{2}\//, (_, kind: string) => `content/${kind}/${kind === 'pages' ? 'en/' : ''}`);
for (const path of pages) {
  const source = readFileSync(path, 'utf8');
  findings.push(...(await lintPage(path, source, options)));
  if (!path.startsWith('content/pages/en/')) findings.push(...lintTranslation(path, source, readFileSync(englishOf(path), 'utf8')));
}
for (const path of sections) {
  const source = readFileSync(path, 'utf8');
  const translation = /^content\/sections\/[a-z]{2}\//.test(path);
  findings.push(...(translation ? lintSectionTranslation(path, source, readFileSync(englishOf(path), 'utf8')) : lintSection(path, source, options)));
}

const showAdvice = process.argv.includes('--advice');
for (const f of findings) {
  if (f.level === 'error' || showAdvice) console.log(`${f.file}:${f.line}:${f.column}  ${f.level}  ${f.rule}  ${f.message}`);
}
const failedFiles = new Set(findings.filter((f) => f.level === 'error').map((f) => f.file));
const checked = pages.length + sections.length;
const advice = findings.filter((f) => f.level === 'advice').length;
console.log(`content: ${checked} files checked, ${failedFiles.size} with errors, ${advice} pieces of advice (see them with --advice)`);
mkdirSync('test-results', { recursive: true });
writeFileSync('test-results/content-lint.json', JSON.stringify({ passed: checked - failedFiles.size, failed: failedFiles.size }));
process.exit(failedFiles.size === 0 ? 0 : 1);
