import { z } from 'zod';
import { daysBetween, parseUkDate, ukDate } from './dates.ts';
import { normaliseUkPhone } from './phone.ts';
import { SUBMISSION_TOKEN_PATTERN } from './reference.ts';

/**
 * The two forms: their fields (named as the form inputs), the options of every choice, the length
 * limits and the error messages. The page renders from these and the server validates with them.
 * Messages are i18n keys; the page translates them.
 */

// ── Options ──────────────────────────────────────────────────────────────────────────────────────

export const REFERRER_ROLES = [
  'self',
  'nearest-relative',
  'family-friend',
  'responsible-clinician',
  'amhp',
  'nurse',
  'other-staff',
] as const;

export const LOCATIONS = ['hospital', 'community'] as const;

export const CONTACT_METHODS = ['ward-phone', 'own-phone', 'email', 'through-staff'] as const;
export type ContactMethod = (typeof CONTACT_METHODS)[number];
/** Methods where we call a phone and so need to know whether a message may be left. */
export const PHONE_CONTACT_METHODS = ['ward-phone', 'own-phone'] as const satisfies readonly ContactMethod[];

export const YES_NO = ['yes', 'no'] as const;

/** "not-asked" covers staff referring someone who cannot be asked now (for example, lacking capacity). */
export const AGREEMENT_ANSWERS = ['yes', 'no', 'not-asked'] as const;

/** Mental Health Act status as the person or referrer knows it; "dont-know" is always acceptable. */
export const MHA_STATUSES = [
  's2',
  's3',
  'cto',
  'guardianship',
  'court-or-prison',
  'conditional-discharge',
  'short-term',
  'informal',
  'dont-know',
] as const;

export const HELP_TOPICS = [
  'understand-rights',
  'tribunal',
  'managers-hearing',
  'ward-round',
  'care-review',
  'treatment',
  'leave',
  'discharge-aftercare',
  'cto-conditions',
  'complaint',
  'solicitor',
  'other',
  'not-sure',
] as const;

/** Professionals who refer through the staff form. */
export const STAFF_ROLES = ['responsible-clinician', 'amhp', 'nurse', 'social-worker', 'other-staff'] as const;

/** The patient's exact legal status, as staff know it; the same ids as content/sections. */
export const PATIENT_SECTIONS = [
  's2',
  's3',
  's4',
  's5-2',
  's5-4',
  's35',
  's36',
  's37',
  's37-41',
  's38',
  's45a',
  's47',
  's47-49',
  's48',
  's48-49',
  's135',
  's136',
  'cto',
  's7',
  'conditional-discharge',
  'informal',
] as const;

/**
 * On what basis staff refer: the patient asked or agreed; an opt-out referral (every qualifying
 * patient is referred on admission and can still say no to the advocate); or the patient cannot
 * decide now, for example because they lack capacity.
 */
export const REFERRAL_BASES = ['agreed', 'opt-out', 'cannot-decide'] as const;

/** How far back a section start date can be: long hospital orders last years, but not decades. */
export const MAX_YEARS_BACK = 30;

/** Accessible Information Standard: needs recorded so the provider can meet them. */
export const COMMUNICATION_NEEDS = ['interpreter', 'bsl', 'easy-read', 'large-print', 'other'] as const;

/** Coming dates that set the priority, and the kind each one is. */
export const COMING_DATE_FIELDS = {
  tribunalDate: 'tribunal',
  hearingDate: 'managers-hearing',
  wardRoundDate: 'ward-round',
} as const;

/** Hidden field that people never fill and simple bots do. Not a word autofill recognises. */
export const HONEYPOT_FIELD = 'extra_details';
export const TOKEN_FIELD = 'submissionToken';

// ── Limits ───────────────────────────────────────────────────────────────────────────────────────

export const MAX_MESSAGE_LENGTH = 1000;
/** A coming date further ahead than this is most likely a typing mistake. */
export const MAX_DAYS_AHEAD = 366;

