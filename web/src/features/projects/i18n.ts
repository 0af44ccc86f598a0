// t() for the projects module's own keys. The lead spreads `projectsMessages` into `en`; until
// then `MessageKey` does not know 'projects.*', so these look the key up in the active catalog
// first (a translation, or `en` once merged) and fall back to projects.ts, formatting values
// exactly as t() does.
import { hasMessage, messageLanguage, t, type MessageKey, type MessageValues } from '../../messages';
import { projectsMessages } from '../../messages/projects';

export type ProjectsKey = keyof typeof projectsMessages;
/** Keys that have plural forms: `foo.one` + `foo.other` → `foo`. */
export type ProjectsPlural = ProjectsKey extends infer K ? (K extends `${infer Base}.other` ? Base : never) : never;

function fill(template: string, values?: MessageValues): string {
  if (!values) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = values[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? new Intl.NumberFormat(undefined).format(value) : value;
  });
}

/** The text for a `projects.*` key, with `{name}` placeholders filled. */
export function pt(key: ProjectsKey, values?: MessageValues): string {
  if (hasMessage(key)) return t(key as string as MessageKey, values);
  return fill(projectsMessages[key], values);
}

/** Plural-aware text, like tp(): `${key}.one` / `${key}.other` by Intl.PluralRules, `{count}` filled. */
export function ptp(key: ProjectsPlural, count: number, values?: MessageValues): string {
  const category = new Intl.PluralRules(messageLanguage()).select(count);
  const specific = `${key}.${category}`;
  const chosen = (specific in projectsMessages || hasMessage(specific) ? specific : `${key}.other`) as ProjectsKey;
  return pt(chosen, { count, ...values });
}
