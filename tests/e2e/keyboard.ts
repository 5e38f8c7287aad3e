import { expect, type Page } from '@playwright/test';

/**
 * The visible label of the focused control: its <label>, or its own text for links and buttons.
 * Locator queries (not page.evaluate) so it also works with JavaScript turned off.
 */
async function focusedLabel(page: Page): Promise<string> {
  const focused = page.locator(':focus');
  if ((await focused.count()) === 0) return '';
  const id = await focused.getAttribute('id');
  const label = id ? page.locator(`label[for="${id}"]`) : undefined;
  const text = label && (await label.count()) > 0 ? await label.first().textContent() : await focused.textContent();
  return (text ?? '').replace(/\s+/g, ' ').trim();
}

/** Presses Tab until the focused control's label starts with `label`; fails if it never does. */
export async function tabTo(page: Page, label: string | RegExp, limit = 120): Promise<void> {
  const matches = (text: string) => (typeof label === 'string' ? text.startsWith(label) : label.test(text));
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    if (matches(await focusedLabel(page))) return;
  }
  throw new Error(`Tab never reached a control labelled ${String(label)}`);
}

/** Tabs into a radio group at its first option, then uses the arrow keys to choose `option`. */
export async function chooseRadio(page: Page, firstOption: string, option: string): Promise<void> {
  await tabTo(page, firstOption);
  for (let i = 0; i < 15 && (await focusedLabel(page)) !== option; i++) await page.keyboard.press('ArrowDown');
  expect(await focusedLabel(page)).toBe(option);
  await page.keyboard.press('Space');
}

export async function tickBox(page: Page, option: string): Promise<void> {
  await tabTo(page, option);
  await page.keyboard.press('Space');
}

export async function typeInto(page: Page, label: string, text: string): Promise<void> {
  await tabTo(page, label);
  await page.keyboard.type(text);
}
