import { DatabaseSync } from 'node:sqlite';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderEmail, type StoredRequest } from '../../../src/referrals/email.ts';
import { openOutbox } from '../../../src/referrals/outbox.ts';
import { validateSubmission, type Submission } from '../../../src/referrals/validate.ts';
import { manualClock, seededRandom, T0, tempDir, testKeyring } from './support.ts';

const clock = manualClock();
const provider = { serviceName: 'Right to be Heard', responseTargetWorkingDays: 5, callbackTargetWorkingDays: 2 };

type Pairs = [string, string][];
const optOut = (changes: Record<string, string> = {}): Pairs =>
  Object.entries({
    staffRole: 'nurse',
    referrerName: 'Sam Nurse',
    referrerTeam: 'Staff nurse, Oak Ward',
    referrerPhone: '0113 496 0777',
    patientName: 'Kwame Testpatient',
    hospitalName: 'Example General Hospital',
    ward: 'Oak Ward',
    patientSection: 's3',
    sectionStart: '20/11/2026',
    toldDate: '20/11/2026',
    referralBasis: 'opt-out',
    riskInfo: 'Visit after 2pm.',
    ...changes,
  });

const validate = (pairs: Pairs) => validateSubmission('staff-referral', pairs, { clock, selfReferrals: true });
const errors = (pairs: Pairs) => {
  const result = validate(pairs);
  return result.ok ? [] : result.errors.map((error) => `${error.field}: ${error.key}`);
};

describe('the staff referral form', () => {
  it('takes an opt-out referral made on the day of admission', () => {
    const result = validate(optOut());
    expect(result.ok).toBe(true);
    expect(result.ok && result.submission.kind === 'staff-referral' && result.submission.data).toMatchObject({
      referralBasis: 'opt-out',
      patientSection: 's3',
      sectionStart: '2026-11-20',
      toldDate: '2026-11-20',
    });
  });

  it('needs the section, its start, when the patient was told and on what basis', () => {
    const found = errors(optOut({ patientSection: '', sectionStart: '', toldDate: '', referralBasis: '' }));
    expect(found).toEqual([
      'patientSection: form.error.patientSection.required',
      'sectionStart: form.error.sectionStart.required',
      'toldDate: form.error.toldDate.required',
      'referralBasis: form.error.referralBasis.required',
    ]);
  });

  it('refuses dates that have not happened yet, are not dates, or are decades ago', () => {
    expect(errors(optOut({ toldDate: '21/11/2026' }))).toEqual(['toldDate: form.error.toldDate.future']);
    expect(errors(optOut({ sectionStart: '31/02/2026' }))).toEqual(['sectionStart: form.error.sectionStart.invalid']);
    expect(errors(optOut({ sectionStart: '1/1/1980' }))).toEqual(['sectionStart: form.error.sectionStart.tooOld']);
  });

  it('needs a way to reach the member of staff who referred', () => {
    expect(errors(optOut({ referrerPhone: '' }))).toEqual(['referrerPhone: form.error.referrerContact.required']);
    expect(errors(optOut({ referrerPhone: '', referrerEmail: 'sam.nurse@nhs.example' }))).toEqual([]);
  });

  it('accepts only the roles and sections it offers', () => {
    expect(errors(optOut({ staffRole: 'self' }))).toEqual(['staffRole: form.error.staffRole.required']);
    expect(errors(optOut({ patientSection: 's999' }))).toEqual(['patientSection: form.error.patientSection.required']);
  });
});

describe('the email for a staff referral', () => {
  const submission = (pairs: Pairs): Submission => {
    const result = validate(pairs);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    return result.submission;
  };
  const request = (sub: Submission): StoredRequest => ({ reference: 'IMHA-7KQ4-M9XD', createdAt: T0, locale: 'en', submission: sub });

  it('says in the subject that it is an opt-out referral, with no personal data there', () => {
    const email = renderEmail(request(submission(optOut())), provider);
    expect(email.subject).toBe('New opt-out IMHA referral from staff IMHA-7KQ4-M9XD — priority: routine');
    expect(email.subject).not.toContain('Kwame');
    expect(email.text).toContain('Basis: OPT-OUT REFERRAL');
    expect(email.text).toContain('Told about IMHA (section 130D): Friday 20 November 2026');
    expect(email.text).toContain('Section: Section 3');
    expect(email.text).toContain('Risk and visiting information: Visit after 2pm.');
  });

  it('is a plain staff referral when the patient agreed, and a near Tribunal makes it urgent', () => {
    const email = renderEmail(request(submission(optOut({ referralBasis: 'agreed', tribunalDate: '24/11/2026' }))), provider);
    expect(email.subject).toMatch(/^New IMHA referral from staff IMHA-7KQ4-M9XD — priority: urgent, tribunal on /);
  });
});

describe('an outbox written before staff referrals existed', () => {
  it('is upgraded in place: its rows stay, and it then takes staff referrals', () => {
    const temp = tempDir();
    const path = join(temp.dir, 'outbox.sqlite');
    try {
      const old = new DatabaseSync(path);
      old.exec(`CREATE TABLE outbox (
        id INTEGER PRIMARY KEY, reference TEXT NOT NULL UNIQUE, submission_token TEXT NOT NULL UNIQUE,
        kind TEXT NOT NULL CHECK (kind IN ('referral', 'callback')),
        priority TEXT NOT NULL CHECK (priority IN ('urgent', 'soon', 'routine')),
        state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'delivered', 'stuck')),
        key_id TEXT, sealed BLOB, created_at INTEGER NOT NULL, window_start INTEGER NOT NULL, next_attempt_at INTEGER NOT NULL,
        attempts INTEGER NOT NULL DEFAULT 0, lease_owner TEXT, lease_expires_at INTEGER, last_error TEXT, last_status INTEGER,
        message_id TEXT, delivered_at INTEGER,
        CHECK ((sealed IS NULL) = (key_id IS NULL)), CHECK (state <> 'delivered' OR sealed IS NULL)
      ) STRICT;
      CREATE INDEX outbox_due ON outbox (state, next_attempt_at);
      INSERT INTO outbox (reference, submission_token, kind, priority, state, created_at, window_start, next_attempt_at, delivered_at)
        VALUES ('IMHA-3333-4444', 'old-token-xxxxxxxxxxxxxxxxxxxxxxxx', 'callback', 'routine', 'delivered', ${T0}, ${T0}, ${T0}, ${T0});
      PRAGMA user_version = 1;`);
      old.close();

      const outbox = openOutbox({ path, keyring: testKeyring(), random: seededRandom() });
      expect(outbox.list().map((row) => row.reference)).toContain('IMHA-3333-4444');
      const accepted = outbox.accept({ kind: 'staff-referral', submissionToken: 'staff-token'.padEnd(32, 'x'), priority: 'routine', personal: '{}', now: T0 });
      expect(accepted.duplicate).toBe(false);
      outbox.close();

      const check = new DatabaseSync(path);
      expect(check.prepare('PRAGMA user_version').get()).toEqual({ user_version: 2 });
      expect(check.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND name = 'outbox_due'").all()).toHaveLength(1);
      check.close();
    } finally {
      temp.remove();
    }
  });
});
