import { createHash } from 'node:crypto';

/**
 * Fingerprint of an English page's text (its body without frontmatter, with
 * line endings normalised), recorded in each translation as `sourceHash` so
 * the build can tell when the English has changed since.
 */
export function sourceHash(mdxFileText: string): string {
  const body = mdxFileText.replace(/\r\n/g, '\n').replace(/^---\n[\s\S]*?\n---\n/, '').trim();
  return createHash('sha256').update(body).digest('hex').slice(0, 12);
}
