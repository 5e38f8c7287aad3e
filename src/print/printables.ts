import QRCode from 'qrcode';
import type { Locale } from '../i18n/locales.ts';

/** Every printable: its paper size, whether it is Easy Read, and whether it is a leaflet (more text). */
export const PRINTABLES = {
  poster: { size: 'A4', easyRead: false },
  leaflet: { size: 'A5', easyRead: false },
  'easy-read-poster': { size: 'A4', easyRead: true },
  'easy-read-leaflet': { size: 'A5', easyRead: true },
} as const;

export type PrintKind = keyof typeof PRINTABLES;
export const PRINT_KINDS = Object.keys(PRINTABLES) as PrintKind[];

/** Every sheet `npm run build:print` makes a PDF of: the patients' printables and the staff checklist. */
export const PDF_SHEETS = [...PRINT_KINDS, 'staff-checklist'] as const;
export type Sheet = (typeof PDF_SHEETS)[number];

/** Where `npm run build:print` puts the PDF of a sheet, under the site's static files. */
export function pdfUrl(locale: Locale, sheet: Sheet): string {
  return `/print/${locale}/${sheet}.pdf`;
}

/** The web page the PDF is made from. */
export function printPageUrl(locale: Locale, sheet: Sheet): string {
  return `/${locale}/posters/${sheet}/`;
}

/** A QR code as an SVG element: black on white, with the quiet zone scanners need. */
export function qrSvg(url: string): Promise<string> {
  return QRCode.toString(url, { type: 'svg', margin: 4, errorCorrectionLevel: 'M', color: { dark: '#000000', light: '#ffffff' } });
}
