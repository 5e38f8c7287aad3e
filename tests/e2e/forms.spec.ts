import { expect, test, type Page } from '@playwright/test';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startBuiltServer } from '../serveBuilt.ts';
import { expectNoAxeViolations } from '../a11y/axe.ts';
import { chooseRadio, tabTo, tickBox, typeInto } from './keyboard.ts';

const mailDir = join(process.env['TEST_DATA_DIR'] ?? '', 'mail');

function emailFor(reference: string): string {
  const file = readdirSync(mailDir).find((name) => name.startsWith(reference));
  if (!file) throw new Error(`No email for ${reference} in ${mailDir}`);
  return readFileSync(join(mailDir, file), 'utf8');
}

async function waitForEmail(reference: string): Promise<string> {
  let text = '';
  await expect
    .poll(() => {
      try {
        text = emailFor(reference);
        return true;
      } catch {
        return false;
      }
    }, { timeout: 15_000 })
    .toBe(true);
  return text;
}

async function referenceOnPage(page: Page): Promise<string> {
  const reference = (await page.locator('.reference').textContent())?.trim() ?? '';
  expect(reference).toMatch(/^IMHA-[34679ACDEFGHJKMNPQRTUVWXY]{4}-[34679ACDEFGHJKMNPQRTUVWXY]{4}$/);
  return reference;
}

// axe runs inside the page, so it can only check with JavaScript on; the HTML is the same either way.
const axeIfPossible = async (page: Page, javaScriptEnabled: boolean) => {
  if (javaScriptEnabled) await expectNoAxeViolations(page);
};

