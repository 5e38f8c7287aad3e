import type { APIRoute } from 'astro';
import { FORMS } from '../forms/definitions.ts';
import { conditionalCss } from '../forms/conditionalCss.ts';

export const prerender = true;

export const GET: APIRoute = () =>
  new Response(conditionalCss(FORMS), { headers: { 'Content-Type': 'text/css; charset=utf-8' } });
