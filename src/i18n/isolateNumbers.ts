/**
 * In right-to-left text the browser lays out numbers by the Unicode bidi rules, which turn
 * "0113 496 0123" into "0123 496 0113" and "5(2)" into "(2)5". Wrapping each such number in a
 * left-to-right isolate (U+2066 … U+2069, invisible) keeps it as written. Matches phone-like
 * groups of digits separated by spaces, and references with brackets: 5(2), 130B(5), 6(1)(e).
 */
const NUMBERS = /\+?\d+(?:[ \u00a0]\d+)+|\d+[A-Z]?(?:\([0-9a-z]{1,3}\))+/g;

export function isolateNumbers(text: string): string {
  return text.replace(NUMBERS, (match) => `\u2066${match}\u2069`);
}
