import type { APIRoute } from 'astro';
import { healthz } from '../referrals/runtime.ts';

export const prerender = false;

/**
 * Counts only, never a reference or anything personal. Always 200 while the server runs, so a load
 * balancer never takes the site down over one stuck email; monitoring reads `ok`.
 */
export const GET: APIRoute = async () => {
  const health = await healthz();
  return new Response(JSON.stringify(health), {
    headers: { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' },
  });
};
