import type { HastPluginEntry } from 'satteri';
import { isolateNumbers } from '../i18n/isolateNumbers.ts';
import { LOCALES } from '../i18n/locales.ts';

const RTL = Object.entries(LOCALES)
  .filter(([, locale]) => locale.dir === 'rtl')
  .map(([code]) => code);

/**
 * For pages in a right-to-left language (content/pages/<ar|ur>/…): keeps phone numbers and section
 * references such as 5(2) in their written order (see src/i18n/isolateNumbers.ts).
 */
export const numberIsolation: HastPluginEntry = ({ fileURL }) =>
  fileURL && RTL.some((code) => fileURL.pathname.includes(`/content/pages/${code}/`))
    ? {
        name: 'number-isolation',
        text(node) {
          const value = isolateNumbers(node.value);
          return value === node.value ? undefined : { ...node, value };
        },
      }
    : null;
