import { expect, test, type Page } from '@playwright/test';
import { mkdirSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { LOCALE_CODES, LOCALES } from '../../src/i18n/locales.ts';
import { RESOURCES } from '../../src/i18n/translator.ts';

test.describe('eleven languages', () => {
  test('the home page offers every language by its own name', async ({ page }) => {
    await page.goto('/');
    const choice = page.getByRole('navigation', { name: 'Read this website in your language' });
    for (const code of LOCALE_CODES.filter((code) => code !== 'en')) {
      await expect(choice.getByRole('link', { name: LOCALES[code].name, exact: true })).toHaveAttribute('hreflang', code);
    }
  });

  for (const locale of LOCALE_CODES.filter((code) => code !== 'en')) {
    test(`${locale}: a machine translation says so in ${LOCALES[locale].name}, links to the English and says an interpreter is free`, async ({ page }) => {
      await page.goto(`/${locale}/what-is-an-imha/`);
      await expect(page.locator('html')).toHaveAttribute('lang', locale);
      const notice = page.locator('main [role="note"]').first();
      await expect(notice).toContainText(RESOURCES[locale]['translation.machine'] ?? 'missing string');
      await expect(notice).toContainText(RESOURCES[locale]['translation.interpreter'] ?? 'missing string');
      await notice.getByRole('link', { name: RESOURCES[locale]['translation.readEnglish'] ?? 'missing string' }).click();
      await expect(page).toHaveURL(/\/en\/what-is-an-imha\/$/);
      await expect(page.locator('main [role="note"]')).toHaveCount(0);
    });
  }

  test('rights pages and the checker are in the reader’s language, facts from the English dataset', async ({ page }) => {
    const spanish = parse(readFileSync('content/sections/es/s3.yaml', 'utf8')) as { label: string; name: string };
    await page.goto('/es/rights/s3/');
    await expect(page.locator('article')).not.toHaveAttribute('lang', 'en');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`${spanish.label}: ${spanish.name}`);
    await page.goto('/es/can-i-get-an-imha/which-section/');
    await expect(page.locator('.checker__answer[lang="en"]')).toHaveCount(0);
  });
});

/**
 * Pairs of visible elements that overlap without one containing the other. Two links on
 * neighbouring lines of one paragraph are left out: the browser lays out those lines, and tall
 * scripts such as Nastaliq draw inline boxes taller than the line without any text touching.
 */
async function overlaps(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const block = (el: Element): Element | null => {
      let node = el.parentElement;
      while (node && getComputedStyle(node).display === 'inline') node = node.parentElement;
      return node;
    };
    const sameLineFlow = (a: Element, b: Element) =>
      getComputedStyle(a).display === 'inline' && getComputedStyle(b).display === 'inline' && block(a) === block(b);
    const selector = 'a, button, input, select, textarea, summary, label, h1, h2, h3, p, li, dt, dd';
    const boxes = [...document.querySelectorAll<HTMLElement>(selector)]
      .filter((el) => el.offsetParent !== null && el.getClientRects().length > 0)
      .map((el) => ({ el, rect: el.getBoundingClientRect() }))
      .filter(({ rect }) => rect.width > 0 && rect.height > 0);
    const found: string[] = [];
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i]!;
        const b = boxes[j]!;
        if (a.el.contains(b.el) || b.el.contains(a.el) || sameLineFlow(a.el, b.el)) continue;
        const width = Math.min(a.rect.right, b.rect.right) - Math.max(a.rect.left, b.rect.left);
        const height = Math.min(a.rect.bottom, b.rect.bottom) - Math.max(a.rect.top, b.rect.top);
        if (width > 2 && height > 2) found.push(`${a.el.tagName} "${a.el.textContent?.trim().slice(0, 30)}" × ${b.el.tagName} "${b.el.textContent?.trim().slice(0, 30)}"`);
      }
    }
    return found;
  });
}

test.describe('right to left: Arabic and Urdu', () => {
  const pages = [
    { name: 'home', path: '' },
    { name: 'rights', path: 'rights/s2/' },
    { name: 'checker', path: 'can-i-get-an-imha/not-sure/' },
    { name: 'form', path: 'ask-for-an-advocate/' },
  ];
  mkdirSync('test-results/rtl', { recursive: true });

  for (const locale of ['ar', 'ur'] as const) {
    for (const { name, path } of pages) {
      for (const width of [320, 1024]) {
        test(`${locale} ${name} at ${width}px is mirrored, fits the screen and nothing overlaps`, async ({ page }) => {
          await page.setViewportSize({ width, height: 900 });
          await page.goto(`/${locale}/${path}`);
          await page.evaluate(() => document.fonts.ready);
          await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
          expect(await page.locator('main').evaluate((el) => getComputedStyle(el).direction)).toBe('rtl');
          // Headings start at the right edge of the content, as text does in these scripts.
          const heading = await page.getByRole('heading', { level: 1 }).boundingBox();
          const main = await page.locator('main').boundingBox();
          expect(heading && main && main.x + main.width - (heading.x + heading.width) < 40, 'the heading starts on the right').toBe(true);
          if (width >= 1024) {
            const brand = await page.locator('.brand').boundingBox();
            const cta = await page.locator('.button--cta').boundingBox();
            expect(brand && cta && brand.x > cta.x, 'the service name on the right, the button on the left').toBe(true);
          }
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
          expect(overflow, 'no sideways scrolling').toBeLessThanOrEqual(0);
          expect(await overlaps(page)).toEqual([]);
          await page.screenshot({ path: `test-results/rtl/${locale}-${name}-${width}.png`, fullPage: true });
        });
      }
    }
  }
});

