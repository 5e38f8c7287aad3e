import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { pageSchema } from './content/pageSchema.ts';
import { sectionSchema, sectionTranslationSchema } from './content/sectionSchema.ts';
import { videoSchemaFor } from './content/videoSchema.ts';

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

/** Translations of the statuses' words: content/sections/<locale>/<id>.yaml; the entry id is "<locale>/<id>". */
const sectionTranslations = defineCollection({
  loader: glob({
    pattern: '*/*.yaml',
    base: './content/sections',
    generateId: ({ entry }) => entry.replace(/\.yaml$/, ''),
  }),
  schema: sectionTranslationSchema,
});

/** British Sign Language explanations: content/videos/<id>.yaml, with their files in public/videos/. */
const videos = defineCollection({
  loader: glob({ pattern: '*.yaml', base: './content/videos' }),
  schema: videoSchemaFor('public'),
});

export const collections = { pages, sections, sectionTranslations, videos };
