import { describe, expect, it } from 'vitest';
import { escapeHtml, headerSafe, renderEmail, subjectFor, type StoredRequest } from '../../../src/referrals/email.ts';
import { validateSubmission, type Submission } from '../../../src/referrals/validate.ts';
import { callbackPairs, manualClock, referralPairs, T0, type Pairs } from './support.ts';

const provider = { serviceName: 'Right to be Heard', responseTargetWorkingDays: 5, callbackTargetWorkingDays: 2 };
const clock = manualClock();

function submission(kind: 'referral' | 'callback', pairs: Pairs): Submission {
  const result = validateSubmission(kind, pairs, { clock, selfReferrals: true });
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.submission;
}

const request = (sub: Submission, locale = 'pl'): StoredRequest => ({ reference: 'IMHA-7KQ4-M9XD', createdAt: T0, locale, submission: sub });

const ATTACK = '<script>alert(1)</script><img src=x onerror=alert(2)> & "quoted" \'single\'';

describe('the email to the provider', () => {
  it('has a subject with the reference and priority but no personal data', () => {
    const email = renderEmail(request(submission('referral', referralPairs())), provider);
    expect(email.subject).toBe('New IMHA referral IMHA-7KQ4-M9XD — priority: urgent, tribunal on 27 November');
    for (const personal of ['Zebedee', 'Quillfeather', 'Ottoline', '0113', '07700', 'Oak', 'Polish']) expect(email.subject).not.toContain(personal);
    expect(renderEmail(request(submission('callback', callbackPairs())), provider).subject).toBe('Call back request IMHA-7KQ4-M9XD');
    expect(renderEmail(request(submission('referral', referralPairs({ tribunalDate: null }))), provider).subject).toBe(
      'New IMHA referral IMHA-7KQ4-M9XD — priority: routine',
    );
  });

  it('puts communication needs first and says which language the form was in', () => {
    const { text, html } = renderEmail(request(submission('referral', referralPairs({ communicationNeeds: ['interpreter', 'bsl'] }))), provider);
    const sections = text.split('\n').filter((l) => /^[A-Z ]+$/.test(l) && l.trim() !== '');
    expect(sections[0]).toBe('COMMUNICATION NEEDS');
    expect(text).toContain('Needs: Spoken language interpreter; British Sign Language (BSL) interpreter');
    expect(text).toContain('Form filled in: Polish (pl)');
    expect(html.indexOf('Communication needs')).toBeLessThan(html.indexOf('Person who needs an advocate'));
  });

  it('labels every answer in English, whatever the form language', () => {
    const { text } = renderEmail(request(submission('referral', referralPairs({ mhaStatus: 'dont-know' })), 'ur'), provider);
    for (const label of ['Name: Zebedee Quillfeather', 'Hospital: St Example Hospital', 'Ward: Oak Ward', 'Ward or team phone: 0113 496 0871',
      "Mental Health Act status: Doesn't know", 'Help with: Mental Health Tribunal; Section 17 leave',
      'Tribunal date: Friday 27 November 2026', 'Asked by: Nurse', 'Their name: Ottoline Brackenbury', 'May we leave a message: Yes',
      'Form filled in: Urdu (ur)', 'Priority: URGENT: tribunal on Friday 27 November 2026', 'Our target: contact within 5 working days.']) {
      expect(text).toContain(label);
    }
  });

  it('escapes every answer in the HTML', () => {
    const sub = submission(
      'referral',
      referralPairs({ patientName: ATTACK.slice(0, 100), hospitalName: '<b>Bold</b> & co', message: `${ATTACK}\n<a href="javascript:x">y</a>`, safeTimes: '"><svg onload=alert(3)>' }),
    );
    const { html } = renderEmail(request(sub), provider);
    expect(html).not.toMatch(/<script|<img|<svg|<a |<b>/i);
    expect(html).not.toContain('"javascript:');
    // Only the template's own tags remain.
    const tags = new Set(html.match(/<\/?[a-z0-9!]+/gi));
    expect([...tags].sort()).toEqual(['</body', '</h1', '</h2', '</html', '</p', '</table', '</td', '</th', '</title', '</tr', '<!doctype', '<body', '<br', '<h1', '<h2', '<head', '<html', '<meta', '<p', '<table', '<td', '<th', '<title', '<tr', '</head'].sort());
    expect(html).toContain('&#60;script&#62;alert(1)&#60;/script&#62;');
    expect(html).toContain('&#60;b&#62;Bold&#60;/b&#62; &#38; co');
    expect(html).toContain('&#34;&#62;&#60;svg onload=alert(3)&#62;');
    // Line breaks in free text become <br>, and only those.
    expect(html).toMatch(/alert\(2\)&#62; &#38; &#34;quoted&#34; &#39;single&#39;<br>&#60;a href=/);
  });

  it('marks typed answers dir="auto" so right-to-left text shows the right way round', () => {
    const { html } = renderEmail(request(submission('referral', referralPairs({ patientName: 'عائشہ خان' })), 'ur'), provider);
    expect(html).toContain('<td dir="auto" style="vertical-align:top;padding:4px 0">عائشہ خان</td>');
  });

  it('is the same every time it is rendered, so a retry sends identical bytes', () => {
    const r = request(submission('referral', referralPairs()));
    expect(renderEmail(r, provider)).toEqual(renderEmail(structuredClone(r), provider));
  });

  it('renders a call-back request', () => {
    const { text } = renderEmail(request(submission('callback', callbackPairs({ interpreter: 'yes', language: 'Somali' }))), provider);
    expect(text).toMatch(/^Call back request for Right to be Heard/);
    expect(text.indexOf('Interpreter wanted: Yes')).toBeLessThan(text.indexOf('Name: Perpetua Ironmonger'));
    expect(text).toContain('Language: Somali');
    expect(text).toContain('Phone: 07700 900777');
    expect(text).toContain('Our target: call back within 2 working days.');
  });
});

describe('headers', () => {
  it('can never carry a line break', () => {
    expect(headerSafe('Hello\r\nBcc: victim@example.org')).toBe('Hello Bcc: victim@example.org');
    expect(headerSafe('a\nb\rc\u2028d\u0000e')).toBe('a b c d e');
    for (const kind of ['referral', 'callback'] as const) {
      const subject = subjectFor(kind, 'IMHA-7KQ4-M9XD\r\nBcc: x@example.org', { level: 'routine', because: null });
      expect(subject).not.toMatch(/[\r\n]/);
    }
  });
});

describe('escapeHtml', () => {
  it('escapes the five special characters', () => {
    expect(escapeHtml(`<>&"'`)).toBe('&#60;&#62;&#38;&#34;&#39;');
    expect(escapeHtml('plain text ✓')).toBe('plain text ✓');
  });
});
