import { describe, expect, it } from 'vitest';
import { formatDateTime, formatRelative, localDayEndUtc, localDayStartUtc } from './format';

describe('format', () => {
  it('formats RFC 3339 UTC times with Intl in the reader locale', () => {
    const iso = '2026-11-23T12:00:00.000Z';
    const expected = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
    expect(formatDateTime(iso)).toBe(expected);
    expect(formatDateTime(null)).toBe('');
    expect(formatDateTime('not a date')).toBe('');
  });

  it('says relative times', () => {
    const now = new Date('2026-11-23T12:00:00.000Z');
    const rtf = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });
    expect(formatRelative('2026-11-23T09:00:00.000Z', now)).toBe(rtf.format(-3, 'hour'));
    expect(formatRelative('2026-11-25T12:00:00.000Z', now)).toBe(rtf.format(2, 'day'));
  });

  it('turns a local calendar day into a UTC range', () => {
    const start = localDayStartUtc('2026-11-23');
    const end = localDayEndUtc('2026-11-23');
    expect(start && end && new Date(end).getTime() - new Date(start).getTime()).toBeGreaterThanOrEqual(23 * 3600e3);
    expect(new Date(start!).getDate()).toBe(23);
    expect(localDayStartUtc('23/11/2026')).toBeUndefined();
  });
});
