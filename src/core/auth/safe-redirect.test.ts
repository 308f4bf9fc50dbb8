import { describe, expect, it } from 'vitest';
import { safeNext } from './safe-redirect.ts';

describe('safeNext', () => {
  it('keeps local paths with query and fragment', () => {
    expect(safeNext('/area-personale', '/x')).toBe('/area-personale');
    expect(safeNext('/servizi?categoria=anagrafe#elenco', '/x')).toBe('/servizi?categoria=anagrafe#elenco');
  });

  it('refuses anything that could leave the site', () => {
    for (const bad of [
      'https://evil.example',
      'http://evil.example/area-personale',
      '//evil.example',
      '/\\evil.example',
      '\\\\evil.example',
      'javascript:alert(1)',
      'evil.example',
      '/\t/evil.example',
      '',
      undefined,
      42,
    ]) {
      expect(safeNext(bad, '/fallback'), String(bad)).toBe('/fallback');
    }
    // Percent-encoded characters stay inside the path of this site.
    expect(safeNext('/%0a/evil', '/fallback')).toBe('/%0a/evil');
  });

  it('does not send people back into the login flow', () => {
    expect(safeNext('/auth/logout', '/area-personale')).toBe('/area-personale');
    expect(safeNext('/auth/oidc/start', '/area-personale')).toBe('/area-personale');
    expect(safeNext('/authority', '/x')).toBe('/authority');
  });
});
