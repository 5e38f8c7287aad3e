import type { z } from 'zod';
import type { Clock } from './clock.ts';
import type { Kind } from './constants.ts';
import { ukDate } from './dates.ts';
import {
  ARRAY_FIELDS,
  CALLBACK_FIELDS,
  callbackSchema,
  createReferralSchema,
  createStaffReferralSchema,
  MESSAGE_KEYS,
  MESSAGES,
  REFERRAL_FIELDS,
  STAFF_FIELDS,
  type Callback,
  type Referral,
  type StaffReferral,
} from './schema.ts';

/** What the person typed, keyed by field name, to fill the form in again. */
export type FormValues = Record<string, string | string[]>;

export interface FieldError {
  field: string;
  /** An i18n key from MESSAGE_KEYS. */
  key: string;
}

export type Submission =
  | { kind: 'referral'; data: Referral }
  | { kind: 'callback'; data: Callback }
  | { kind: 'staff-referral'; data: StaffReferral };

export type Validation = { ok: true; submission: Submission } | { ok: false; errors: FieldError[]; values: FormValues };

export interface ValidateOptions {
  /** Sets "today" for coming dates. */
  clock: Clock;
  /** The provider's setting (provider.selfReferrals). */
  selfReferrals: boolean;
}

const isArrayField = (field: string) => (ARRAY_FIELDS as readonly string[]).includes(field);
const knownKeys = new Set<string>(MESSAGE_KEYS);
// C0 controls other than tab and line breaks, which no keyboard types.
const CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

type ReferralSchema = ReturnType<typeof createReferralSchema>;
// Building the schema costs more than using it, so keep one per clock and setting.
const referralSchemas = new WeakMap<Clock, Map<boolean, ReferralSchema>>();

function referralSchemaFor({ clock, selfReferrals }: ValidateOptions): ReferralSchema {
  let bySetting = referralSchemas.get(clock);
  if (!bySetting) referralSchemas.set(clock, (bySetting = new Map()));
  let schema = bySetting.get(selfReferrals);
  if (!schema) {
    schema = createReferralSchema({ today: () => ukDate(clock.now()), selfReferrals });
    bySetting.set(selfReferrals, schema);
  }
  return schema;
}

function fieldsOf(kind: Kind): readonly string[] {
  return kind === 'referral' ? REFERRAL_FIELDS : kind === 'staff-referral' ? STAFF_FIELDS : CALLBACK_FIELDS;
}

const staffSchemas = new WeakMap<Clock, ReturnType<typeof createStaffReferralSchema>>();

function staffSchemaFor({ clock }: ValidateOptions): ReturnType<typeof createStaffReferralSchema> {
  let schema = staffSchemas.get(clock);
  if (!schema) staffSchemas.set(clock, (schema = createStaffReferralSchema({ today: () => ukDate(clock.now()) })));
  return schema;
}

function check(kind: Kind, grouped: Record<string, string | string[]>, options: ValidateOptions): { ok: true; submission: Submission } | { ok: false; issues: z.core.$ZodIssue[] } {
  if (kind === 'referral') {
    const result = referralSchemaFor(options).safeParse(grouped);
    return result.success ? { ok: true, submission: { kind, data: result.data } } : { ok: false, issues: result.error.issues };
  }
  if (kind === 'staff-referral') {
    const result = staffSchemaFor(options).safeParse(grouped);
    return result.success ? { ok: true, submission: { kind, data: result.data } } : { ok: false, issues: result.error.issues };
  }
  const result = callbackSchema.safeParse(grouped);
  return result.success ? { ok: true, submission: { kind, data: result.data } } : { ok: false, issues: result.error.issues };
}

/**
 * Groups the decoded pairs by field. Checkbox groups become arrays; a single-answer field sent more
 * than once also becomes an array, which the schema rejects, because no form sends that.
 */
function groupFields(pairs: readonly (readonly [string, string])[], fields: readonly string[]): Record<string, string | string[]> {
  const grouped = new Map<string, string[]>();
  for (const [name, value] of pairs) {
    if (!fields.includes(name)) continue;
    const list = grouped.get(name);
    if (list) list.push(value);
    else grouped.set(name, [value]);
  }
  const out: Record<string, string | string[]> = {};
  for (const [name, values] of grouped) {
    out[name] = isArrayField(name) || values.length > 1 ? values : (values[0] ?? '');
  }
  return out;
}

/** The values to show again: trimmed, controls removed, first value of a repeated single-answer field. */
function refill(grouped: Record<string, string | string[]>): FormValues {
  const light = (v: string) => v.toWellFormed().replace(CONTROLS, '').trim();
  const values: FormValues = {};
  for (const [name, value] of Object.entries(grouped)) {
    if (isArrayField(name)) values[name] = (value as string[]).map(light);
    else values[name] = light(Array.isArray(value) ? (value[0] ?? '') : value);
  }
  return values;
}

export function validateSubmission(kind: Kind, pairs: readonly (readonly [string, string])[], options: ValidateOptions): Validation {
  const fields = fieldsOf(kind);
  const grouped = groupFields(pairs, fields);
  const result = check(kind, grouped, options);
  if (result.ok) return result;
  const byField = new Map<string, string>();
  for (const issue of result.issues) {
    const field = typeof issue.path[0] === 'string' ? issue.path[0] : '';
    if (!fields.includes(field) || byField.has(field)) continue;
    byField.set(field, knownKeys.has(issue.message) ? issue.message : MESSAGES.unexpected);
  }
  const errors = fields.filter((f) => byField.has(f)).map((field) => ({ field, key: byField.get(field) ?? MESSAGES.unexpected }));
  return { ok: false, errors, values: refill(grouped) };
}
