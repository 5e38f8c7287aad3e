import { readdirSync, readFileSync } from 'node:fs';

/** Paths of every page in the built sitemap, e.g. "/en/contact-us/". */
export function sitemapPaths(): string[] {
  const dir = 'dist/client';
  const files = readdirSync(dir).filter((name) => /^sitemap-\d+\.xml$/.test(name));
  if (files.length === 0) throw new Error('No sitemap in dist/client: run `npm run build` first');
  return files
    .flatMap((name) => [...readFileSync(`${dir}/${name}`, 'utf8').matchAll(/<loc>([^<]+)<\/loc>/g)])
    .map((match) => new URL(match[1] ?? '/').pathname)
    .sort();
}
