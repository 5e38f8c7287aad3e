import type { APIRoute, GetStaticPaths } from 'astro';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { PICTURES, type PictureName } from '../../easyRead/pictures.ts';

export const prerender = true;

const openmoji = dirname(createRequire(import.meta.url).resolve('openmoji/package.json'));

export const getStaticPaths = (() => Object.keys(PICTURES).map((name) => ({ params: { name } }))) satisfies GetStaticPaths;

/** Publishes only the pictures the Easy Read pages name, as plain files (cached, no inline SVG ids). */
export const GET: APIRoute = ({ params }) => {
  const code = PICTURES[params['name'] as PictureName];
  const svg = readFileSync(join(openmoji, 'color', 'svg', `${code}.svg`), 'utf8');
  return new Response(svg, { headers: { 'Content-Type': 'image/svg+xml' } });
};
