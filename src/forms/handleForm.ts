import type { AstroGlobal } from 'astro';
import { isLocale, type Locale } from '../i18n/locales.ts';
import { pageUrl } from '../i18n/paths.ts';
import { responseHeaders, statusFor, type Outcome } from '../referrals/receive.ts';
import { newSubmissionToken } from '../referrals/reference.ts';
import { receive } from '../referrals/runtime.ts';
import type { FieldError, FormValues } from '../referrals/validate.ts';
import type { FormDef } from './definitions.ts';

export type FormView =
  | { type: 'form'; locale: Locale; values: FormValues; errors: FieldError[] }
  | { type: 'rejected'; locale: Locale; outcome: Extract<Outcome, { type: 'rejected' }> };

/**
 * The route's whole job: a GET shows the empty form; a POST goes to the referral
 * service, and its outcome becomes a 303 to the confirmation page, the form again
 * with errors (400), or a page that explains a refusal. Returns a Response when
 * there is nothing to render.
 */
export async function handleForm(Astro: AstroGlobal, form: FormDef): Promise<FormView | Response> {
  const { locale } = Astro.params;
  if (!isLocale(locale)) return new Response(null, { status: 404 });
  Astro.response.headers.set('Cache-Control', 'no-store');

  if (Astro.request.method !== 'POST') {
    return { type: 'form', locale, values: { submissionToken: newSubmissionToken() }, errors: [] };
  }

  const { request } = Astro;
  const outcome = await receive({
    kind: form.kind,
    method: request.method,
    contentType: request.headers.get('content-type'),
    contentLength: request.headers.get('content-length'),
    body: request.body,
    origin: request.headers.get('origin'),
    secFetchSite: request.headers.get('sec-fetch-site'),
    requestUrl: Astro.url,
    ip: Astro.clientAddress,
    locale,
  });
  Astro.response.status = statusFor(outcome);
  for (const [name, value] of Object.entries(responseHeaders(outcome))) Astro.response.headers.set(name, value);

  if (outcome.type === 'accepted') {
    const location = `${pageUrl(locale, `${form.slug}/sent`)}?ref=${encodeURIComponent(outcome.reference)}`;
    return new Response(null, { status: 303, headers: { Location: location, 'Cache-Control': 'no-store' } });
  }
  if (outcome.type === 'rejected') return { type: 'rejected', locale, outcome };
  // A token the person's browser sent stays, so sending the corrected form twice still makes one request.
  const values = { ...outcome.values, submissionToken: outcome.values['submissionToken'] || newSubmissionToken() };
  return { type: 'form', locale, values, errors: outcome.errors };
}
