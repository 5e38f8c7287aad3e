import { expect, test } from '@playwright/test';
import { sitemapPaths } from '../sitemapUrls.ts';
import { LOCALE_CODES } from '../../src/i18n/locales.ts';

test.describe('finding your way around', () => {
  test('every page in the sitemap can be reached from the home page by following links, and none needs JavaScript', async ({ request }) => {
    const seen = new Set<string>();
    const queue = ['/'];
    const withScripts: string[] = [];
    while (queue.length > 0 && seen.size < 5_000) {
      const path = queue.shift() ?? '/';
      if (seen.has(path)) continue;
      seen.add(path);
      const response = await request.get(path);
      expect(response.status(), `${path} should load`).toBe(200);
      const html = await response.text();
      // The only scripts allowed are the optional islands, external files (no inline code): read
      // aloud anywhere, search on the search page, the live preview of the ward poster builder.
      // A JSON data block is never run.
      const island = /\/search\/$/.test(path)
        ? /src="\/(read-aloud|search)\.js"/
        : /\/ward-poster\/$/.test(path)
          ? /src="\/ward-poster\.js"/
          : /src="\/read-aloud\.js"/;
      const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
      const allowed = ([, attributes = '', body = '']: string[]) => /type="application\/json"/.test(attributes) || (body.trim() === '' && island.test(attributes));
      if (!scripts.every(allowed)) withScripts.push(path);
      for (const [, href = ''] of html.matchAll(/<a\b[^>]*\bhref="([^"#]+)/g)) {
        const url = new URL(href, `http://site${path}`);
        if (url.host === 'site' && !url.pathname.startsWith('/_astro/') && !seen.has(url.pathname)) queue.push(url.pathname);
      }
    }
    const unreachable = sitemapPaths().filter((path) => !seen.has(path));
    expect(unreachable).toEqual([]);
    expect(withScripts).toEqual([]);
  });

  test('a page that does not exist says so and offers a way on', async ({ page }) => {
    const response = await page.goto('/en/no-such-page/');
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
    await page.getByRole('link', { name: 'Go to the home page' }).click();
    await expect(page).toHaveURL(/\/en\/$/);
  });

  test('security headers come with every kind of response', async ({ request }) => {
    const html = await request.get('/en/');
    const css = (await html.text()).match(/href="(\/_astro\/[^"]+\.css)"/)?.[1] ?? '';
    for (const path of ['/en/', css, '/en/no-such-page/', '/sitemap-index.xml']) {
      const response = await request.get(path);
      const headers = response.headers();
      expect(headers['content-security-policy'], path).toContain("frame-ancestors 'none'");
      expect(headers['content-security-policy'], path).not.toContain('unsafe-inline');
      expect(headers['x-content-type-options'], path).toBe('nosniff');
      expect(headers['referrer-policy'], path).toBe('same-origin');
      expect(headers['permissions-policy'], path).toContain('camera=()');
      expect(headers['set-cookie'], path).toBeUndefined();
    }
  });
});

test.describe('languages', () => {
  test('choosing another language keeps you on the same page', async ({ page }) => {
    await page.goto('/en/who-can-get-an-imha/');
    await page.getByRole('navigation', { name: 'Language' }).getByRole('link', { name: 'Polski' }).click();
    await expect(page).toHaveURL(/\/pl\/who-can-get-an-imha\/$/);
    await expect(page.locator('html')).toHaveAttribute('lang', 'pl');
    await page.locator('nav.language-switcher').getByRole('link', { name: 'اردو' }).click();
    await expect(page).toHaveURL(/\/ur\/who-can-get-an-imha\/$/);
  });

  test('every page lists its language versions for search engines and assistive tools', async ({ page }) => {
    await page.goto('/en/for-staff/');
    const hreflangs = await page.locator('link[rel="alternate"][hreflang]').evaluateAll((links) =>
      links.map((link) => `${link.getAttribute('hreflang')} ${new URL(link.getAttribute('href') ?? '').pathname}`),
    );
    expect(hreflangs).toEqual([...LOCALE_CODES.map((code) => `${code} /${code}/for-staff/`), 'x-default /en/for-staff/']);
  });
});

