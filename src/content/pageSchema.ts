import { z } from 'astro/zod';

const MAX_REVIEW_YEARS = 3;

const source = z
  .object({
    title: z.string().trim().min(3, 'each source needs a title'),
    url: z.url({ protocol: /^https$/, message: 'each source needs an https:// address' }),
  })
  .strict();

function addYears(date: Date, years: number): Date {
  const next = new Date(date);
  next.setUTCFullYear(next.getUTCFullYear() + years);
  return next;
}

/** Frontmatter of every information page, English or translated. */
export const pageSchema = z
  .object({
    title: z.string().trim().min(3).max(80),
    description: z.string().trim().min(20).max(200),
    audience: z.enum(['patients', 'relatives', 'staff']),
    variant: z.enum(['standard', 'easy-read']).default('standard'),
    sources: z.array(source).min(1, 'list at least one source'),
    lastReviewed: z.coerce.date(),
    nextReview: z.coerce.date(),
    /** Order in the site's navigation; pages without it are linked from other pages only. */
    nav: z.number().int().positive().optional(),
    translationOf: z.string().optional(),
    sourceHash: z.string().regex(/^[0-9a-f]{12}$/, 'sourceHash must be 12 hex characters').optional(),
    translatedBy: z.enum(['person', 'machine']).optional(),
    reviewedBy: z.string().trim().min(2).optional(),
  })
  .strict()
  .superRefine((page, ctx) => {
    if (page.nextReview <= page.lastReviewed) {
      ctx.addIssue({ code: 'custom', path: ['nextReview'], message: 'nextReview must be after lastReviewed' });
    } else if (page.nextReview > addYears(page.lastReviewed, MAX_REVIEW_YEARS)) {
      ctx.addIssue({
        code: 'custom',
        path: ['nextReview'],
        message: `nextReview must be at most ${MAX_REVIEW_YEARS} years after lastReviewed`,
      });
    }
    const translationFields = [page.translationOf, page.sourceHash, page.translatedBy];
    const given = translationFields.filter((v) => v !== undefined).length;
    if (given !== 0 && given !== translationFields.length) {
      ctx.addIssue({
        code: 'custom',
        path: ['translationOf'],
        message: 'a translation needs translationOf, sourceHash and translatedBy together',
      });
    }
  });

export type PageData = z.infer<typeof pageSchema>;
