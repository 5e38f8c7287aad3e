import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'astro/zod';

/** A file the site serves, named by its address: "/videos/what-is-an-imha.mp4". */
const media = (ending: RegExp, kind: string) =>
  z.string().regex(/^\/videos\/[a-z0-9-]+\.[a-z0-9]+$/, `${kind} must be an address like /videos/<name>.<ending>`).regex(ending, `${kind} must end in ${ending.source.replace(/[\\$]/g, '')}`);

/**
 * One British Sign Language explanation (content/videos/<id>.yaml). The files live under `root`
 * (public/ for the site) at the address given. The build fails when a file is missing, the
 * captions are not WebVTT or there is no transcript: a video nobody can follow without sound or
 * without seeing it is not published.
 */
export function videoSchemaFor(root: string) {
  return z
    .object({
      title: z.string().trim().min(3).max(120),
      /** The page it explains, as a slug: "what-is-an-imha", "rights/s3". */
      explains: z.string().regex(/^[a-z0-9-]+(\/[a-z0-9-]+)*$/, 'explains must be a page slug such as what-is-an-imha'),
      mp4: media(/\.mp4$/, 'mp4'),
      webm: media(/\.webm$/, 'webm'),
      poster: media(/\.(jpg|png|webp)$/, 'poster'),
      /** English captions, WebVTT. */
      captions: media(/\.vtt$/, 'captions'),
      /** Everything signed, in English, for people who cannot watch. */
      transcript: z.string().trim().min(40, 'the transcript must be the full English text of the video'),
      signer: z.string().trim().min(2),
      /** Length in seconds. */
      duration: z.number().int().positive(),
      recorded: z.coerce.date(),
    })
    .strict()
    .superRefine((video, ctx) => {
      for (const field of ['mp4', 'webm', 'poster', 'captions'] as const) {
        if (!existsSync(join(root, video[field]))) ctx.addIssue({ code: 'custom', path: [field], message: `${join(root, video[field])} does not exist` });
      }
      const captions = join(root, video.captions);
      if (existsSync(captions) && !readFileSync(captions, 'utf8').startsWith('WEBVTT')) {
        ctx.addIssue({ code: 'custom', path: ['captions'], message: `${captions} is not a WebVTT file (it must start with WEBVTT)` });
      }
    })
    .transform((video) => ({ ...video, mp4Bytes: statSync(join(root, video.mp4)).size }));
}

export type VideoData = z.infer<ReturnType<typeof videoSchemaFor>>;