/** Where two parts of a number are drawn on screen: left edges, in CSS pixels. */
async function leftOf(page: Page, container: string, first: string, second: string): Promise<[number, number]> {
  return page.locator(container).first().evaluate(
    (root, [a, b]) => {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent ?? '';
        const i = text.indexOf(a as string);
        const j = text.indexOf(b as string, i + 1);
        if (i < 0 || j < 0) continue;
        const x = (start: number, length: number) => {
          const range = document.createRange();
          range.setStart(node, start);
          range.setEnd(node, start + length);
          return range.getBoundingClientRect().left;
        };
        return [x(i, (a as string).length), x(j, (b as string).length)];
      }
      throw new Error(`no text with ${a} and ${b}`);
    },
    [first, second],
  );
}

test.describe('numbers in right-to-left pages', () => {
  for (const locale of ['ar', 'ur'] as const) {
    test(`${locale}: section 5(2) and an example phone number read in their written order`, async ({ page }) => {
      await page.goto(`/${locale}/rights/s5-2/`);
      const [five, two] = await leftOf(page, 'h1', '5', '(2)');
      expect(five, '"5" is drawn left of "(2)"').toBeLessThan(two);
      await page.goto(`/${locale}/ward-poster/?ward=Oak&visits=x&phone=call+me&languages=${locale}`);
      const [start, end] = await leftOf(page, '.error-summary', '0113', '0555');
      expect(start, '"0113" is drawn left of "0555"').toBeLessThan(end);
    });
  }
});

test.describe('search', () => {
  test('finds pages in the reader’s language and links to them', async ({ page }) => {
    await page.goto('/en/search/');
    await page.getByLabel('Search for').fill('tribunal');
    await page.getByRole('button', { name: 'Search' }).click();
    await expect(page).toHaveURL(/\/en\/search\/\?q=tribunal$/);
    const results = page.locator('.search__list');
    await expect(results.getByRole('link', { name: 'The Mental Health Tribunal', exact: true })).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: /pages found for “tribunal”/ })).toBeFocused();
    const hrefs = await results.getByRole('link').evaluateAll((links) => links.map((link) => link.getAttribute('href')));
    expect(hrefs.every((href) => href?.startsWith('/en/'))).toBe(true);
    await results.getByRole('link', { name: 'The Mental Health Tribunal', exact: true }).click();
    await expect(page).toHaveURL(/\/en\/tribunal\/$/);
  });

  test('searches only the pages in that language', async ({ page }) => {
    await page.goto('/pl/search/?q=IMHA');
    await expect(page.locator('.search__list a').first()).toBeVisible();
    const hrefs = await page.locator('.search__list a').evaluateAll((links) => links.map((link) => link.getAttribute('href')));
    expect(hrefs.length).toBeGreaterThan(0);
    expect(hrefs.filter((href) => !href?.startsWith('/pl/'))).toEqual([]);
  });

  test('says what it found nothing for, and still offers every page', async ({ page }) => {
    await page.goto('/en/search/?q=zzqxj');
    await expect(page.getByRole('heading', { level: 2, name: 'No pages found for “zzqxj”. Try another word, or choose a page from the list below.' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Contact us' }).first()).toBeVisible();
  });
});

test.describe('search without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('says search needs JavaScript and lists every page instead', async ({ page }) => {
    await page.goto('/en/search/?q=tribunal');
    await expect(page.getByText('Search does not work in this browser, or JavaScript is turned off.')).toBeVisible();
    const browse = page.locator('.search__browse');
    await expect(browse.getByRole('link', { name: 'The Mental Health Tribunal', exact: true })).toBeVisible();
    await expect(browse.getByRole('link', { name: 'Section 3: Admission for treatment' })).toBeVisible();
  });
});

test.describe('British Sign Language', () => {
  test('the BSL page says videos are coming and gives every BSL contact route until then', async ({ page }) => {
    await page.goto('/en/');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'British Sign Language (BSL)' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'British Sign Language (BSL)' })).toBeVisible();
    await expect(page.getByText('We are making our BSL videos now.')).toBeVisible();
    await expect(page.locator('video')).toHaveCount(0);
    const main = page.locator('main');
    await expect(main.getByRole('link', { name: 'Call us through the BSL video relay service' })).toHaveAttribute('href', /^https:\/\//);
    await expect(main.locator('a[href^="sms:"]')).toHaveCount(1);
    await expect(main.locator('a[href^="mailto:"]')).toHaveCount(1);
  });

  test('no page offers a BSL video that does not exist', async ({ page }) => {
    await page.goto('/en/what-is-an-imha/');
    await expect(page.getByRole('link', { name: 'Watch this in British Sign Language (BSL)' })).toHaveCount(0);
  });

  test('the forms offer a BSL interpreter', async ({ page }) => {
    await page.goto('/en/ask-for-an-advocate/');
    await expect(page.getByLabel('A British Sign Language (BSL) interpreter')).toBeAttached();
  });
});
