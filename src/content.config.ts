import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { pageSchema } from './content/pageSchema.ts';

/** Information pages: content/pages/<locale>/<slug>.mdx; the entry id is "<locale>/<slug>". */
const pages = defineCollection({
  loader: glob({
    pattern: '**/*.mdx',
    base: './content/pages',
    generateId: ({ entry }) => entry.replace(/\.mdx$/, ''),
  }),
  schema: pageSchema,
});

export const collections = { pages };