/** maxlength of every text input, by field name. */
export const MAX_LENGTHS = {
  patientName: 100,
  hospitalName: 100,
  ward: 60,
  communityArea: 100,
  wardPhone: 30,
  patientPhone: 30,
  patientEmail: 254,
  safeTimes: 200,
  tribunalDate: 30,
  hearingDate: 30,
  wardRoundDate: 30,
  language: 60,
  communicationOther: 300,
  agreementReason: 500,
  referrerName: 100,
  referrerTeam: 100,
  referrerPhone: 30,
  referrerEmail: 254,
  message: MAX_MESSAGE_LENGTH,
  name: 100,
  phone: 30,
  sectionStart: 30,
  toldDate: 30,
  riskInfo: MAX_MESSAGE_LENGTH,
} as const;

// ── Fields in the order the forms show them (error summaries follow this order) ──────────────────

export const REFERRAL_FIELDS = [
  'referrerRole',
  'patientName',
  'location',
  'hospitalName',
  'ward',
  'communityArea',
  'contactMethod',
  'wardPhone',
  'patientPhone',
  'patientEmail',
  'leaveMessage',
  'safeTimes',
  'mhaStatus',
  'helpWith',
  'tribunalDate',
  'hearingDate',
  'wardRoundDate',
  'communicationNeeds',
  'language',
  'communicationOther',
  'patientKnows',
  'patientAgrees',
  'agreementReason',
  'referrerName',
  'referrerTeam',
  'referrerPhone',
  'referrerEmail',
  'message',
  TOKEN_FIELD,
] as const;

export const STAFF_FIELDS = [
  'staffRole',
  'referrerName',
  'referrerTeam',
  'referrerPhone',
  'referrerEmail',
  'patientName',
  'hospitalName',
  'ward',
  'patientSection',
  'sectionStart',
  'toldDate',
  'referralBasis',
  'tribunalDate',
  'hearingDate',
  'wardRoundDate',
  'communicationNeeds',
  'language',
  'communicationOther',
  'riskInfo',
  TOKEN_FIELD,
] as const;

export const CALLBACK_FIELDS = ['name', 'phone', 'safeTimes', 'leaveMessage', 'interpreter', 'language', TOKEN_FIELD] as const;

/** Checkbox groups: they arrive as repeated keys and are always arrays. */
export const ARRAY_FIELDS = ['helpWith', 'communicationNeeds'] as const;

// ── Messages (i18n keys) ─────────────────────────────────────────────────────────────────────────

const PREFIX = 'form.error';
const k = <F extends string, R extends string>(field: F, rule: R) => `${PREFIX}.${field}.${rule}` as const;

export const MESSAGES = {
  /** A value no form can send (a repeated field, a list where one answer is expected). */
  unexpected: `${PREFIX}.unexpected`,
  referrerRole: { required: k('referrerRole', 'required'), selfNotAccepted: k('referrerRole', 'selfNotAccepted') },
  patientName: { required: k('patientName', 'required'), tooLong: k('patientName', 'tooLong') },
  location: { required: k('location', 'required') },
  hospitalName: { required: k('hospitalName', 'required'), tooLong: k('hospitalName', 'tooLong') },
  ward: { tooLong: k('ward', 'tooLong') },
  communityArea: { tooLong: k('communityArea', 'tooLong') },
  contactMethod: { required: k('contactMethod', 'required') },
  wardPhone: { required: k('wardPhone', 'required'), invalid: k('wardPhone', 'invalid') },
  patientPhone: { required: k('patientPhone', 'required'), invalid: k('patientPhone', 'invalid') },
  patientEmail: {
    required: k('patientEmail', 'required'),
    invalid: k('patientEmail', 'invalid'),
    tooLong: k('patientEmail', 'tooLong'),
  },
  safeTimes: { tooLong: k('safeTimes', 'tooLong') },
  leaveMessage: { required: k('leaveMessage', 'required') },
  mhaStatus: { required: k('mhaStatus', 'required') },
  helpWith: { required: k('helpWith', 'required') },
  tribunalDate: { invalid: k('tribunalDate', 'invalid'), past: k('tribunalDate', 'past'), tooFar: k('tribunalDate', 'tooFar') },
  hearingDate: { invalid: k('hearingDate', 'invalid'), past: k('hearingDate', 'past'), tooFar: k('hearingDate', 'tooFar') },
  wardRoundDate: { invalid: k('wardRoundDate', 'invalid'), past: k('wardRoundDate', 'past'), tooFar: k('wardRoundDate', 'tooFar') },
  communicationNeeds: { invalid: k('communicationNeeds', 'invalid') },
  language: { required: k('language', 'required'), tooLong: k('language', 'tooLong') },
  communicationOther: { required: k('communicationOther', 'required'), tooLong: k('communicationOther', 'tooLong') },
  patientKnows: { required: k('patientKnows', 'required') },
  patientAgrees: { required: k('patientAgrees', 'required') },
  agreementReason: { required: k('agreementReason', 'required'), tooLong: k('agreementReason', 'tooLong') },
  referrerName: { required: k('referrerName', 'required'), tooLong: k('referrerName', 'tooLong') },
  referrerTeam: { required: k('referrerTeam', 'required'), tooLong: k('referrerTeam', 'tooLong') },
  referrerPhone: { invalid: k('referrerPhone', 'invalid') },
  referrerEmail: { invalid: k('referrerEmail', 'invalid'), tooLong: k('referrerEmail', 'tooLong') },
  /** Attached to referrerPhone: a phone number or an email address is needed. */
  referrerContact: { required: k('referrerContact', 'required') },
  message: { tooLong: k('message', 'tooLong') },
  name: { required: k('name', 'required'), tooLong: k('name', 'tooLong') },
  phone: { required: k('phone', 'required'), invalid: k('phone', 'invalid') },
  interpreter: { invalid: k('interpreter', 'invalid') },
  staffRole: { required: k('staffRole', 'required') },
  patientSection: { required: k('patientSection', 'required') },
  sectionStart: { required: k('sectionStart', 'required'), invalid: k('sectionStart', 'invalid'), future: k('sectionStart', 'future'), tooOld: k('sectionStart', 'tooOld') },
  toldDate: { required: k('toldDate', 'required'), invalid: k('toldDate', 'invalid'), future: k('toldDate', 'future'), tooOld: k('toldDate', 'tooOld') },
  referralBasis: { required: k('referralBasis', 'required') },
  riskInfo: { tooLong: k('riskInfo', 'tooLong') },
} as const;

