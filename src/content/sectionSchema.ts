import { z } from 'astro/zod';

const source = z
  .object({
    title: z.string().trim().min(3),
    url: z.url({ protocol: /^https$/, message: 'each source needs an https:// address' }),
  })
  .strict();

/** Plain-English text for patients: one or more short paragraphs, no Markdown beyond **bold**. */
const text = z.string().trim().min(10);

/** The groups "Find your section" and the checker sort statuses into. */
export const SECTION_GROUPS = ['hospital', 'short-term', 'court-or-prison', 'community', 'informal'] as const;

/**
 * One Mental Health Act status (content/sections/<id>.yaml): the single source for its rights
 * page, "Find your section" and the "Can I get an IMHA?" checker.
 */
export const sectionSchema = z
  .object({
    /** Short label as people say it: "Section 2", "Section 37/41", "Community treatment order". */
    label: z.string().trim().min(2).max(60),
    /** What it is called in the Act, e.g. "Admission for assessment". */
    name: z.string().trim().min(3).max(80),
    group: z.enum(SECTION_GROUPS),
    /** Order within its group on "Find your section". */
    order: z.number().int().min(1),
    /** How someone who does not know the number would describe it, first person: "The police took me to a place of safety". */
    plainDescriptions: z.array(z.string().trim().min(10).max(140)).min(1).max(4),
    /** One sentence for lists and page descriptions. */
    summary: z.string().trim().min(20).max(200),
    purpose: text,
    whoDecides: text,
    duration: text,
    renewal: text.optional(),
    tribunal: z
      .object({
        canApply: z.boolean(),
        text,
      })
      .strict(),
    managersHearing: text.optional(),
    nearestRelative: text,
    treatment: text,
    leave: text.optional(),
    imha: z
      .object({
        /** "conditional": only in some situations, e.g. an informal patient offered a section 57 treatment. */
        eligible: z.enum(['yes', 'no', 'conditional']),
        /** Why, in plain words, citing the rule: "Section 130C of the Act does not include section 136." */
        reason: text,
        /** For people who cannot have an IMHA on this status: what help there is instead. */
        instead: text.optional(),
      })
      .strict()
      .refine((imha) => imha.eligible === 'yes' || imha.instead !== undefined, {
        message: 'a status without the right to an IMHA must say what help there is instead',
        path: ['instead'],
      }),
    sources: z.array(source).min(1),
    lastReviewed: z.coerce.date(),
    nextReview: z.coerce.date(),
  })
  .strict();

export type SectionData = z.infer<typeof sectionSchema>;
