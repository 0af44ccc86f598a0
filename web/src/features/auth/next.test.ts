import { describe, expect, it } from 'vitest';
import { safeNext } from './next';

describe('safeNext', () => {
  it('keeps paths inside the app', () => {
    expect(safeNext('/spaces/3?tab=members')).toBe('/spaces/3?tab=members');
  });
  it('refuses other origins and loops', () => {
    for (const bad of [null, '', 'https://evil.example', '//evil.example', '/\\evil.example', '/sign-in', 'spaces']) {
      expect(safeNext(bad)).toBe('/');
    }
  });
});
