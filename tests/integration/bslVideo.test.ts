/**
 * The BSL pipeline end to end with a generated 3-second clip (tests/fixtures/bsl, never published):
 * its YAML passes the schema the build uses, the component renders it, and a real Chromium plays
 * it with English captions, a transcript and a download link, and fetches nothing until asked.
 */
import { chromium, expect as expectIn, type Browser } from '@playwright/test';
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import BslVideo from '../../src/components/bsl/BslVideo.astro';
import { videoSchemaFor } from '../../src/content/videoSchema.ts';
import { SECURITY_HEADERS } from '../../src/server/securityHeaders.ts';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../serveBuilt.ts';

const ROOT = 'tests/fixtures/bsl';
const fixture = parse(readFileSync(join(ROOT, 'fixture.yaml'), 'utf8')) as Record<string, unknown>;
const TYPES: Record<string, string> = { '.mp4': 'video/mp4', '.webm': 'video/webm', '.jpg': 'image/jpeg', '.vtt': 'text/vtt' };

function problems(root: string, data: Record<string, unknown>): string[] {
  const result = videoSchemaFor(root).safeParse(data);
  return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
}

describe('a BSL video’s YAML', () => {
  it('is accepted when every file exists and there are captions and a transcript', () => {
    expect(problems(ROOT, fixture)).toEqual([]);
  });

  it('fails the build without captions, naming the field', () => {
    const { captions: _, ...withoutCaptions } = fixture;
    expect(problems(ROOT, withoutCaptions).join()).toMatch(/^captions:/);
  });

  it('fails the build without a transcript', () => {
    const { transcript: _, ...withoutTranscript } = fixture;
    expect(problems(ROOT, withoutTranscript).join()).toMatch(/^transcript:/);
  });

  it('fails the build when a file is missing or the captions are not WebVTT', () => {
    const root = mkdtempSync(join(tmpdir(), 'bsl-'));
    mkdirSync(join(root, 'videos'));
    for (const file of ['fixture.mp4', 'fixture.jpg']) copyFileSync(join(ROOT, 'videos', file), join(root, 'videos', file));
    writeFileSync(join(root, 'videos', 'fixture.vtt'), '1\n00:00:00,000 --> 00:00:01,000\nSubRip, not WebVTT\n');
    const found = problems(root, fixture);
    expect(found).toContainEqual(expect.stringMatching(/^webm: .*fixture\.webm does not exist/));
    expect(found).toContainEqual(expect.stringMatching(/^captions: .*not a WebVTT file/));
  });
});

describe('the BSL video player in Chromium', () => {
  let server: Server;
  let browser: Browser;
  let base: string;
  const requests: string[] = [];

  beforeAll(async () => {
    const video = videoSchemaFor(ROOT).parse(fixture);
    const container = await AstroContainer.create();
    const body = await container.renderToString(BslVideo, { props: { locale: 'en', id: 'fixture', video } });
    const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>BSL fixture</title></head><body><main>${body}</main></body></html>`;
    server = createServer((request, response) => {
      const path = new URL(request.url ?? '/', 'http://x').pathname;
      requests.push(path);
      const headers = SECURITY_HEADERS;
      if (path === '/') {
        response.writeHead(200, { ...headers, 'content-type': 'text/html; charset=utf-8' }).end(html);
        return;
      }
      try {
        const file = readFileSync(join(ROOT, path));
        response.writeHead(200, { ...headers, 'content-type': TYPES[extname(path)] ?? 'application/octet-stream', 'content-length': file.length }).end(file);
      } catch {
        response.writeHead(404).end();
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
  });

  it('loads only the poster until the viewer presses play, then plays with English captions', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
    requests.length = 0;
    await page.goto(base);
    await page.waitForLoadState('networkidle');
    expect(requests.filter((path) => /\.(mp4|webm)$/.test(path)), 'no video bytes before play').toEqual([]);

    const video = page.locator('video');
    await expectIn(video).toHaveAttribute('controls', '');
    await expectIn(video).toHaveAttribute('preload', 'none');
    expect(await video.getAttribute('autoplay')).toBeNull();

    await video.evaluate((element: HTMLVideoElement) => {
      element.muted = true;
      return element.play();
    });
    await expect.poll(() => video.evaluate((element: HTMLVideoElement) => element.currentTime), { timeout: 10_000 }).toBeGreaterThan(0.3);
    const track = await video.evaluate((element: HTMLVideoElement) => {
      const captions = element.textTracks[0];
      return { kind: captions?.kind, language: captions?.language, mode: captions?.mode, cues: captions?.cues?.length ?? 0 };
    });
    expect(track).toEqual({ kind: 'captions', language: 'en', mode: 'showing', cues: 2 });
    expect(await video.evaluate((element: HTMLVideoElement) => element.duration)).toBeCloseTo(3, 0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows the full transcript on request and offers the MP4 to download with its size', async () => {
    const page = await browser.newPage();
    await page.goto(base);
    const transcript = page.getByText('It checks that captions load and play, and that this transcript can be read.');
    await expectIn(transcript).toBeHidden();
    await page.getByText('Read the transcript').click();
    await expectIn(transcript).toBeVisible();
    const download = page.getByRole('link', { name: /Download the video \(MP4, 0 MB\)|Download the video \(MP4, 0\.\d MB\)/ });
    await expectIn(download).toHaveAttribute('href', '/videos/fixture.mp4');
    await expectIn(download).toHaveAttribute('download', '');
    await expectIn(page.getByText('Signed by Test fixture (no signer)')).toBeVisible();
    await page.close();
  });
});
