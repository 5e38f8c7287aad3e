import { expect, test } from '@playwright/test';
import { loadSections } from '../sectionsData.ts';

const sections = loadSections();

test('every answer in "Can I get an IMHA?" leads, by links alone, to an outcome that matches the dataset', async ({ request }) => {
  const start = '/en/can-i-get-an-imha/';
  const queue = [start];
  const seen = new Set<string>();
  const outcomes = new Map<string, string>();
  while (queue.length > 0 && seen.size < 500) {
    const path = queue.shift() ?? start;
    if (seen.has(path)) continue;
    seen.add(path);
    const response = await request.get(path);
    expect(response.status(), path).toBe(200);
    const html = await response.text();
    const answers = [...html.matchAll(/class="checker__answer" href="([^"]+)"/g)].map((m) => m[1] ?? '');
    if (answers.length > 0) {
      queue.push(...answers);
    } else {
      outcomes.set(path, html.match(/<h1>([^<]+)<\/h1>/)?.[1] ?? '');
    }
  }
  for (const section of sections) {
    const heading = outcomes.get(`/en/can-i-get-an-imha/result-${section.id}/`);
    expect(heading, `outcome page for ${section.id}`).toBeDefined();
    const expected = section.data.imha.eligible === 'yes' ? 'Yes, you can have an IMHA' : 'You do not have the right to an IMHA at the moment';
    expect(heading, section.id).toBe(expected);
  }
  expect(outcomes.get('/en/can-i-get-an-imha/result-informal-s57/')).toBe('Yes, you can have an IMHA');
  expect(outcomes.get('/en/can-i-get-an-imha/ask-us/')).toBe('We can help you find out');
  for (const [path, heading] of outcomes) {
    const easy = await request.get(`${path}easy-read/`);
    expect(easy.status(), `Easy Read version of ${path}`).toBe(200);
    expect(await easy.text(), path).toContain(`<h1>${heading}</h1>`);
  }
});

test('an outcome and its Easy Read version link to each other, and the Easy Read one has a picture by each point', async ({ page }) => {
  await page.goto('/en/can-i-get-an-imha/result-s3/');
  await page.getByRole('link', { name: 'Easy Read version of this page, with pictures' }).click();
  await expect(page).toHaveURL(/\/result-s3\/easy-read\/$/);
  await expect(page.getByText('You can have an advocate called an IMHA.')).toBeVisible();
  const pictures = page.locator('.point img');
  expect(await pictures.count()).toBeGreaterThanOrEqual(4);
  for (const picture of await pictures.all()) {
    await picture.scrollIntoViewIfNeeded();
    await expect.poll(() => picture.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
  }
  await page.getByRole('link', { name: 'Standard version of this page' }).click();
  await expect(page).toHaveURL(/\/result-s3\/$/);
});

test('someone who does not know their section can find it by what happened to them', async ({ page }) => {
  await page.goto('/en/can-i-get-an-imha/');
  await page.getByRole('link', { name: 'No, I am not sure' }).click();
  await page.getByRole('link', { name: /Held for a short time/ }).click();
  await page.getByRole('link', { name: /police/i }).first().click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('You do not have the right to an IMHA at the moment');
  await expect(page.getByRole('heading', { name: 'Help you can get instead' })).toBeVisible();
  await page.getByRole('link', { name: 'Start again' }).click();
  await expect(page).toHaveURL(/\/en\/can-i-get-an-imha\/$/);
});

test('a rights page explains the section and links to asking for an advocate', async ({ page }) => {
  await page.goto('/en/rights/');
  await page.getByRole('link', { name: 'Section 3', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Section 3');
  await expect(page.getByRole('heading', { name: 'You have the right to an IMHA' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Asking the Tribunal to end it' })).toBeVisible();
  await page.getByRole('main').getByRole('link', { name: 'Get an advocate' }).click();
  await expect(page).toHaveURL(/\/en\/ask-for-an-advocate\/$/);
});
