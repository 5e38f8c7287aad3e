import type { AstroGlobal } from 'astro';
import { isLocale, type Locale } from '../i18n/locales.ts';
import type { Confirmation } from '../referrals/outbox.ts';
import { findConfirmation } from '../referrals/runtime.ts';
import type { FormDef } from './definitions.ts';

/** The confirmation page's data: the request behind `?ref=`, or null (and a 404) when there is none. */
export async function confirmationFor(
  Astro: AstroGlobal,
  form: FormDef,
): Promise<{ locale: Locale; confirmation: Confirmation | null } | Response> {
  const { locale } = Astro.params;
  if (!isLocale(locale)) return new Response(null, { status: 404 });
  Astro.response.headers.set('Cache-Control', 'no-store');
  const found = await findConfirmation(Astro.url.searchParams.get('ref') ?? '');
  const confirmation = found?.kind === form.kind ? found : null;
  if (!confirmation) Astro.response.status = 404;
  return { locale, confirmation };
}
