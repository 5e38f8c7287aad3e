import { z } from 'zod';

const ukPhone = z
  .string({ error: 'must be a phone number in quotes, such as "0113 496 0123"' })
  .trim()
  .regex(/^(\+44\s?|0)[\d\s]{9,13}$/, 'must be a UK phone number such as 0113 496 0123');

const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a 24-hour time such as 09:00');

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

const openingHours = z
  .object({
    days: z.array(z.enum(WEEKDAYS)).min(1, 'must list at least one day'),
    opens: time,
    closes: time,
  })
  .strict()
  .refine((h) => h.opens < h.closes, { message: 'closes must be later than opens', path: ['closes'] });

/** Crisis contacts shown on every page; their names and advice come from the UI strings. */
const crisisContact = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('ward-staff') }).strict(),
  z.object({ kind: z.enum(['nhs111', 'samaritans', 'emergency']), phone: z.string().regex(/^[\d ]{3,13}$/, 'must be a phone number') }).strict(),
]);

export const providerSchema = z
  .object({
    serviceName: z.string().trim().min(2).max(60),
    organisation: z.string().trim().min(2).max(100),
    area: z.string().trim().min(2).max(120),
    phone: ukPhone,
    text: ukPhone.refine((v) => /^(\+44\s?|0)7/.test(v), 'must be a UK mobile number for text messages'),
    email: z.email('must be an email address'),
    /** This site's public address, printed on posters and leaflets and in their QR codes. */
    website: z.url({ protocol: /^https$/, message: 'must be the site’s https:// address, such as https://example.org' }).transform((url) => url.replace(/\/+$/, '')),
    referralEmail: z.email('must be an email address'),
    videoRelay: z.url({ protocol: /^https$/, message: 'must be an https:// address' }).optional(),
    hours: z.array(openingHours).min(1, 'must give the opening hours'),
    responseTargetWorkingDays: z.number().int().min(1).max(20),
    callbackTargetWorkingDays: z.number().int().min(1).max(10),
    selfReferrals: z.boolean(),
    crisisContacts: z.array(crisisContact).min(1, 'must list at least one crisis contact'),
  })
  .strict();

export type Provider = z.infer<typeof providerSchema>;

/** Formats a zod error as one line per field, e.g. `phone: must be a UK phone number`. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => `${issue.path.length ? issue.path.join('.') : '(top level)'}: ${issue.message}`)
    .join('\n');
}

export function parseProvider(data: unknown, source = 'content/provider.yaml'): Provider {
  const result = providerSchema.safeParse(data);
  if (!result.success) {
    throw new Error(`${source} is not valid:\n${describeIssues(result.error)}`);
  }
  return result.data;
}
