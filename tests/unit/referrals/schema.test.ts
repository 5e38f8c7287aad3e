import { describe, expect, it } from 'vitest';
import {
  CALLBACK_FIELDS,
  cleanLine,
  cleanMultiline,
  MAX_LENGTHS,
  MAX_MESSAGE_LENGTH,
  MESSAGE_KEYS,
  MESSAGES,
  normaliseEmail,
  REFERRAL_FIELDS,
} from '../../../src/referrals/schema.ts';
import { validateSubmission, type Validation } from '../../../src/referrals/validate.ts';
import { callbackPairs, manualClock, referralPairs, type Pairs } from './support.ts';

const clock = manualClock();
const referral = (pairs: Pairs, selfReferrals = true) => validateSubmission('referral', pairs, { clock, selfReferrals });
const callback = (pairs: Pairs) => validateSubmission('callback', pairs, { clock, selfReferrals: true });

function errorsOf(result: Validation): Record<string, string> {
  return result.ok ? {} : Object.fromEntries(result.errors.map((e) => [e.field, e.key]));
}

function dataOf(result: Validation): Record<string, unknown> {
  if (!result.ok) throw new Error(`expected valid, got ${JSON.stringify(result.errors)}`);
  return result.submission.data as Record<string, unknown>;
}

describe('the referral form', () => {
  it('accepts a complete referral and normalises it', () => {
    const data = dataOf(
      referral(
        referralPairs({
          patientName: '  Zebedee \t Quillfeather ',
          wardPhone: '+44 (0)113 496 0871',
          referrerEmail: 'Ottoline@Example.ORG',
          tribunalDate: '27/11/2026',
        }),
      ),
    );
    expect(data).toMatchObject({
      patientName: 'Zebedee Quillfeather',
      wardPhone: '0113 496 0871',
      referrerEmail: 'Ottoline@example.org',
      tribunalDate: '2026-11-27',
      helpWith: ['tribunal', 'leave'],
      communicationNeeds: ['interpreter'],
    });
  });

  it('gives every message as an i18n key it lists', () => {
    expect(MESSAGE_KEYS.length).toBeGreaterThan(40);
    for (const key of MESSAGE_KEYS) expect(key).toMatch(/^form\.error\.[a-zA-Z]+(\.[a-zA-Z]+)?$/);
    const result = referral([]);
    expect(result.ok).toBe(false);
    if (!result.ok) for (const e of result.errors) expect(MESSAGE_KEYS).toContain(e.key);
  });

  it('reports every problem at once, one per field, in form order', () => {
    const result = referral([['helpWith', 'bogus'], ['patientName', '']]);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const fields = result.errors.map((e) => e.field);
    expect(fields).toEqual(['referrerRole', 'patientName', 'location', 'contactMethod', 'mhaStatus', 'helpWith']);
    expect(new Set(fields).size).toBe(fields.length);
    const order = fields.map((f) => REFERRAL_FIELDS.indexOf(f as (typeof REFERRAL_FIELDS)[number]));
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  it('keeps what was typed for the form to show again', () => {
    const result = referral(referralPairs({ patientName: '  Zeb\u0000edee  ', wardPhone: 'not a number', helpWith: ['tribunal', 'care-review'] }));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.values['patientName']).toBe('Zebedee');
    expect(result.values['wardPhone']).toBe('not a number');
    expect(result.values['helpWith']).toEqual(['tribunal', 'care-review']);
    expect(result.values).not.toHaveProperty('extra_details');
  });

  describe('who is asking', () => {
    it('is required and must be one of the options', () => {
      expect(errorsOf(referral(referralPairs({ referrerRole: null })))['referrerRole']).toBe(MESSAGES.referrerRole.required);
      expect(errorsOf(referral(referralPairs({ referrerRole: 'mayor' })))['referrerRole']).toBe(MESSAGES.referrerRole.required);
    });

    it('refuses self-referral when the provider does not take them', () => {
      const pairs = referralPairs({ referrerRole: 'self' });
      expect(referral(pairs, true).ok).toBe(true);
      expect(errorsOf(referral(pairs, false))['referrerRole']).toBe(MESSAGES.referrerRole.selfNotAccepted);
      expect(referral(referralPairs({ referrerRole: 'amhp' }), false).ok).toBe(true);
    });

    it('asks someone else for their name, a way to reach them, and whether the person knows and agrees', () => {
      const errors = errorsOf(
        referral(
          referralPairs({ referrerRole: 'nearest-relative', referrerName: null, referrerPhone: null, patientKnows: null, patientAgrees: null }),
        ),
      );
      expect(errors).toEqual({
        patientKnows: MESSAGES.patientKnows.required,
        patientAgrees: MESSAGES.patientAgrees.required,
        referrerName: MESSAGES.referrerName.required,
        referrerPhone: MESSAGES.referrerContact.required,
      });
    });

    it('accepts an email instead of a phone number for the referrer', () => {
      expect(referral(referralPairs({ referrerPhone: null, referrerEmail: 'nurse@nhs.example' })).ok).toBe(true);
      expect(errorsOf(referral(referralPairs({ referrerPhone: '12345' })))['referrerPhone']).toBe(MESSAGES.referrerPhone.invalid);
      expect(errorsOf(referral(referralPairs({ referrerEmail: 'nurse@' })))['referrerEmail']).toBe(MESSAGES.referrerEmail.invalid);
    });

    it('asks why when the person has not agreed or was not asked', () => {
      for (const answer of ['no', 'not-asked']) {
        expect(errorsOf(referral(referralPairs({ patientAgrees: answer })))['agreementReason']).toBe(MESSAGES.agreementReason.required);
        expect(referral(referralPairs({ patientAgrees: answer, agreementReason: 'Lacks capacity to decide today' })).ok).toBe(true);
      }
    });

    it('needs none of that when people ask for themselves, and drops it if typed', () => {
      const data = dataOf(
        referral(referralPairs({ referrerRole: 'self', referrerName: 'Typed anyway', referrerPhone: null, patientKnows: null, patientAgrees: null })),
      );
      expect(data['referrerName']).toBeUndefined();
      expect(data['patientKnows']).toBeUndefined();
    });
  });

  describe('the person', () => {
    it('needs a name of reasonable length', () => {
      expect(errorsOf(referral(referralPairs({ patientName: '' })))['patientName']).toBe(MESSAGES.patientName.required);
      expect(errorsOf(referral(referralPairs({ patientName: ' \u0000\u200b ' })))['patientName']).toBe(MESSAGES.patientName.required);
      expect(errorsOf(referral(referralPairs({ patientName: '\u200d-' })))['patientName']).toBe(MESSAGES.patientName.required);
      expect(referral(referralPairs({ patientName: 'عائشہ خان' })).ok).toBe(true);
      expect(errorsOf(referral(referralPairs({ patientName: 'x'.repeat(101) })))['patientName']).toBe(MESSAGES.patientName.tooLong);
      expect(referral(referralPairs({ patientName: 'x'.repeat(100) })).ok).toBe(true);
    });

    it('needs the hospital when they are in hospital, not when in the community', () => {
      expect(errorsOf(referral(referralPairs({ hospitalName: null })))['hospitalName']).toBe(MESSAGES.hospitalName.required);
      expect(referral(referralPairs({ location: 'community', hospitalName: null, ward: null })).ok).toBe(true);
      expect(errorsOf(referral(referralPairs({ location: null })))['location']).toBe(MESSAGES.location.required);
      expect(errorsOf(referral(referralPairs({ ward: 'w'.repeat(61) })))['ward']).toBe(MESSAGES.ward.tooLong);
    });

    it('accepts "I don\'t know" for the Mental Health Act status', () => {
      expect(referral(referralPairs({ mhaStatus: 'dont-know' })).ok).toBe(true);
      expect(errorsOf(referral(referralPairs({ mhaStatus: null })))['mhaStatus']).toBe(MESSAGES.mhaStatus.required);
    });
  });

  describe('contact', () => {
    it('needs the number or address that goes with the chosen way', () => {
      expect(errorsOf(referral(referralPairs({ contactMethod: 'ward-phone', wardPhone: null })))['wardPhone']).toBe(MESSAGES.wardPhone.required);
      expect(errorsOf(referral(referralPairs({ contactMethod: 'through-staff', wardPhone: null })))['wardPhone']).toBe(MESSAGES.wardPhone.required);
      expect(errorsOf(referral(referralPairs({ contactMethod: 'own-phone' })))['patientPhone']).toBe(MESSAGES.patientPhone.required);
      expect(errorsOf(referral(referralPairs({ contactMethod: 'email' })))['patientEmail']).toBe(MESSAGES.patientEmail.required);
      expect(referral(referralPairs({ contactMethod: 'email', wardPhone: null, patientEmail: 'zeb@example.org' })).ok).toBe(true);
      expect(errorsOf(referral(referralPairs({ contactMethod: null })))['contactMethod']).toBe(MESSAGES.contactMethod.required);
    });

    it('checks phone numbers and email addresses even when optional', () => {
      expect(errorsOf(referral(referralPairs({ wardPhone: '+1 212 555 0123' })))['wardPhone']).toBe(MESSAGES.wardPhone.invalid);
      expect(errorsOf(referral(referralPairs({ patientPhone: '0612345678' })))['patientPhone']).toBe(MESSAGES.patientPhone.invalid);
      expect(errorsOf(referral(referralPairs({ patientEmail: 'not-an-email' })))['patientEmail']).toBe(MESSAGES.patientEmail.invalid);
      expect(errorsOf(referral(referralPairs({ patientEmail: `${'a'.repeat(250)}@x.org` })))['patientEmail']).toBe(
        MESSAGES.patientEmail.tooLong,
      );
    });

    it('needs to know about messages when we would phone', () => {
      expect(errorsOf(referral(referralPairs({ leaveMessage: null })))['leaveMessage']).toBe(MESSAGES.leaveMessage.required);
      expect(
        referral(referralPairs({ contactMethod: 'email', patientEmail: 'zeb@example.org', leaveMessage: null })).ok,
      ).toBe(true);
    });
  });

  describe('help and coming dates', () => {
    it('needs at least one kind of help, from the list', () => {
      expect(errorsOf(referral(referralPairs({ helpWith: null })))['helpWith']).toBe(MESSAGES.helpWith.required);
      expect(errorsOf(referral(referralPairs({ helpWith: [''] })))['helpWith']).toBe(MESSAGES.helpWith.required);
      expect(errorsOf(referral(referralPairs({ helpWith: ['tribunal', 'haircut'] })))['helpWith']).toBe(MESSAGES.helpWith.required);
      expect(dataOf(referral(referralPairs({ helpWith: ['not-sure', 'tribunal', 'tribunal'] })))['helpWith']).toEqual(['tribunal', 'not-sure']);
    });

    it('reads dates written in common ways', () => {
      for (const typed of ['2026-12-03', '3/12/2026', '03-12-26', '3 December 2026', '3 Dec', '3rd December']) {
        expect(dataOf(referral(referralPairs({ tribunalDate: typed })))['tribunalDate']).toBe('2026-12-03');
      }
    });

    it('rejects dates that are not real, in the past or too far ahead', () => {
      const check = (field: 'tribunalDate' | 'hearingDate' | 'wardRoundDate') => {
        expect(errorsOf(referral(referralPairs({ [field]: '31/02/2027' })))[field]).toBe(MESSAGES[field].invalid);
        expect(errorsOf(referral(referralPairs({ [field]: 'next week' })))[field]).toBe(MESSAGES[field].invalid);
        expect(errorsOf(referral(referralPairs({ [field]: '19/11/2026' })))[field]).toBe(MESSAGES[field].past);
        expect(errorsOf(referral(referralPairs({ [field]: '1/1/2028' })))[field]).toBe(MESSAGES[field].tooFar);
        expect(referral(referralPairs({ [field]: '20/11/2026' })).ok).toBe(true);
      };
      check('tribunalDate');
      check('hearingDate');
      check('wardRoundDate');
    });
  });

  describe('communication needs', () => {
    it('needs the language when an interpreter is wanted', () => {
      expect(errorsOf(referral(referralPairs({ language: null })))['language']).toBe(MESSAGES.language.required);
      expect(referral(referralPairs({ communicationNeeds: ['bsl', 'easy-read'], language: null })).ok).toBe(true);
    });

    it('needs a description of other needs', () => {
      expect(errorsOf(referral(referralPairs({ communicationNeeds: ['other'] })))['communicationOther']).toBe(
        MESSAGES.communicationOther.required,
      );
      expect(referral(referralPairs({ communicationNeeds: ['other'], communicationOther: 'Uses pictures' })).ok).toBe(true);
      expect(errorsOf(referral(referralPairs({ communicationNeeds: ['telepathy'] })))['communicationNeeds']).toBe(
        MESSAGES.communicationNeeds.invalid,
      );
    });
  });

  describe('free text', () => {
    it('is optional, keeps its line breaks, and has a limit', () => {
      expect(referral(referralPairs({ message: null })).ok).toBe(true);
      expect(dataOf(referral(referralPairs({ message: 'one\r\ntwo\r\n\r\n\r\n\r\nthree' })))['message']).toBe('one\ntwo\n\nthree');
      expect(referral(referralPairs({ message: 'm'.repeat(MAX_MESSAGE_LENGTH) })).ok).toBe(true);
      expect(errorsOf(referral(referralPairs({ message: 'm'.repeat(MAX_MESSAGE_LENGTH + 1) })))['message']).toBe(MESSAGES.message.tooLong);
    });
  });

  it('honours every maxlength it publishes', () => {
    const textFields = ['hospitalName', 'ward', 'safeTimes', 'language', 'referrerName', 'referrerTeam', 'message', 'agreementReason'] as const;
    for (const field of textFields) {
      const max = MAX_LENGTHS[field];
      const extra = field === 'agreementReason' ? { patientAgrees: 'no' } : {};
      expect(referral(referralPairs({ ...extra, [field]: 'a'.repeat(max) })).ok, field).toBe(true);
      expect(errorsOf(referral(referralPairs({ ...extra, [field]: 'a'.repeat(max + 1) })))[field], field).toMatch(/\.tooLong$/);
    }
  });

  it('treats a single-answer field sent twice as a mistake, not a crash', () => {
    const pairs: Pairs = [...referralPairs(), ['patientName', 'Someone Else']];
    expect(errorsOf(referral(pairs))['patientName']).toBe(MESSAGES.unexpected);
  });

  it('issues no error for a missing or odd submission token', () => {
    expect(referral(referralPairs()).ok).toBe(true);
    const withBadToken = referral([...referralPairs(), ['submissionToken', 'short']]);
    expect(withBadToken.ok && withBadToken.submission.data.submissionToken).toBeUndefined();
    const token = 'A'.repeat(32);
    const withToken = referral([...referralPairs(), ['submissionToken', token]]);
    expect(withToken.ok && withToken.submission.data.submissionToken).toBe(token);
  });
});

describe('the call-back form', () => {
  it('accepts a complete request', () => {
    expect(dataOf(callback(callbackPairs({ phone: '+44 7700 900777' })))).toMatchObject({ name: 'Perpetua Ironmonger', phone: '07700 900777' });
  });

  it('checks each field', () => {
    expect(errorsOf(callback(callbackPairs({ name: '' })))).toEqual({ name: MESSAGES.name.required });
    expect(errorsOf(callback(callbackPairs({ name: 'n'.repeat(101) })))).toEqual({ name: MESSAGES.name.tooLong });
    expect(errorsOf(callback(callbackPairs({ phone: '' })))).toEqual({ phone: MESSAGES.phone.required });
    expect(errorsOf(callback(callbackPairs({ phone: '+49 30 123456' })))).toEqual({ phone: MESSAGES.phone.invalid });
    expect(errorsOf(callback(callbackPairs({ leaveMessage: null })))).toEqual({ leaveMessage: MESSAGES.leaveMessage.required });
    expect(errorsOf(callback(callbackPairs({ safeTimes: 's'.repeat(201) })))).toEqual({ safeTimes: MESSAGES.safeTimes.tooLong });
    expect(errorsOf(callback(callbackPairs({ interpreter: 'yes' })))).toEqual({ language: MESSAGES.language.required });
    expect(errorsOf(callback(callbackPairs({ interpreter: 'maybe' })))).toEqual({ interpreter: MESSAGES.interpreter.invalid });
    expect(callback(callbackPairs({ interpreter: 'yes', language: 'Tigrinya' })).ok).toBe(true);
  });

  it('lists errors in form order', () => {
    const result = callback([]);
    expect(result.ok || result.errors.map((e) => e.field)).toEqual(['name', 'phone', 'leaveMessage']);
    expect(CALLBACK_FIELDS.slice(0, 4)).toEqual(['name', 'phone', 'safeTimes', 'leaveMessage']);
  });
});

describe('normalisation helpers', () => {
  it('clean a line of text', () => {
    expect(cleanLine('  a\tb\r\nc\u2028d  ')).toBe('a b c d');
    expect(cleanLine('a\u0000b\u001bc\u007fd\u0085e')).toBe('abcde');
    expect(cleanLine('evil\u202egnp.exe')).toBe('evilgnp.exe');
    expect(cleanLine('\ud800lone')).toBe('\ufffdlone');
    // Joiners stay: Urdu and Indic scripts need them.
    expect(cleanLine('a\u200db\u200cc')).toBe('a\u200db\u200cc');
    expect(cleanLine('e\u0301')).toBe('\u00e9');
  });

  it('clean free text, keeping paragraphs', () => {
    expect(cleanMultiline(' one \r\n  two\r\r\n\n\nthree\u0000 ')).toBe('one\ntwo\n\nthree');
  });

  it('lower-case only the domain of an email address', () => {
    expect(normaliseEmail('Jo.Bloggs@Example.ORG')).toBe('Jo.Bloggs@example.org');
  });
});
