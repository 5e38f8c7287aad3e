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

/**
 * A translation of one status (content/sections/<locale>/<id>.yaml): only the words. Everything
 * else (group, order, eligibility, sources, dates) comes from the English file, so a translation
 * can never change what the site says the law is.
 */
export const sectionTranslationSchema = z
  .object({
    /** `npm run i18n:status -- --hashes` prints the fingerprint of the English it was made from. */
    sourceHash: z.string().regex(/^[0-9a-f]{12}$/, 'sourceHash must be 12 hex characters'),
    translatedBy: z.enum(['person', 'machine']),
    reviewedBy: z.string().trim().min(2).optional(),
    label: z.string().trim().min(2).max(80),
    name: z.string().trim().min(3).max(200),
    plainDescriptions: z.array(z.string().trim().min(5).max(200)).min(1).max(4),
    summary: z.string().trim().min(10).max(260),
    purpose: text,
    whoDecides: text,
    duration: text,
    renewal: text.optional(),
    tribunal: z.object({ text }).strict(),
    managersHearing: text.optional(),
    nearestRelative: text,
    treatment: text,
    leave: text.optional(),
    imha: z.object({ reason: text, instead: text.optional() }).strict(),
  })
  .strict();

export type SectionTranslation = z.infer<typeof sectionTranslationSchema>;

/** The words of a status that a translation replaces, in a fixed shape; its hash is the translation's sourceHash. */
export function sectionText(data: SectionData) {
  return {
    label: data.label,
    name: data.name,
    plainDescriptions: data.plainDescriptions,
    summary: data.summary,
    purpose: data.purpose,
    whoDecides: data.whoDecides,
    duration: data.duration,
    renewal: data.renewal,
    tribunal: { text: data.tribunal.text },
    managersHearing: data.managersHearing,
    nearestRelative: data.nearestRelative,
    treatment: data.treatment,
    leave: data.leave,
    imha: { reason: data.imha.reason, instead: data.imha.instead },
  };
}

const OPTIONAL_TEXT = ['renewal', 'managersHearing', 'leave'] as const;

/**
 * The status as a reader of the translation gets it: English facts with translated words.
 * Throws, naming the field, when the translation leaves out text the English has or adds text it lacks.
 */
export function applySectionTranslation(english: SectionData, translation: SectionTranslation): SectionData {
  const mismatched = [
    ...OPTIONAL_TEXT.filter((field) => (english[field] === undefined) !== (translation[field] === undefined)),
    ...((english.imha.instead === undefined) !== (translation.imha.instead === undefined) ? ['imha.instead'] : []),
  ];
  if (mismatched.length > 0) {
    throw new Error(`translation must have exactly the text fields the English has; check: ${mismatched.join(', ')}`);
  }
  const { sourceHash: _hash, translatedBy: _by, reviewedBy: _reviewer, ...words } = translation;
  return {
    ...english,
    ...words,
    tribunal: { canApply: english.tribunal.canApply, text: translation.tribunal.text },
    imha: { ...english.imha, reason: translation.imha.reason, ...(translation.imha.instead ? { instead: translation.imha.instead } : {}) },
  };
}
