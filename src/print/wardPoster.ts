import { z } from 'zod';
import { cleanLine } from '../referrals/schema.ts';
import { DEFAULT_LOCALE, LOCALE_CODES, type Locale } from '../i18n/locales.ts';

/**
 * The ward poster builder's questions, from the address (GET): nothing is stored, and the page
 * is the same with or without JavaScript. Messages are i18n keys.
 */
export const WARD_POSTER_LIMITS = { ward: 60, visits: 120, phone: 30 } as const;
export const WARD_POSTER_FIELDS = ['ward', 'visits', 'phone', 'languages'] as const;
export type WardPosterField = (typeof WARD_POSTER_FIELDS)[number];

const text = (max: number, keys: { required?: string; tooLong: string }) =>
  z
    .string()
    .optional()
    .transform((raw, ctx) => {
      const value = cleanLine(raw ?? '');
      if (value === '' || !/[\p{L}\p{N}]/u.test(value)) {
        if (keys.required) ctx.addIssue({ code: 'custom', message: keys.required });
        return undefined;
      }
      if (value.length > max) ctx.addIssue({ code: 'custom', message: keys.tooLong });
      return value;
    });

export const wardPosterSchema = z.object({
  ward: text(WARD_POSTER_LIMITS.ward, { required: 'ward.error.ward.required', tooLong: 'ward.error.ward.tooLong' }),
  visits: text(WARD_POSTER_LIMITS.visits, { required: 'ward.error.visits.required', tooLong: 'ward.error.visits.tooLong' }),
  // A ward number may have an extension: "0113 496 0555 ext 4521".
  phone: text(WARD_POSTER_LIMITS.phone, { tooLong: 'ward.error.phone.invalid' }).refine(
    (value) => value === undefined || /^[+\d][\d\s()-]*(\s*(ext\.?|x)\s*\d+)?$/i.test(value),
    'ward.error.phone.invalid',
  ),
  languages: z
    .array(z.string())
    .transform((values) => LOCALE_CODES.filter((code) => values.includes(code)))
    .refine((values) => values.length > 0, 'ward.error.languages.required'),
});

export type WardPosterInput = { ward: string; visits: string; phone: string | undefined; languages: Locale[] };

export type WardPosterView =
  | { state: 'empty'; values: Record<string, string | string[]> }
  | { state: 'invalid'; values: Record<string, string | string[]>; errors: { field: WardPosterField; key: string }[] }
  | { state: 'ready'; values: Record<string, string | string[]>; poster: WardPosterInput };

/** Reads the builder's address: nothing asked yet, answers with problems, or a poster to show. */
export function readWardPoster(params: URLSearchParams, pageLocale: Locale = DEFAULT_LOCALE): WardPosterView {
  const single = (name: string) => (params.get(name) ?? '').slice(0, 500);
  const values = { ward: single('ward'), visits: single('visits'), phone: single('phone'), languages: params.getAll('languages').slice(0, 20) };
  if (!WARD_POSTER_FIELDS.some((name) => params.has(name))) return { state: 'empty', values: { ...values, languages: [pageLocale] } };
  const result = wardPosterSchema.safeParse(values);
  if (!result.success) {
    const errors = WARD_POSTER_FIELDS.flatMap((field) => {
      const issue = result.error.issues.find((i) => i.path[0] === field);
      return issue ? [{ field, key: issue.message }] : [];
    });
    return { state: 'invalid', values, errors };
  }
  const { ward, visits, phone, languages } = result.data;
  return { state: 'ready', values, poster: { ward: ward ?? '', visits: visits ?? '', phone, languages } };
}
