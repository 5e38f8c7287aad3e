import {
  AGREEMENT_ANSWERS,
  COMMUNICATION_NEEDS,
  CONTACT_METHODS,
  HELP_TOPICS,
  LOCATIONS,
  MAX_LENGTHS,
  MHA_STATUSES,
  PATIENT_SECTIONS,
  REFERRAL_BASES,
  REFERRER_ROLES,
  STAFF_ROLES,
  YES_NO,
} from '../referrals/schema.ts';
import type { Kind } from '../referrals/constants.ts';

/** Show a field only when another field has one of these values (CSS :has(), so no JavaScript). */
export interface Condition {
  field: string;
  values: readonly string[];
}

interface Common {
  name: string;
  /** The field has a hint under its label (`field.<name>.hint`). */
  hint?: boolean;
  optional?: boolean;
  showWhen?: Condition;
}

export type FieldDef =
  | (Common & { type: 'text' | 'tel' | 'email'; autocomplete?: string; width?: 'short' | 'medium' })
  | (Common & { type: 'textarea'; rows?: number })
  | (Common & { type: 'radios' | 'checkboxes'; options: readonly string[]; inline?: boolean })
  | (Common & { type: 'select'; options: readonly string[] });

export interface SectionDef {
  /** Heading key: `form.section.<id>`. */
  id: string;
  fields: FieldDef[];
  showWhen?: Condition;
}

export interface FormDef {
  kind: Kind;
  slug: string;
  sections: SectionDef[];
}

/** Dates coming up, which set a request's priority; both referral forms ask for them. */
const COMING_DATES: FieldDef[] = [
  { name: 'tribunalDate', type: 'text', optional: true, width: 'medium', hint: true },
  { name: 'hearingDate', type: 'text', optional: true, width: 'medium', hint: true },
  { name: 'wardRoundDate', type: 'text', optional: true, width: 'medium', hint: true },
];

/** Communication needs, first in the provider's email; both referral forms ask for them. */
const COMMUNICATION: SectionDef = {
  id: 'communication',
  fields: [
    { name: 'communicationNeeds', type: 'checkboxes', options: COMMUNICATION_NEEDS, optional: true, hint: true },
    { name: 'language', type: 'text', width: 'medium', showWhen: { field: 'communicationNeeds', values: ['interpreter'] } },
    { name: 'communicationOther', type: 'text', showWhen: { field: 'communicationNeeds', values: ['other'] } },
  ],
};

const SOMEONE_ELSE = REFERRER_ROLES.filter((role) => role !== 'self');

export const REFERRAL_FORM: FormDef = {
  kind: 'referral',
  slug: 'ask-for-an-advocate',
  sections: [
    { id: 'who', fields: [{ name: 'referrerRole', type: 'radios', options: REFERRER_ROLES }] },
    {
      id: 'patient',
      fields: [
        { name: 'patientName', type: 'text', autocomplete: 'off', hint: true },
        { name: 'location', type: 'radios', options: LOCATIONS },
        { name: 'hospitalName', type: 'text', showWhen: { field: 'location', values: ['hospital'] } },
        { name: 'ward', type: 'text', optional: true, width: 'medium', showWhen: { field: 'location', values: ['hospital'] } },
        { name: 'communityArea', type: 'text', optional: true, hint: true, showWhen: { field: 'location', values: ['community'] } },
      ],
    },
    {
      id: 'contact',
      fields: [
        { name: 'contactMethod', type: 'radios', options: CONTACT_METHODS },
        { name: 'wardPhone', type: 'tel', width: 'medium', hint: true, showWhen: { field: 'contactMethod', values: ['ward-phone', 'through-staff'] } },
        { name: 'patientPhone', type: 'tel', width: 'medium', showWhen: { field: 'contactMethod', values: ['own-phone'] } },
        { name: 'patientEmail', type: 'email', showWhen: { field: 'contactMethod', values: ['email'] } },
        { name: 'leaveMessage', type: 'radios', options: YES_NO, inline: true, showWhen: { field: 'contactMethod', values: ['ward-phone', 'own-phone'] } },
        { name: 'safeTimes', type: 'text', optional: true, hint: true },
      ],
    },
    {
      id: 'section',
      fields: [{ name: 'mhaStatus', type: 'radios', options: MHA_STATUSES, hint: true }],
    },
    {
      id: 'help',
      fields: [
        { name: 'helpWith', type: 'checkboxes', options: HELP_TOPICS, hint: true },
        ...COMING_DATES,
      ],
    },
    COMMUNICATION,
    {
      id: 'referrer',
      showWhen: { field: 'referrerRole', values: SOMEONE_ELSE },
      fields: [
        { name: 'patientKnows', type: 'radios', options: YES_NO, inline: true },
        { name: 'patientAgrees', type: 'radios', options: AGREEMENT_ANSWERS },
        { name: 'agreementReason', type: 'textarea', rows: 3, showWhen: { field: 'patientAgrees', values: ['no', 'not-asked'] } },
        { name: 'referrerName', type: 'text', autocomplete: 'name' },
        { name: 'referrerTeam', type: 'text', optional: true, autocomplete: 'organization', hint: true },
        { name: 'referrerPhone', type: 'tel', autocomplete: 'tel', width: 'medium', hint: true },
        { name: 'referrerEmail', type: 'email', autocomplete: 'email', optional: true },
      ],
    },
    { id: 'message', fields: [{ name: 'message', type: 'textarea', optional: true, rows: 5, hint: true }] },
  ],
};