for (const javaScriptEnabled of [true, false]) {
  test.describe(`with JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, () => {
    test.use({ javaScriptEnabled });

    test('a patient asks for an advocate for themselves using only the keyboard', async ({ page }) => {
      await page.goto('/en/');
      await axeIfPossible(page, javaScriptEnabled);
      await tabTo(page, 'Get an advocate');
      await page.keyboard.press('Enter');
      await expect(page.getByRole('heading', { level: 1, name: 'Ask for an advocate' })).toBeVisible();
      await axeIfPossible(page, javaScriptEnabled);

      await chooseRadio(page, 'I am the patient and I want an advocate for myself', 'I am the patient and I want an advocate for myself');
      await typeInto(page, "The patient's full name", 'Zofia Testperson');
      await chooseRadio(page, 'In hospital', 'In hospital');
      await typeInto(page, 'Name of the hospital', 'Example General Hospital');
      await typeInto(page, 'Name of the ward', 'Willow Ward');
      await chooseRadio(page, 'Call the ward phone', 'Call the ward phone');
      await typeInto(page, 'Ward phone number', '0113 496 0555');
      await chooseRadio(page, 'Yes', 'Yes');
      await chooseRadio(page, 'Section 2', 'Section 3');
      await tickBox(page, 'Applying to the Mental Health Tribunal');
      await tickBox(page, 'An interpreter for a spoken language');
      await typeInto(page, 'Which language?', 'Polish');
      await tabTo(page, 'Send the request');
      await page.keyboard.press('Enter');

      await expect(page.getByRole('heading', { level: 1, name: 'Request sent' })).toBeVisible();
      const reference = await referenceOnPage(page);
      await expect(page.getByText('within 5 working days')).toBeVisible();
      await expect(page.getByText('This is not an emergency service')).toBeVisible();
      await axeIfPossible(page, javaScriptEnabled);

      const email = await waitForEmail(reference);
      expect(email).toContain(`Subject: =?UTF-8?B?`);
      expect(email).toContain('Zofia Testperson');
      expect(email).toContain('Polish');
    });

    test('a mistake is shown and announced, and nothing typed is lost', async ({ page }) => {
      await page.goto('/en/call-back/');
      await typeInto(page, 'Your name', 'Ada Example');
      await typeInto(page, 'Your phone number', '12345');
      await typeInto(page, 'Best times to get in touch', 'after 2pm');
      const [response] = await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST'), page.getByRole('button', { name: 'Ask for a call back' }).press('Enter')]);
      expect(response.status()).toBe(400);

      await expect(page).toHaveTitle(/^Error: /);
      const summary = page.getByRole('alert');
      await expect(summary).toContainText('There is a problem');
      await expect(summary).toBeFocused();
      await expect(page.getByLabel('Your name')).toHaveValue('Ada Example');
      await expect(page.getByLabel('Your phone number')).toHaveValue('12345');
      await expect(page.getByLabel(/Best times to get in touch/)).toHaveValue('after 2pm');
      await expect(page.getByLabel('Your phone number')).toHaveAccessibleDescription(/Error: Enter a UK phone number/);
      await axeIfPossible(page, javaScriptEnabled);

      await summary.getByRole('link', { name: 'Enter a UK phone number, like 07700 900 982' }).click();
      await expect(page.getByLabel('Your phone number')).toBeFocused();
      await page.keyboard.press('ControlOrMeta+a');
      await page.keyboard.type('07700 900 982');
      await summary.getByRole('link', { name: 'Choose yes if we can leave a message' }).press('Enter');
      await page.keyboard.press('Space');
      await tabTo(page, 'Ask for a call back');
      await page.keyboard.press('Enter');
      await expect(page.getByRole('heading', { level: 1, name: 'Call back request sent' })).toBeVisible();
      const email = await waitForEmail(await referenceOnPage(page));
      expect(email).toContain('07700 900982');
    });
  });
}

test('a family member asks for an advocate: the questions about them appear and are required', async ({ page }) => {
  await page.goto('/en/ask-for-an-advocate/');
  await expect(page.getByRole('heading', { name: 'About you', exact: true })).toBeHidden();
  await page.getByLabel('I am family or a friend').check();
  await expect(page.getByRole('heading', { name: 'About you', exact: true })).toBeVisible();
  await page.getByLabel("The patient's full name").fill('Sam Example');
  await page.getByRole('button', { name: 'Send the request' }).click();
  const summary = page.getByRole('alert');
  for (const message of ['Choose yes if the patient knows you are asking', 'Choose whether the patient agrees', 'Enter your name', 'Enter your phone number or email address']) {
    await expect(summary.getByRole('link', { name: message })).toBeVisible();
  }
  await expect(page.getByLabel("The patient's full name")).toHaveValue('Sam Example');
  await expect(page.getByLabel('I am family or a friend')).toBeChecked();
});

test('sending the same form twice makes one request with one reference', async ({ request }) => {
  const form = await (await request.get('/en/call-back/')).text();
  const token = form.match(/name="submissionToken" value="([^"]+)"/)?.[1] ?? '';
  expect(token).toHaveLength(32);
  const post = () =>
    request.post('/en/call-back/', {
      form: { name: 'Double Click', phone: '07700 900 111', leaveMessage: 'no', submissionToken: token },
      headers: { Origin: new URL(test.info().project.use.baseURL ?? '').origin },
      maxRedirects: 0,
    });
  const first = await post();
  const second = await post();
  expect(first.status()).toBe(303);
  expect(second.status()).toBe(303);
  expect(second.headers()['location']).toBe(first.headers()['location']);
  expect(first.headers()['cache-control']).toBe('no-store');
});

test('a form posted from another website is refused', async ({ request }) => {
  const response = await request.post('/en/call-back/', {
    form: { name: 'Cross Site', phone: '07700 900 111', leaveMessage: 'no' },
    headers: { Origin: 'https://evil.example' },
    maxRedirects: 0,
  });
  expect(response.status()).toBe(403);
});

test('too many requests from one place get a friendly page with the phone number', async ({ page }) => {
  const server = await startBuiltServer(4330, { RATE_LIMIT_MAX: '1', DELIVERY_WORKER: 'off' });
  try {
    for (const name of ['First Person', 'Second Person']) {
      await page.goto(`${server.base}/en/call-back/`);
      await page.getByLabel('Your name').fill(name);
      await page.getByLabel('Your phone number').fill('07700 900 222');
      await page.getByRole('radio', { name: 'No' }).check();
      await page.getByRole('button', { name: 'Ask for a call back' }).click();
    }
    await expect(page.getByRole('heading', { level: 1, name: 'Too many requests in a short time' })).toBeVisible();
    await expect(page.getByRole('link', { name: '0113 496 0123' }).first()).toBeVisible();
    await expectNoAxeViolations(page);
  } finally {
    server.stop();
  }
});

test('a confirmation page for an unknown reference says so', async ({ page }) => {
  const response = await page.goto('/en/ask-for-an-advocate/sent/?ref=IMHA-AAAA-AAAA');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1, name: 'We cannot find that request' })).toBeVisible();
});
