import type { Kind } from './constants.ts';
import { formatLongDate, formatShortDate, formatUkDateTime, ukDate } from './dates.ts';
import { derivePriority, type ComingDate, type ComingDateKind, type Priority } from './priority.ts';
import { COMING_DATE_FIELDS, type Callback, type Referral, type StaffReferral } from './schema.ts';
import type { Submission } from './validate.ts';

/**
 * The email to the provider. It stays in English whatever language the form was in, shows
 * communication needs first, labels every answer, and escapes every answer in the HTML. The subject
 * carries no personal data. Rendering depends only on the stored request, so every retry sends the
 * same bytes and the provider's idempotency check sees the same request.
 */

export interface StoredRequest {
  reference: string;
  createdAt: number;
  /** The language of the form, e.g. "pl". */
  locale: string;
  submission: Submission;
}

export interface ProviderFacts {
  serviceName: string;
  responseTargetWorkingDays: number;
  callbackTargetWorkingDays: number;
}

export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

// ── English labels ───────────────────────────────────────────────────────────────────────────────

const OPTION_LABELS: Record<string, Record<string, string>> = {
  referrerRole: {
    self: 'The person themselves',
    'nearest-relative': 'Nearest relative',
    'family-friend': 'Family member or friend',
    'responsible-clinician': 'Responsible clinician',
    amhp: 'Approved mental health professional (AMHP)',
    nurse: 'Nurse',
    'other-staff': 'Other staff',
  },
  location: { hospital: 'In hospital', community: 'In the community' },
  contactMethod: {
    'ward-phone': 'Ward phone',
    'own-phone': 'Their own phone',
    email: 'Email',
    'through-staff': 'Through staff',
  },
  mhaStatus: {
    s2: 'Section 2',
    s3: 'Section 3',
    cto: 'Community treatment order (CTO)',
    guardianship: 'Guardianship',
    'court-or-prison': 'A court or prison section (for example 35–38, 41, 45A, 47, 48)',
    'conditional-discharge': 'Conditional discharge',
    'short-term': 'A short-term section (4, 5(2), 5(4), 135 or 136)',
    informal: 'Informal (voluntary) patient',
    'dont-know': "Doesn't know",
  },
  helpWith: {
    'understand-rights': 'Understanding their rights',
    tribunal: 'Mental Health Tribunal',
    'managers-hearing': "Hospital managers' hearing",
    'ward-round': 'Ward round',
    'care-review': 'Care review (CPA)',
    treatment: 'Treatment or medication',
    leave: 'Section 17 leave',
    'discharge-aftercare': 'Discharge and after-care (section 117)',
    'cto-conditions': 'CTO conditions',
    complaint: 'A concern or complaint',
    solicitor: 'Finding a solicitor',
    other: 'Something else',
    'not-sure': 'Not sure yet',
  },
  communicationNeeds: {
    interpreter: 'Spoken language interpreter',
    bsl: 'British Sign Language (BSL) interpreter',
    'easy-read': 'Easy Read information',
    'large-print': 'Large print',
    other: 'Other needs',
  },
  staffRole: {
    'responsible-clinician': 'Responsible clinician',
    amhp: 'Approved mental health professional (AMHP)',
    nurse: 'Nurse',
    'social-worker': 'Social worker',
    'other-staff': 'Other staff',
  },
  patientSection: {
    s2: 'Section 2',
    s3: 'Section 3',
    s4: 'Section 4',
    's5-2': 'Section 5(2)',
    's5-4': 'Section 5(4)',
    s35: 'Section 35',
    s36: 'Section 36',
    s37: 'Section 37',
    's37-41': 'Section 37/41',
    s38: 'Section 38',
    s45a: 'Section 45A',
    s47: 'Section 47',
    's47-49': 'Section 47/49',
    s48: 'Section 48',
    's48-49': 'Section 48/49',
    s135: 'Section 135',
    s136: 'Section 136',
    cto: 'Community treatment order (CTO)',
    s7: 'Guardianship (section 7)',
    'conditional-discharge': 'Conditional discharge',
    informal: 'Informal (voluntary) patient',
  },
  referralBasis: {
    agreed: 'The patient asked for or agreed to this referral',
    'opt-out': 'OPT-OUT REFERRAL: referred on admission under the opt-out policy; the patient can say no to the advocate',
    'cannot-decide': 'The patient cannot decide at the moment (for example, lacks capacity)',
  },
  yesNo: { yes: 'Yes', no: 'No' },
  patientAgrees: { yes: 'Yes', no: 'No', 'not-asked': 'Not asked' },
};

const DATE_KIND_LABELS: Record<ComingDateKind, string> = {
  tribunal: 'tribunal',
  'managers-hearing': "hospital managers' hearing",
  'ward-round': 'ward round',
};

const NOT_GIVEN = 'Not given';

function option(group: string, value: string | undefined): string {
  if (value === undefined) return NOT_GIVEN;
  return OPTION_LABELS[group]?.[value] ?? value;
}