type Leaves<T> = T extends string ? T : { [K in keyof T]: Leaves<T[K]> }[keyof T];
export type MessageKey = Leaves<typeof MESSAGES>;

function leaves(value: unknown): string[] {
  return typeof value === 'string' ? [value] : Object.values(value as object).flatMap(leaves);
}

/** Every message key either schema can produce, sorted: the i18n test checks each is in en.json. */
export const MESSAGE_KEYS = leaves(MESSAGES).sort() as MessageKey[];

// ── Normalisation ────────────────────────────────────────────────────────────────────────────────

// C0 and C1 controls, DEL, the bidi embeddings/overrides/isolates that can make text display in a
// misleading order, and invisible spaces. Joiners (ZWJ, ZWNJ) stay: some scripts need them.
const CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200b\u202a-\u202e\u2060\u2066-\u2069\ufeff]/g;

/** One line of text: controls removed, runs of white space (newlines included) made one space. */
export function cleanLine(raw: string): string {
  return raw.toWellFormed().normalize('NFC').replace(CONTROLS, '').replace(/[\s\u2028\u2029]+/g, ' ').trim();
}

/** Free text: as cleanLine, but line breaks stay (as \n), at most one blank line in a row. */
export function cleanMultiline(raw: string): string {
  return raw
    .toWellFormed()
    .normalize('NFC')
    .replace(/\r\n?|[\u2028\u2029]/g, '\n')
    .replace(CONTROLS, '')
    .replace(/[^\S\n]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Lower-cases the domain only: the part before @ may be case-sensitive. */
export function normaliseEmail(raw: string): string {
  const at = raw.lastIndexOf('@');
  return at === -1 ? raw : raw.slice(0, at) + raw.slice(at).toLowerCase();
}

const emailFormat = z.email();

// ── Field builders ───────────────────────────────────────────────────────────────────────────────

const scalar = z.string({ error: MESSAGES.unexpected }).optional();

function issue(ctx: z.RefinementCtx, message: string): never {
  ctx.addIssue({ code: 'custom', message });
  return z.NEVER;
}

function requiredText(max: number, keys: { required: string; tooLong: string }) {
  return scalar.transform((raw, ctx) => {
    const v = cleanLine(raw ?? '');
    // Punctuation or joiners alone are not an answer.
    if (!/[\p{L}\p{N}]/u.test(v)) return issue(ctx, keys.required);
    if (v.length > max) return issue(ctx, keys.tooLong);
    return v;
  });
}

function optionalText(max: number, tooLong: string, clean: (raw: string) => string = cleanLine) {
  return scalar.transform((raw, ctx) => {
    const v = clean(raw ?? '');
    if (v === '') return undefined;
    if (v.length > max) return issue(ctx, tooLong);
    return v;
  });
}

function phone(keys: { required?: string; invalid: string }) {
  return scalar.transform((raw, ctx) => {
    const v = cleanLine(raw ?? '');
    if (v === '') return keys.required ? issue(ctx, keys.required) : undefined;
    return normaliseUkPhone(v) ?? issue(ctx, keys.invalid);
  });
}

function optionalEmail(max: number, keys: { invalid: string; tooLong: string }) {
  return scalar.transform((raw, ctx) => {
    const v = normaliseEmail(cleanLine(raw ?? '').replace(/\s/g, ''));
    if (v === '') return undefined;
    if (v.length > max) return issue(ctx, keys.tooLong);
    return emailFormat.safeParse(v).success ? v : issue(ctx, keys.invalid);
  });
}

function choice<const T extends readonly [string, ...string[]]>(options: T, required: string) {
  return z.enum(options, { error: required });
}

function checkboxes<const T extends readonly [string, ...string[]]>(options: T, invalid: string) {
  return z
    .preprocess(
      (v) => (v === undefined ? [] : typeof v === 'string' ? [v] : v),
      // An empty value is what a hidden "nothing ticked" input sends; it means no answer.
      z.array(z.string(), { error: MESSAGES.unexpected }).transform((values, ctx) => {
        const given = values.filter((v) => v !== '');
        if (given.some((v) => !options.includes(v))) return issue(ctx, invalid);
        return options.filter((o) => given.includes(o)) as T[number][];
      }),
    )
    .optional();
}

function comingDate(today: () => string, keys: { invalid: string; past: string; tooFar: string }) {
  return scalar.transform((raw, ctx) => {
    const v = cleanLine(raw ?? '');
    if (v === '') return undefined;
    const day = today();
    const date = parseUkDate(v, day);
    if (date === null) return issue(ctx, keys.invalid);
    const ahead = daysBetween(day, date);
    if (ahead < 0) return issue(ctx, keys.past);
    if (ahead > MAX_DAYS_AHEAD) return issue(ctx, keys.tooFar);
    return date;
  });
}

/** A date that has happened: today or earlier, and not more than `yearsBack` years ago. */
function pastDate(today: () => string, yearsBack: number, keys: { required: string; invalid: string; future: string; tooOld: string }) {
  return scalar.transform((raw, ctx) => {
    const v = cleanLine(raw ?? '');
    if (v === '') return issue(ctx, keys.required);
    const day = today();
    const date = parseUkDate(v, day);
    if (date === null) return issue(ctx, keys.invalid);
    const ahead = daysBetween(day, date);
    if (ahead > 0) return issue(ctx, keys.future);
    if (-ahead > yearsBack * 366) return issue(ctx, keys.tooOld);
    return date;
  });
}

/** The coming dates both referral forms ask for. */
function comingDates(today: () => string) {
  return {
    tribunalDate: comingDate(today, MESSAGES.tribunalDate),
    hearingDate: comingDate(today, MESSAGES.hearingDate),
    wardRoundDate: comingDate(today, MESSAGES.wardRoundDate),
  };
}

/** The communication needs both referral forms ask for. */
function communicationFields() {
  const L = MAX_LENGTHS;
  return {
    communicationNeeds: checkboxes(COMMUNICATION_NEEDS, MESSAGES.communicationNeeds.invalid),
    language: optionalText(L.language, MESSAGES.language.tooLong),
    communicationOther: optionalText(L.communicationOther, MESSAGES.communicationOther.tooLong),
  };
}

/** An interpreter needs a language; "other" needs saying what. */
function needCommunicationDetails(
  v: { communicationNeeds?: unknown; language?: unknown; communicationOther?: unknown },
  need: (missing: boolean, path: string, message: string) => void,
): void {
  const needs = v.communicationNeeds ?? [];
  need(Array.isArray(needs) && needs.includes('interpreter') && v.language === undefined, 'language', MESSAGES.language.required);
  need(Array.isArray(needs) && needs.includes('other') && v.communicationOther === undefined, 'communicationOther', MESSAGES.communicationOther.required);
}

/** A missing or malformed token is not the person's fault: the server then issues a fresh one. */
const token = z
  .unknown()
  .transform((v) => (typeof v === 'string' && SUBMISSION_TOKEN_PATTERN.test(v) ? v : undefined))
  .optional();

// ── The referral form ────────────────────────────────────────────────────────────────────────────

export interface ReferralSchemaOptions {
  /** Today's date in the UK, "YYYY-MM-DD"; read at validation time so a long-running server stays right. */
  today?: () => string;
  /** The provider's setting: false when it takes referrals from professionals and relatives only. */
  selfReferrals?: boolean;
}

export function createReferralSchema(options: ReferralSchemaOptions = {}) {
  const today = options.today ?? (() => ukDate(Date.now()));
  const selfReferrals = options.selfReferrals ?? true;
  const M = MESSAGES;
  const L = MAX_LENGTHS;
  return z
    .object({
      referrerRole: choice(REFERRER_ROLES, M.referrerRole.required),
      patientName: requiredText(L.patientName, M.patientName),
      location: choice(LOCATIONS, M.location.required),
      hospitalName: optionalText(L.hospitalName, M.hospitalName.tooLong),
      ward: optionalText(L.ward, M.ward.tooLong),
      communityArea: optionalText(L.communityArea, M.communityArea.tooLong),
      contactMethod: choice(CONTACT_METHODS, M.contactMethod.required),
      wardPhone: phone({ invalid: M.wardPhone.invalid }),
      patientPhone: phone({ invalid: M.patientPhone.invalid }),
      patientEmail: optionalEmail(L.patientEmail, M.patientEmail),
      safeTimes: optionalText(L.safeTimes, M.safeTimes.tooLong),
      leaveMessage: choice(YES_NO, M.leaveMessage.required).optional(),
      mhaStatus: choice(MHA_STATUSES, M.mhaStatus.required),
      helpWith: checkboxes(HELP_TOPICS, M.helpWith.required),
      ...comingDates(today),
      ...communicationFields(),
      patientKnows: choice(YES_NO, M.patientKnows.required).optional(),
      patientAgrees: choice(AGREEMENT_ANSWERS, M.patientAgrees.required).optional(),
      agreementReason: optionalText(L.agreementReason, M.agreementReason.tooLong, cleanMultiline),
      referrerName: optionalText(L.referrerName, M.referrerName.tooLong),
      referrerTeam: optionalText(L.referrerTeam, M.referrerTeam.tooLong),
      referrerPhone: phone(M.referrerPhone),
      referrerEmail: optionalEmail(L.referrerEmail, M.referrerEmail),
      message: optionalText(L.message, M.message.tooLong, cleanMultiline),
      submissionToken: token,
    })
    .superRefine(
      (v, ctx) => {
        // A field that failed its own check holds a marker, not undefined, so it is not reported twice.
        const need = (missing: boolean, path: string, message: string) => {
          if (missing) ctx.addIssue({ code: 'custom', path: [path], message });
        };
        const helpWith = v.helpWith ?? [];
        const someoneElse = v.referrerRole !== undefined && v.referrerRole !== 'self';

        need(!selfReferrals && v.referrerRole === 'self', 'referrerRole', M.referrerRole.selfNotAccepted);
        need(Array.isArray(helpWith) && helpWith.length === 0, 'helpWith', M.helpWith.required);
        need(v.location === 'hospital' && v.hospitalName === undefined, 'hospitalName', M.hospitalName.required);
        need(
          (v.contactMethod === 'ward-phone' || v.contactMethod === 'through-staff') && v.wardPhone === undefined,
          'wardPhone',
          M.wardPhone.required,
        );
        need(v.contactMethod === 'own-phone' && v.patientPhone === undefined, 'patientPhone', M.patientPhone.required);
        need(v.contactMethod === 'email' && v.patientEmail === undefined, 'patientEmail', M.patientEmail.required);
        need(
          (PHONE_CONTACT_METHODS as readonly string[]).includes(v.contactMethod) && v.leaveMessage === undefined,
          'leaveMessage',
          M.leaveMessage.required,
        );
        needCommunicationDetails(v, need);
        if (someoneElse) {
          need(v.patientKnows === undefined, 'patientKnows', M.patientKnows.required);
          need(v.patientAgrees === undefined, 'patientAgrees', M.patientAgrees.required);
          need(
            (v.patientAgrees === 'no' || v.patientAgrees === 'not-asked') && v.agreementReason === undefined,
            'agreementReason',
            M.agreementReason.required,
          );
          need(v.referrerName === undefined, 'referrerName', M.referrerName.required);
          need(v.referrerPhone === undefined && v.referrerEmail === undefined, 'referrerPhone', M.referrerContact.required);
        }
      },
      // Run even when some fields failed, so the person sees every problem at once.
      { when: () => true },
    )
    .transform((v) =>
      // Answers about a third party mean nothing when people ask for themselves; a form without
      // JavaScript shows those fields to everyone, so anything typed there is dropped.
      v.referrerRole === 'self'
        ? {
            ...v,
            patientKnows: undefined,
            patientAgrees: undefined,
            agreementReason: undefined,
            referrerName: undefined,
            referrerTeam: undefined,
            referrerPhone: undefined,
            referrerEmail: undefined,
          }
        : v,
    );
}

export const referralSchema = createReferralSchema();
export type Referral = z.output<typeof referralSchema>;

// ── The staff referral form ──────────────────────────────────────────────────────────────────────

export function createStaffReferralSchema(options: Pick<ReferralSchemaOptions, 'today'> = {}) {
  const today = options.today ?? (() => ukDate(Date.now()));
  const M = MESSAGES;
  const L = MAX_LENGTHS;
  return z
    .object({
      staffRole: choice(STAFF_ROLES, M.staffRole.required),
      referrerName: requiredText(L.referrerName, M.referrerName),
      referrerTeam: requiredText(L.referrerTeam, M.referrerTeam),
      referrerPhone: phone(M.referrerPhone),
      referrerEmail: optionalEmail(L.referrerEmail, M.referrerEmail),
      patientName: requiredText(L.patientName, M.patientName),
      hospitalName: requiredText(L.hospitalName, M.hospitalName),
      ward: optionalText(L.ward, M.ward.tooLong),
      patientSection: choice(PATIENT_SECTIONS, M.patientSection.required),
      sectionStart: pastDate(today, MAX_YEARS_BACK, M.sectionStart),
      toldDate: pastDate(today, MAX_YEARS_BACK, M.toldDate),
      referralBasis: choice(REFERRAL_BASES, M.referralBasis.required),
      ...comingDates(today),
      ...communicationFields(),
      riskInfo: optionalText(L.riskInfo, M.riskInfo.tooLong, cleanMultiline),
      submissionToken: token,
    })
    .superRefine(
      (v, ctx) => {
        const need = (missing: boolean, path: string, message: string) => {
          if (missing) ctx.addIssue({ code: 'custom', path: [path], message });
        };
        need(v.referrerPhone === undefined && v.referrerEmail === undefined, 'referrerPhone', M.referrerContact.required);
        needCommunicationDetails(v, need);
      },
      { when: () => true },
    );
}

export const staffReferralSchema = createStaffReferralSchema();
export type StaffReferral = z.output<typeof staffReferralSchema>;

// ── The call-back form ───────────────────────────────────────────────────────────────────────────

export const callbackSchema = z
  .object({
    name: requiredText(MAX_LENGTHS.name, MESSAGES.name),
    phone: phone(MESSAGES.phone),
    safeTimes: optionalText(MAX_LENGTHS.safeTimes, MESSAGES.safeTimes.tooLong),
    leaveMessage: choice(YES_NO, MESSAGES.leaveMessage.required),
    /** A single checkbox: "I would like an interpreter". */
    interpreter: z.enum(['yes'], { error: MESSAGES.interpreter.invalid }).optional(),
    language: optionalText(MAX_LENGTHS.language, MESSAGES.language.tooLong),
    submissionToken: token,
  })
  .superRefine(
    (v, ctx) => {
      if (v.interpreter === 'yes' && v.language === undefined) {
        ctx.addIssue({ code: 'custom', path: ['language'], message: MESSAGES.language.required });
      }
    },
    { when: () => true },
  );
export type Callback = z.output<typeof callbackSchema>;