test.describe('keyboard only', () => {
  test('the first Tab shows a skip link that moves you to the main content', async ({ page }) => {
    await page.goto('/en/what-is-an-imha/');
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Skip to main content' });
    await expect(skip).toBeFocused();
    await expect(skip).toBeInViewport();
    await page.keyboard.press('Enter');
    await expect(page.locator('main')).toBeFocused();
    await page.keyboard.press('Tab');
    const inMain = await page.evaluate(() => document.activeElement?.closest('main') !== null);
    expect(inMain, 'the next Tab lands inside the main content').toBe(true);
  });

  test('focus is always visible: every focusable element changes how it looks when focused', async ({ page }) => {
    await page.goto('/en/how-to-get-an-imha/');
    const count = await page.locator('a[href], button, input, select, textarea').count();
    const invisible: string[] = [];
    for (let i = 0; i < count; i++) {
      await page.keyboard.press('Tab');
      const report = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (!el || el === document.body) return null;
        const focused = getComputedStyle(el);
        const look = `${focused.outlineStyle} ${focused.outlineWidth} ${focused.boxShadow} ${focused.backgroundColor}`;
        el.blur();
        const plain = getComputedStyle(el);
        const before = `${plain.outlineStyle} ${plain.outlineWidth} ${plain.boxShadow} ${plain.backgroundColor}`;
        el.focus();
        const rect = el.getBoundingClientRect();
        return { name: el.textContent?.trim() ?? el.tagName, changed: look !== before, visible: rect.width > 0 && rect.height > 0 };
      });
      if (report && (!report.changed || !report.visible)) invisible.push(report.name);
    }
    expect(invisible).toEqual([]);
  });
});

test.describe('small screens and zoom', () => {
  for (const locale of LOCALE_CODES) {
    test(`at 320 CSS pixels wide (400 % zoom) no ${locale} page scrolls sideways`, async ({ page }) => {
      test.setTimeout(180_000);
      await page.setViewportSize({ width: 320, height: 640 });
      const wide: string[] = [];
      for (const path of sitemapPaths().filter((p) => p.startsWith(`/${locale}/`) || (locale === 'en' && p === '/'))) {
        await page.goto(path);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        if (overflow > 0) wide.push(`${path} (${overflow}px)`);
      }
      expect(wide).toEqual([]);
    });
  }
});

test.describe('listen to this page', () => {
  test('where the browser can speak, a keyboard user can start, pause and stop reading aloud', async ({ page }) => {
    await page.addInitScript(() => {
      // Headless Chromium has no voices: stand in for the browser's speech engine and record what it is asked.
      const spoken: { text: string; lang: string }[] = [];
      (window as unknown as { spoken: typeof spoken }).spoken = spoken;
      let paused = false;
      Object.defineProperty(window, 'speechSynthesis', {
        value: {
          getVoices: () => [{ lang: 'en-GB' }],
          speak: (u: SpeechSynthesisUtterance) => spoken.push({ text: u.text, lang: u.lang }),
          cancel: () => undefined,
          pause: () => (paused = true),
          resume: () => (paused = false),
          get paused() {
            return paused;
          },
        },
      });
    });
    await page.goto('/en/what-is-an-imha/');
    const listen = page.getByRole('button', { name: 'Listen to this page' });
    await listen.focus();
    await page.keyboard.press('Enter');
    const spoken = await page.evaluate(() => (window as unknown as { spoken: { text: string; lang: string }[] }).spoken);
    expect(spoken).toHaveLength(1);
    expect(spoken[0]?.lang).toBe('en');
    expect(spoken[0]?.text).toContain('IMHA stands for Independent Mental Health Advocate');
    await page.getByRole('button', { name: 'Pause' }).press('Enter');
    await expect(page.getByRole('button', { name: 'Carry on listening' })).toBeVisible();
    await page.getByRole('button', { name: 'Stop' }).press('Enter');
    await expect(page.getByRole('button', { name: 'Listen to this page' })).toBeFocused();
  });

  test('where the browser cannot speak, there is no button', async ({ page }) => {
    await page.addInitScript(() => {
      Object.defineProperty(window, 'speechSynthesis', { value: undefined });
    });
    await page.goto('/en/what-is-an-imha/');
    await expect(page.getByRole('button', { name: 'Listen to this page' })).toBeHidden();
  });
});

test('standard and Easy Read pages link to each other', async ({ page }) => {
  await page.goto('/en/how-to-get-an-imha/');
  await page.getByRole('link', { name: 'Easy Read version of this page, with pictures' }).click();
  await expect(page).toHaveURL(/\/en\/easy-read\/how-to-get-an-imha\/$/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Easy Read');
  await page.getByRole('link', { name: 'Standard version of this page' }).click();
  await expect(page).toHaveURL(/\/en\/how-to-get-an-imha\/$/);
  await page.goto('/en/');
  await page.getByRole('link', { name: 'Easy Read version of this page, with pictures' }).click();
  await expect(page).toHaveURL(/\/en\/easy-read\/$/);
});
