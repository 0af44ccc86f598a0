// t() for the ideas module's own keys. The lead spreads `ideasMessages` into `en`; until then
// `MessageKey` does not know 'ideas.*', so these look the key up in the active catalog first (a
// translation, or `en` once merged) and fall back to messages/ideas.ts, formatting values exactly
// as t() does. Once merged, both keep working; callers may then switch to t() and tp().
import { hasMessage, messageLanguage, t, type MessageKey, type MessageValues } from '../../messages';
import { ideasMessages } from '../../messages/ideas';

export type IdeasKey = keyof typeof ideasMessages;
/** Keys that have plural forms: `foo.one` + `foo.other` → `foo`. */
export type IdeasPlural = IdeasKey extends infer K ? (K extends `${infer Base}.other` ? Base : never) : never;

function fill(template: string, values?: MessageValues): string {
  if (!values) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = values[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? new Intl.NumberFormat(undefined).format(value) : value;
  });
}

/** The text for an `ideas.*` key, with `{name}` placeholders filled. */
export function ti(key: IdeasKey, values?: MessageValues): string {
  if (hasMessage(key)) return t(key as string as MessageKey, values);
  return fill(ideasMessages[key], values);
}

/** Plural-aware text, like tp(): `${key}.one` / `${key}.other` by Intl.PluralRules, `{count}` filled. */
export function tpi(key: IdeasPlural, count: number, values?: MessageValues): string {
  const category = new Intl.PluralRules(messageLanguage()).select(count);
  const specific = `${key}.${category}`;
  const chosen = (specific in ideasMessages || hasMessage(specific) ? specific : `${key}.other`) as IdeasKey;
  return ti(chosen, { count, ...values });
}
