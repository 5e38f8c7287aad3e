import { createHash } from 'node:crypto';

const fingerprint = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 12);

/**
 * Fingerprint of an English page's text (its body without frontmatter, with
 * line endings normalised), recorded in each translation as `sourceHash` so
 * the build can tell when the English has changed since.
 */
export function sourceHash(mdxFileText: string): string {
  return fingerprint(mdxFileText.replace(/\r\n/g, '\n').replace(/^---\n[\s\S]*?\n---\n/, '').trim());
}

/** Fingerprint of structured English text, such as the words of a status (`sectionText`). */
export function dataHash(words: unknown): string {
  return fingerprint(JSON.stringify(words));
}
