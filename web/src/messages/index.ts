import { en, type MessageKey } from './en';

export type { MessageKey };
export type Catalog = Record<MessageKey, string>;
export type MessageValues = Record<string, string | number>;

// Add a language by writing `xx.ts` exporting a `Catalog` and registering it here.
const catalogs: Record<string, Catalog> = { en };

let activeLanguage = 'en';
let active: Catalog = en;

/** The language the messages are in (BCP 47 tag, e.g. "en"). */
export function messageLanguage(): string {
  return activeLanguage;
}

/**
 * Picks the first language in `preferred` that has a catalog (matching "de-CH" to "de"),
 * falling back to English. Returns the language chosen.
 */
export function selectLanguage(preferred: readonly string[]): string {
  for (const tag of preferred) {
    const base = tag.toLowerCase().split('-')[0] ?? '';
    const catalog = catalogs[tag] ?? catalogs[base];
    if (catalog) {
      active = catalog;
      activeLanguage = catalogs[tag] ? tag : base;
      return activeLanguage;
    }
  }
  active = en;
  activeLanguage = 'en';
  return activeLanguage;
}

/** Registers (or replaces) a catalog; used by tests and future languages. */
export function registerCatalog(language: string, catalog: Catalog): void {
  catalogs[language] = catalog;
}

function formatValue(value: string | number): string {
  return typeof value === 'number' ? new Intl.NumberFormat(undefined).format(value) : value;
}

/**
 * The user-visible text for `key` in the active language, with `{name}` placeholders replaced
 * by `values[name]` (numbers formatted for the reader's locale). Unknown placeholders stay as written.
 */
export function t(key: MessageKey, values?: MessageValues): string {
  const template = active[key] ?? en[key] ?? key;
  if (!values) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = values[name];
    return value === undefined ? whole : formatValue(value);
  });
}

/**
 * Plural-aware text: looks up `${key}.one`, `${key}.other` (or any CLDR category the
 * language uses) by `Intl.PluralRules`, with `{count}` filled in.
 */
export function tp(key: PluralBase, count: number, values?: MessageValues): string {
  const category = new Intl.PluralRules(activeLanguage).select(count);
  const specific = `${key}.${category}` as MessageKey;
  const chosen = specific in active ? specific : (`${key}.other` as MessageKey);
  return t(chosen, { count, ...values });
}

/** Keys that have plural forms: `foo.one` + `foo.other` → `foo`. */
export type PluralBase = MessageKey extends infer K
  ? K extends `${infer Base}.other`
    ? Base
    : never
  : never;

/** Whether a message with this key exists (for codes coming from the server). */
export function hasMessage(key: string): key is MessageKey {
  return key in active || key in en;
}
