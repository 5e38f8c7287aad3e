import type { Kind } from './constants.ts';
import type { Submission } from './validate.ts';

/** The sealed part of an outbox row: everything the person typed, and the language of the form. */
interface PersonalV1 {
  v: 1;
  locale: string;
  data: Submission['data'];
}

export function personalJson(submission: Submission, locale: string): string {
  const value: PersonalV1 = { v: 1, locale, data: submission.data };
  return JSON.stringify(value);
}

/** The opened data back as a submission; null if it is not what personalJson wrote. */
export function readPersonal(kind: Kind, text: string): { locale: string; submission: Submission } | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const { v, locale, data } = value as Partial<PersonalV1>;
  if (v !== 1 || typeof locale !== 'string' || typeof data !== 'object' || data === null) return null;
  // Authenticated encryption vouches that this is what was written at acceptance.
  const submission = { kind, data } as Submission;
  return { locale, submission };
}
