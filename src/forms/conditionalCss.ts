import type { Condition, FormDef } from './definitions.ts';

/** The `data-when` tokens for a condition: "location=hospital contactMethod=email". */
export function whenTokens(condition: Condition | undefined): string | undefined {
  return condition?.values.map((value) => `${condition.field}=${value}`).join(' ');
}

/**
 * CSS that hides a follow-up question until the answer it depends on is chosen,
 * with :has() and no JavaScript. Browsers without :has() show every question,
 * and the hints say when each one applies.
 */
export function conditionalCss(forms: readonly FormDef[]): string {
  const conditions = forms.flatMap((form) =>
    form.sections.flatMap((section) => [section.showWhen, ...section.fields.map((field) => field.showWhen)]),
  );
  const pairs = new Set(conditions.flatMap((condition) => (condition ? condition.values.map((value) => `${condition.field}=${value}`) : [])));
  const rules = [...pairs].sort().map((pair) => {
    const [field, value] = pair.split('=');
    return `  form:has([name="${field}"][value="${value}"]:checked) [data-when~="${pair}"] { display: block; }`;
  });
  return `@supports selector(:has(*)) {\n  [data-when] { display: none; }\n${rules.join('\n')}\n}\n`;
}