function options(group: string, values: readonly string[] | undefined): string {
  return values && values.length > 0 ? values.map((v) => option(group, v)).join('; ') : 'None';
}

// ── Building blocks shared by the text and HTML versions ─────────────────────────────────────────

interface Line {
  label: string;
  value: string;
  /** An answer typed by the person: shown with dir="auto", multi-line allowed. */
  typed?: boolean;
}

interface Section {
  title: string;
  lines: Line[];
}

const typed = (label: string, value: string | undefined): Line => ({ label, value: value ?? NOT_GIVEN, typed: value !== undefined });
const fixed = (label: string, value: string): Line => ({ label, value });

function languageName(locale: string): string {
  try {
    const name = new Intl.DisplayNames('en', { type: 'language' }).of(locale);
    return name && name !== locale ? `${name} (${locale})` : locale;
  } catch {
    return locale;
  }
}

function comingDates(data: Pick<Referral, keyof typeof COMING_DATE_FIELDS>): ComingDate[] {
  const dates: ComingDate[] = [];
  for (const [field, kind] of Object.entries(COMING_DATE_FIELDS) as [keyof typeof COMING_DATE_FIELDS, ComingDateKind][]) {
    const date = data[field];
    if (date !== undefined) dates.push({ kind, date });
  }
  return dates;
}

/** Judged on the day the request arrived, so every retry of its email says the same. */
export function priorityOf(submission: Submission, createdAt: number): Priority {
  return submission.kind === 'callback'
    ? { level: 'routine', because: null }
    : derivePriority(comingDates(submission.data), ukDate(createdAt));
}

/** Header values: no line breaks or other controls, so nothing can add a header. */
export function headerSafe(value: string): string {
  return value.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ').trim();
}

export function subjectFor(kind: Kind, reference: string, priority: Priority, optOut = false): string {
  if (kind === 'callback') return headerSafe(`Call back request ${reference}`);
  const because = priority.because ? `, ${DATE_KIND_LABELS[priority.because.kind]} on ${formatShortDate(priority.because.date)}` : '';
  const what = kind === 'staff-referral' ? (optOut ? 'New opt-out IMHA referral from staff' : 'New IMHA referral from staff') : 'New IMHA referral';
  return headerSafe(`${what} ${reference} — priority: ${priority.level}${because}`);
}

function communicationSection(data: Pick<Referral, 'communicationNeeds' | 'language' | 'communicationOther'>): Section {
  const needs = data.communicationNeeds ?? [];
  return {
    title: 'Communication needs',
    lines: [
      fixed('Needs', options('communicationNeeds', needs)),
      typed('Language', data.language),
      ...(needs.includes('other') ? [typed('Other needs', data.communicationOther)] : []),
    ],
  };
}

function comingDateLines(data: Pick<Referral, keyof typeof COMING_DATE_FIELDS>): Line[] {
  const date = (value: string | undefined) => (value ? formatLongDate(value) : NOT_GIVEN);
  return [
    fixed('Tribunal date', date(data.tribunalDate)),
    fixed("Hospital managers' hearing date", date(data.hearingDate)),
    fixed('Ward round date', date(data.wardRoundDate)),
  ];
}

function referralSections(data: Referral): Section[] {
  const someoneElse = data.referrerRole !== 'self';
  const sections: Section[] = [
    communicationSection(data),
    {
      title: 'Person who needs an advocate',
      lines: [
        typed('Name', data.patientName),
        fixed('Where they are', option('location', data.location)),
        ...(data.location === 'hospital'
          ? [typed('Hospital', data.hospitalName), typed('Ward', data.ward)]
          : [typed('Town or area', data.communityArea)]),
        fixed('Mental Health Act status', option('mhaStatus', data.mhaStatus)),
      ],
    },
    {
      title: 'How to contact them',
      lines: [
        fixed('Best way', option('contactMethod', data.contactMethod)),
        typed('Ward or team phone', data.wardPhone),
        typed('Their phone', data.patientPhone),
        typed('Their email', data.patientEmail),
        typed('Safe times to contact', data.safeTimes),
        fixed('May we leave a message', option('yesNo', data.leaveMessage)),
      ],
    },
    {
      title: 'Help wanted',
      lines: [
        fixed('Help with', options('helpWith', data.helpWith)),
        ...comingDateLines(data),
      ],
    },
    {
      title: 'Who is asking',
      lines: someoneElse
        ? [
            fixed('Asked by', option('referrerRole', data.referrerRole)),
            typed('Their name', data.referrerName),
            typed('Team or organisation', data.referrerTeam),
            typed('Their phone', data.referrerPhone),
            typed('Their email', data.referrerEmail),
            fixed('Does the person know about this request', option('yesNo', data.patientKnows)),
            fixed('Has the person agreed', option('patientAgrees', data.patientAgrees)),
            ...(data.patientAgrees === 'yes' ? [] : [typed('Why not', data.agreementReason)]),
          ]
        : [fixed('Asked by', option('referrerRole', 'self'))],
    },
    { title: 'Anything else', lines: [typed('Message', data.message)] },
  ];
  return sections;
}

