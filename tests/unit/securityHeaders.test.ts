import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SECURITY_HEADERS } from '../../src/server/securityHeaders.ts';

describe('security headers', () => {
  it('allow no inline script or style and no framing', () => {
    const csp = SECURITY_HEADERS['Content-Security-Policy'] ?? '';
    expect(csp).not.toContain("'unsafe-inline'");
    // Search compiles Pagefind's WebAssembly ('wasm-unsafe-eval'); JavaScript eval stays forbidden.
    expect(csp).not.toContain("'unsafe-eval'");
    expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval';");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("default-src 'none'");
    expect(SECURITY_HEADERS['X-Content-Type-Options']).toBe('nosniff');
  });

  it('are documented in the README exactly as the server sends them, for static hosts', () => {
    const readme = readFileSync('README.md', 'utf8');
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
      expect(readme).toContain(`  ${name}: ${value}\n`);
    }
  });
});