export const CALLBACK_FORM: FormDef = {
  kind: 'callback',
  slug: 'call-back',
  sections: [
    {
      id: 'callback',
      fields: [
        { name: 'name', type: 'text', autocomplete: 'name' },
        { name: 'phone', type: 'tel', autocomplete: 'tel', width: 'medium', hint: true },
        { name: 'safeTimes', type: 'text', optional: true, hint: true },
        { name: 'leaveMessage', type: 'radios', options: YES_NO, inline: true },
        { name: 'interpreter', type: 'checkboxes', options: ['yes'], optional: true },
        { name: 'language', type: 'text', width: 'medium', showWhen: { field: 'interpreter', values: ['yes'] } },
      ],
    },
  ],
};

/** For professionals: the facts a provider needs, including an opt-out referral on admission. */
export const STAFF_FORM: FormDef = {
  kind: 'staff-referral',
  slug: 'refer',
  sections: [
    {
      id: 'staffPatient',
      fields: [
        { name: 'patientName', type: 'text', autocomplete: 'off' },
        { name: 'hospitalName', type: 'text' },
        { name: 'ward', type: 'text', optional: true, width: 'medium' },
        { name: 'patientSection', type: 'select', options: PATIENT_SECTIONS },
        { name: 'sectionStart', type: 'text', width: 'medium', hint: true },
      ],
    },
    {
      id: 'staffDuty',
      fields: [
        { name: 'toldDate', type: 'text', width: 'medium', hint: true },
        { name: 'referralBasis', type: 'radios', options: REFERRAL_BASES, hint: true },
      ],
    },
    {
      id: 'staffDates',
      fields: [
        ...COMING_DATES,
      ],
    },
    COMMUNICATION,
    { id: 'staffRisk', fields: [{ name: 'riskInfo', type: 'textarea', optional: true, rows: 4, hint: true }] },
    {
      id: 'staffReferrer',
      fields: [
        { name: 'staffRole', type: 'radios', options: STAFF_ROLES },
        { name: 'referrerName', type: 'text', autocomplete: 'name' },
        { name: 'referrerTeam', type: 'text', autocomplete: 'organization' },
        { name: 'referrerPhone', type: 'tel', autocomplete: 'tel', width: 'medium', hint: true },
        { name: 'referrerEmail', type: 'email', autocomplete: 'email', optional: true },
      ],
    },
  ],
};

export const FORMS = [REFERRAL_FORM, CALLBACK_FORM, STAFF_FORM] as const;

export function maxLength(name: string): number | undefined {
  return (MAX_LENGTHS as Record<string, number>)[name];
}

/** Id of the input an error summary link moves to: the first option of a group, or the input. */
export function inputId(field: FieldDef): string {
  return field.type === 'radios' || field.type === 'checkboxes' ? `${field.name}-${field.options[0] ?? ''}` : field.name;
}

export function findField(form: FormDef, name: string): FieldDef | undefined {
  return form.sections.flatMap((section) => section.fields).find((field) => field.name === name);
}