function staffSections(data: StaffReferral): Section[] {
  return [
    communicationSection(data),
    {
      title: 'Referral',
      lines: [
        fixed('Basis', option('referralBasis', data.referralBasis)),
        fixed('Told about IMHA (section 130D)', formatLongDate(data.toldDate)),
      ],
    },
    {
      title: 'Patient',
      lines: [
        typed('Name', data.patientName),
        typed('Hospital', data.hospitalName),
        typed('Ward', data.ward),
        fixed('Section', option('patientSection', data.patientSection)),
        fixed('Section started', formatLongDate(data.sectionStart)),
      ],
    },
    {
      title: 'Coming dates',
      lines: [
        ...comingDateLines(data),
      ],
    },
    { title: 'For a safe visit', lines: [typed('Risk and visiting information', data.riskInfo)] },
    {
      title: 'Referred by',
      lines: [
        fixed('Role', option('staffRole', data.staffRole)),
        typed('Name', data.referrerName),
        typed('Team or organisation', data.referrerTeam),
        typed('Phone', data.referrerPhone),
        typed('Email', data.referrerEmail),
      ],
    },
  ];
}

function callbackSections(data: Callback): Section[] {
  return [
    {
      title: 'Communication needs',
      lines: [fixed('Interpreter wanted', data.interpreter === 'yes' ? 'Yes' : 'No'), typed('Language', data.language)],
    },
    {
      title: 'Call back',
      lines: [
        typed('Name', data.name),
        typed('Phone', data.phone),
        typed('Safe times to call', data.safeTimes),
        fixed('May we leave a message', option('yesNo', data.leaveMessage)),
      ],
    },
  ];
}

// ── Rendering ────────────────────────────────────────────────────────────────────────────────────

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function renderEmail(request: StoredRequest, provider: ProviderFacts): RenderedEmail {
  const { reference, submission } = request;
  const priority = priorityOf(submission, request.createdAt);
  const optOut = submission.kind === 'staff-referral' && submission.data.referralBasis === 'opt-out';
  const subject = subjectFor(submission.kind, reference, priority, optOut);
  const sections =
    submission.kind === 'referral'
      ? referralSections(submission.data)
      : submission.kind === 'staff-referral'
        ? staffSections(submission.data)
        : callbackSections(submission.data);
  const target =
    submission.kind === 'callback'
      ? `Our target: call back within ${provider.callbackTargetWorkingDays} working days.`
      : `Our target: contact within ${provider.responseTargetWorkingDays} working days.`;
  const priorityLine =
    submission.kind !== 'callback'
      ? [
          fixed(
            'Priority',
            priority.because
              ? `${priority.level.toUpperCase()}: ${DATE_KIND_LABELS[priority.because.kind]} on ${formatLongDate(priority.because.date)}`
              : priority.level.toUpperCase(),
          ),
        ]
      : [];
  const summary: Line[] = [
    fixed('Reference', reference),
    ...priorityLine,
    fixed('Received', formatUkDateTime(request.createdAt)),
    fixed('Form filled in', languageName(request.locale)),
  ];
  const heading =
    submission.kind === 'referral' ? 'New IMHA referral' : submission.kind === 'staff-referral' ? 'New IMHA referral from staff' : 'Call back request';

  const textLine = (l: Line) => {
    const [first = '', ...rest] = l.value.split('\n');
    return [`${l.label}: ${first}`, ...rest.map((r) => `    ${r}`)].join('\n');
  };
  const text = [
    `${heading} for ${provider.serviceName}`,
    '',
    ...summary.map(textLine),
    '',
    ...sections.flatMap((s) => [s.title.toUpperCase(), ...s.lines.map(textLine), '']),
    target,
    '',
  ].join('\n');

  const row = (l: Line) =>
    `<tr><th scope="row" style="text-align:left;vertical-align:top;padding:4px 12px 4px 0">${escapeHtml(l.label)}</th>` +
    `<td${l.typed ? ' dir="auto"' : ''} style="vertical-align:top;padding:4px 0">${escapeHtml(l.value).replace(/\n/g, '<br>')}</td></tr>`;
  const table = (lines: Line[]) => `<table role="presentation" style="border-collapse:collapse">${lines.map(row).join('')}</table>`;
  const html = [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8">',
    `<title>${escapeHtml(subject)}</title></head>`,
    '<body style="font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.4">',
    `<h1 style="font-size:22px">${escapeHtml(heading)} for ${escapeHtml(provider.serviceName)}</h1>`,
    table(summary),
    ...sections.flatMap((s) => [`<h2 style="font-size:18px;margin-top:24px">${escapeHtml(s.title)}</h2>`, table(s.lines)]),
    `<p>${escapeHtml(target)}</p>`,
    '</body></html>',
    '',
  ].join('\n');

  return { subject, text, html };
}
