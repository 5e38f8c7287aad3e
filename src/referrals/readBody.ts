/**
 * Reads a form body with a hard size limit, whatever Content-Length says (it may be missing when
 * the body is chunked, or wrong), and decodes application/x-www-form-urlencoded without throwing on
 * malformed input: bad percent-escapes stay as typed, invalid UTF-8 becomes U+FFFD.
 */

export const MAX_BODY_BYTES = 32 * 1024;
/** The referral form has under 40 inputs (checkbox groups repeat); far more is not a person. */
export const MAX_FIELDS = 200;

/** A web stream (Astro's request.body), a Node stream or any other async source of chunks, or the bytes. */
export type BodySource = AsyncIterable<Uint8Array | string> | Uint8Array | string | null;

export type BodyResult = { ok: true; bytes: Uint8Array } | { ok: false; reason: 'too-large' | 'unreadable' };

export async function readLimited(body: BodySource, limit = MAX_BODY_BYTES): Promise<BodyResult> {
  if (body === null) return { ok: true, bytes: new Uint8Array() };
  if (typeof body === 'string' || body instanceof Uint8Array) {
    const bytes = typeof body === 'string' ? new TextEncoder().encode(body) : body;
    return bytes.byteLength > limit ? { ok: false, reason: 'too-large' } : { ok: true, bytes };
  }
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for await (const value of body) {
      const chunk: Uint8Array = typeof value === 'string' ? new TextEncoder().encode(value) : value;
      total += chunk.byteLength;
      // Leaving the loop cancels the stream: the rest of a huge body is never buffered.
      if (total > limit) return { ok: false, reason: 'too-large' };
      chunks.push(chunk);
    }
  } catch {
    return { ok: false, reason: 'unreadable' };
  }
  if (chunks.length === 1 && chunks[0]) return { ok: true, bytes: chunks[0] };
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return { ok: true, bytes };
}

export type ParsedForm = { ok: true; pairs: [string, string][] } | { ok: false; reason: 'too-many-fields' };

// Not fatal: invalid UTF-8 becomes U+FFFD instead of an error.
const utf8 = new TextDecoder('utf-8', { fatal: false, ignoreBOM: false });

export function parseUrlencoded(bytes: Uint8Array, maxFields = MAX_FIELDS): ParsedForm {
  const text = utf8.decode(bytes);
  let separators = 0;
  for (let i = text.indexOf('&'); i !== -1; i = text.indexOf('&', i + 1)) {
    if (++separators >= maxFields) return { ok: false, reason: 'too-many-fields' };
  }
  return { ok: true, pairs: [...new URLSearchParams(text)] };
}

/** "application/x-www-form-urlencoded", optionally with charset=utf-8; nothing else. */
export function isFormContentType(contentType: string | null): boolean {
  if (contentType === null) return false;
  const [type = '', ...params] = contentType.split(';').map((p) => p.trim().toLowerCase());
  if (type !== 'application/x-www-form-urlencoded') return false;
  return params.every((p) => p === '' || /^charset="?utf-8"?$/.test(p));
}
