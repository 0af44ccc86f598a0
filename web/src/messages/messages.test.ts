import { afterEach, describe, expect, it } from 'vitest';
import { en } from './en';
import { registerCatalog, selectLanguage, t, tp, type Catalog } from './index';

afterEach(() => {
  selectLanguage(['en']);
});

describe('t', () => {
  it('returns the English text', () => {
    expect(t('auth.wrongCredentials')).toBe('E-mail or password is wrong');
  });

  it('fills placeholders and formats numbers for the locale', () => {
    expect(t('invite.joinTitle', { space: 'Customer council' })).toBe('Join Customer council');
    expect(t('space.memberCount.other', { count: 1234 })).toBe(`${new Intl.NumberFormat().format(1234)} members`);
  });

  it('leaves unknown placeholders visible rather than dropping text', () => {
    expect(t('invite.joinTitle')).toBe('Join {space}');
  });
});

describe('tp', () => {
  it('picks the plural form by Intl.PluralRules', () => {
    expect(tp('space.memberCount', 1)).toBe('1 member');
    expect(tp('space.memberCount', 0)).toBe('0 members');
    expect(tp('space.memberCount', 2)).toBe('2 members');
  });
});

describe('languages', () => {
  it('falls back to English for languages without a catalog', () => {
    expect(selectLanguage(['xx-YY', 'zz'])).toBe('en');
  });

  it('uses a registered catalog, matching a regional tag to its base language', () => {
    const de: Catalog = { ...en, 'auth.signIn': 'Anmelden' };
    registerCatalog('de', de);
    expect(selectLanguage(['de-CH', 'en'])).toBe('de');
    expect(t('auth.signIn')).toBe('Anmelden');
  });
});

describe('the English catalog', () => {
  it('has no empty messages', () => {
    for (const [key, text] of Object.entries(en)) expect(text.trim(), key).not.toBe('');
  });

  it('has both plural forms for every plural message', () => {
    const keys = Object.keys(en);
    for (const key of keys.filter((k) => k.endsWith('.one'))) expect(keys).toContain(key.replace(/\.one$/, '.other'));
  });

  it('says exactly what the wrong-password message must say', () => {
    expect(en['problem.invalid_credentials']).toBe('E-mail or password is wrong');
  });
});
