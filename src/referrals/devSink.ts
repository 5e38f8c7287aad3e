import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Clock } from './clock.ts';
import type { Logger } from './log.ts';
import type { Mailer } from './mailer.ts';

/**
 * Development mail: each email becomes var/mail/<reference>.eml, which any mail program opens.
 * Writing the same reference twice replaces the file, so a retry never makes a second email.
 * The files hold personal data in plain text: for development only.
 */

/** RFC 2047 encoded-word, for a subject that is not plain ASCII. */
function encodeHeader(value: string): string {
  return /^[\x20-\x7e]*$/.test(value) ? value : `=?UTF-8?B?${Buffer.from(value, 'utf8').toString('base64')}?=`;
}

/** Quoted-printable (RFC 2045): readable where the text is ASCII, lines at most 76 characters. */
export function quotedPrintable(text: string): string {
  return text
    .replace(/\r?\n/g, '\n')
    .split('\n')
    .map((line) => {
      let encoded = '';
      for (const byte of Buffer.from(line, 'utf8')) {
        const plain = (byte >= 33 && byte <= 126 && byte !== 61) || byte === 32 || byte === 9;
        encoded += plain ? String.fromCharCode(byte) : `=${byte.toString(16).toUpperCase().padStart(2, '0')}`;
      }
      encoded = encoded.replace(/[ \t]$/, (c) => `=${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
      const pieces: string[] = [];
      while (encoded.length > 76) {
        let cut = 75;
        // Never split an =XX escape.
        const escape = encoded.lastIndexOf('=', cut);
        if (escape > cut - 3) cut = escape;
        pieces.push(`${encoded.slice(0, cut)}=`);
        encoded = encoded.slice(cut);
      }
      pieces.push(encoded);
      return pieces.join('\r\n');
    })
    .join('\r\n');
}

export function devSinkMailer(options: { dir: string; clock: Clock; log: Logger }): Mailer {
  return {
    name: 'dev-sink',
    async send(email) {
      const boundary = `=_${email.reference}`;
      const eml = [
        `From: ${email.from}`,
        `To: ${email.to}`,
        `Subject: ${encodeHeader(email.subject)}`,
        `Date: ${new Date(options.clock.now()).toUTCString()}`,
        `Message-ID: <${email.reference}@dev-sink.invalid>`,
        'MIME-Version: 1.0',
        `Content-Type: multipart/alternative; boundary="${boundary}"`,
        '',
        `--${boundary}`,
        'Content-Type: text/plain; charset=utf-8',
        'Content-Transfer-Encoding: quoted-printable',
        '',
        quotedPrintable(email.text),
        `--${boundary}`,
        'Content-Type: text/html; charset=utf-8',
        'Content-Transfer-Encoding: quoted-printable',
        '',
        quotedPrintable(email.html),
        `--${boundary}--`,
        '',
      ].join('\r\n');
      try {
        mkdirSync(options.dir, { recursive: true, mode: 0o700 });
        const file = join(options.dir, `${email.reference}.eml`);
        writeFileSync(`${file}.tmp`, eml, { mode: 0o600 });
        renameSync(`${file}.tmp`, file);
      } catch (error) {
        options.log.error('worker-error', { reference: email.reference, errorClass: 'sink-failed', code: errorCode(error) });
        return { ok: false, status: null, errorClass: 'sink-failed', retryable: true, retryAfterSeconds: null };
      }
      options.log.info('email-written', { reference: email.reference, count: 1, msg: '1 email written' });
      return { ok: true, messageId: `dev-sink-${email.reference}` };
    },
  };
}

function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}
