import { test } from '@playwright/test';
import { sitemapPaths } from '../sitemapUrls.ts';
import { expectNoAxeViolations } from './axe.ts';

for (const path of sitemapPaths()) {
  test(`axe finds nothing on ${path}`, async ({ page }) => {
    await page.goto(path);
    await expectNoAxeViolations(page);
  });
}
