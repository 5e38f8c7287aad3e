import { expect, test, type Page } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expectNoAxeViolations } from '../a11y/axe.ts';
import { chooseRadio, tabTo, typeInto } from './keyboard.ts';

const mailDir = join(process.env['TEST_DATA_DIR'] ?? '', 'mail');

async function emailFor(reference: string): Promise<string> {
  let text = '';
  await expect
    .poll(() => {
      const file = readdirSync(mailDir, { withFileTypes: true }).find((entry) => entry.name.startsWith(reference));
      text = file ? readFileSync(join(mailDir, file.name), 'utf8') : '';
      return text !== '';
    }, { timeout: 15_000 })
    .toBe(true);
  return text;
}

/** The email body, decoded from quoted-printable or base64 parts, so the test reads what the provider reads. */
function readable(eml: string): string {
  const decodedBase64 = [...eml.matchAll(/Content-Transfer-Encoding: base64\r?\n(?:[^\r\n]+\r?\n)*\r?\n([A-Za-z0-9+/=\r\n]+)/g)].map((m) => Buffer.from((m[1] ?? '').replace(/\s/g, ''), 'base64').toString('utf8'));
  const quoted = eml.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  return [quoted, ...decodedBase64].join('\n');
}

/** Today in the UK as d/m/yyyy, as a nurse would type it. */
function today(): string {
  const [year, month, day] = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date()).split('-');
  return `${Number(day)}/${Number(month)}/${year}`;
}

async function fillOptOutReferral(page: Page): Promise<void> {
  await typeInto(page, "The patient's full name", 'Kwame Testpatient');
  await typeInto(page, 'Name of the hospital', 'Example General Hospital');
  await typeInto(page, 'Name of the ward', 'Oak Ward');
  await tabTo(page, 'Their section or status under the Mental Health Act');
  await page.keyboard.type('Section 3');
  await typeInto(page, 'Date the section started', today());
  await typeInto(page, 'Date the patient was told about IMHA', today());
  await chooseRadio(page, 'Yes: the patient asked for an advocate or agreed to this referral', 'Opt-out referral: we refer every qualifying patient on admission, and the patient can say no to the advocate');
  await typeInto(page, 'Anything a visiting advocate needs to know', 'Visit after 2pm; please see the nurse in charge first.');
  await chooseRadio(page, 'Responsible clinician', 'Nurse');
  await typeInto(page, 'Your name', 'Sam Nurse');
  await typeInto(page, 'Your job and team', 'Staff nurse, Oak Ward');
  await typeInto(page, 'Your phone number', '0113 496 0777');
}

for (const javaScriptEnabled of [true, false]) {
  test.describe(`staff referral with JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, () => {
    test.use({ javaScriptEnabled });

    test('a nurse makes an opt-out referral on admission with the keyboard, and the provider gets it', async ({ page }) => {
      await page.goto('/en/for-staff/');
      await page.getByRole('link', { name: 'staff referral form' }).first().click();
      await expect(page.getByRole('heading', { level: 1, name: 'Refer a patient (for staff)' })).toBeVisible();
      if (javaScriptEnabled) await expectNoAxeViolations(page);
      await fillOptOutReferral(page);
      await tabTo(page, 'Send the referral');
      await page.keyboard.press('Enter');

      await expect(page.getByRole('heading', { level: 1, name: 'Referral sent' })).toBeVisible();
      const reference = ((await page.locator('.reference').textContent()) ?? '').trim();
      if (javaScriptEnabled) await expectNoAxeViolations(page);

      const email = readable(await emailFor(reference));
      expect(email).toContain('New opt-out IMHA referral from staff');
      expect(email).toContain('OPT-OUT REFERRAL');
      expect(email).toContain('Kwame Testpatient');
      expect(email).toContain('Section 3');
      expect(email).toContain('Told about IMHA (section 130D)');
      expect(email).toContain('Visit after 2pm');
      expect(email).toContain('Sam Nurse');
    });

    test('missing answers are listed, each next to its question, and what was typed stays', async ({ page }) => {
      await page.goto('/en/refer/');
      await typeInto(page, "The patient's full name", 'Kwame Testpatient');
      await typeInto(page, 'Date the section started', '31/02/2026');
      await typeInto(page, 'Date the patient was told about IMHA', '1/1/2099');
      await tabTo(page, 'Send the referral');
      await page.keyboard.press('Enter');

      const summary = page.getByRole('alert');
      await expect(summary).toBeFocused();
      for (const message of [
        'Enter the name of the hospital',
        'Choose the patient’s section or status',
        'Enter the date the section started as a date, for example 18/11/2026',
        'The date the patient was told about IMHA must be today or in the past',
        'Say whether the patient wants this referral, or that it is an opt-out referral',
        'Choose your role',
        'Enter your name',
        'Enter your job and team',
        'Enter your phone number or email address',
      ]) {
        await expect(summary.getByRole('link', { name: message })).toBeVisible();
      }
      await expect(page.getByLabel("The patient's full name")).toHaveValue('Kwame Testpatient');
      await expect(page.getByLabel('Date the section started')).toHaveValue('31/02/2026');
      await expect(page.getByLabel('Date the section started')).toHaveAccessibleDescription(/Error: Enter the date the section started as a date/);
      await summary.getByRole('link', { name: 'Choose the patient’s section or status' }).click();
      await expect(page.getByLabel('Their section or status under the Mental Health Act')).toBeFocused();
      if (javaScriptEnabled) await expectNoAxeViolations(page);
    });
  });
}
