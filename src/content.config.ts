import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { pageSchema } from './content/pageSchema.ts';
import { sectionSchema } from './content/sectionSchema.ts';

/** Information pages: content/pages/<locale>/<slug>.mdx; the entry id is "<locale>/<slug>". */
const pages = defineCollection({
  loader: glob({
    pattern: '**/*.mdx',
    base: './content/pages',
    generateId: ({ entry }) => entry.replace(/\.mdx$/, ''),
  }),
  schema: pageSchema,
});

/** Mental Health Act statuses: content/sections/<id>.yaml; rights pages and the checker come from them. */
const sections = defineCollection({
  loader: glob({ pattern: '*.yaml', base: './content/sections' }),
  schema: sectionSchema,
});

export const collections = { pages, sections };
