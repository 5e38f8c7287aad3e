import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from '../a11y/axe.ts';
import { tabTo, tickBox, typeInto } from './keyboard.ts';

const HOSTILE = '<script>window.hacked=1</script><img src=x onerror="window.hacked=1">';

for (const javaScriptEnabled of [true, false]) {
  test.describe(`ward poster builder with JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, () => {
    test.use({ javaScriptEnabled });

    test('a ward manager makes an Urdu and English poster for their ward with the keyboard', async ({ page }) => {
      await page.goto('/en/posters/');
      await page.getByRole('link', { name: 'Make a ward poster' }).click();
      await expect(page.getByRole('heading', { level: 1, name: 'Make a poster for your ward' })).toBeVisible();
      await typeInto(page, 'Ward name', 'Oak Ward');
      await typeInto(page, 'When the advocate visits', 'Tuesdays, 2pm to 4pm');
      await typeInto(page, 'A phone number on the ward', '0113 496 0555 ext 4521');
      await tickBox(page, 'اردو');
      await tabTo(page, 'Show the poster');
      await page.keyboard.press('Enter');

      await expect(page).toHaveURL(/ward=Oak\+Ward/);
      const sheets = page.locator('[data-ward-preview] .sheet');
      await expect(sheets).toHaveCount(2);
      await expect(sheets.nth(0)).toHaveAttribute('lang', 'en');
      await expect(sheets.nth(1)).toHaveAttribute('lang', 'ur');
      await expect(sheets.nth(1)).toHaveAttribute('dir', 'rtl');
      for (const sheet of [sheets.nth(0), sheets.nth(1)]) {
        await expect(sheet).toContainText('Oak Ward');
        await expect(sheet).toContainText('Tuesdays, 2pm to 4pm');
        await expect(sheet).toContainText('0113 496 0555 ext 4521');
        await expect(sheet.locator('[role="img"] svg')).toHaveCount(1);
      }
      await expect(page.getByLabel('Ward name')).toHaveValue('Oak Ward');
      if (javaScriptEnabled) await expectNoAxeViolations(page);

      await page.emulateMedia({ media: 'print' });
      await expect(page.locator('.site-header')).toBeHidden();
      await expect(page.locator('[data-ward-form]')).toBeHidden();
      await expect(sheets.nth(1)).toBeVisible();
    });

    test('what staff type is shown as text, never run as code, and nothing is kept', async ({ page }) => {
      let dialogs = 0;
      page.on('dialog', async (dialog) => {
        dialogs += 1;
        await dialog.dismiss();
      });
      const response = await page.goto(`/en/ward-poster/?ward=${encodeURIComponent(HOSTILE.slice(0, 60))}&visits=${encodeURIComponent(HOSTILE)}&languages=en`);
      expect(response?.headers()['cache-control']).toBe('no-store');
      expect(response?.headers()['set-cookie']).toBeUndefined();
      await expect(page.locator('[data-ward-preview] img[src="x"]')).toHaveCount(0);
      await expect(page.locator('[data-ward-preview] script')).toHaveCount(0);
      if (javaScriptEnabled) expect(await page.evaluate(() => (window as unknown as { hacked?: number }).hacked)).toBeUndefined();
      expect(dialogs).toBe(0);
    });

    test('missing answers are explained next to the question, and what was typed stays', async ({ page }) => {
      await page.goto('/en/ward-poster/?ward=&visits=Mondays&phone=call+me&languages=');
      const summary = page.getByRole('alert');
      await expect(summary).toContainText('Enter the ward name');
      await expect(summary).toContainText('Enter a phone number, like 0113 496 0555');
      await expect(summary).toContainText('Choose at least one language');
      await expect(page.getByLabel('When the advocate visits')).toHaveValue('Mondays');
      await expect(page.getByLabel('A phone number on the ward (optional)')).toHaveAccessibleDescription(/Error: Enter a phone number/);
      await expect(page.locator('[data-ward-preview] .sheet')).toHaveCount(0);
      await summary.getByRole('link', { name: 'Enter the ward name' }).click();
      await expect(page.getByLabel('Ward name')).toBeFocused();
    });
  });
}

test('with JavaScript, the preview follows what is typed without pressing the button', async ({ page }) => {
  await page.goto('/en/ward-poster/');
  await expect(page.locator('[data-ward-preview] .sheet')).toHaveCount(0);
  await page.getByLabel('Ward name').fill('Birch Ward');
  await page.getByLabel('When the advocate visits').fill('Fridays at 10am');
  await expect(page.locator('[data-ward-preview] .sheet')).toHaveCount(1);
  await expect(page.locator('[data-ward-preview] .sheet')).toContainText('Birch Ward');
  await page.getByLabel('Polski').check();
  await expect(page.locator('[data-ward-preview] .sheet')).toHaveCount(2);
  await expect(page).toHaveURL(/languages=pl/);
});
