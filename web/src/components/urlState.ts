import { useDebouncedCallback } from '@mantine/hooks';
import { useCallback, useEffect, useState } from 'react';
import { useSearchParams } from 'react-router';

/**
 * List filters kept in the URL (shareable; the back button works). Returns the current value of
 * each named parameter ('' when absent) and a setter that replaces the history entry.
 */
export function useUrlFilters<K extends string>(names: readonly K[]) {
  const [params, setParams] = useSearchParams();
  const values = Object.fromEntries(names.map((n) => [n, params.get(n) ?? ''])) as Record<K, string>;
  const setFilter = useCallback(
    (name: K, value: string) => {
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          if (value) next.set(name, value);
          else next.delete(name);
          return next;
        },
        { replace: true },
      );
    },
    [setParams],
  );
  return { values, setFilter };
}

/** A search box's text: typed instantly, written to the URL after a pause. */
export function useDebouncedUrlText(urlValue: string, write: (value: string) => void, delay = 300) {
  const [text, setText] = useState(urlValue);
  const debounced = useDebouncedCallback(write, delay);
  useEffect(() => setText(urlValue), [urlValue]);
  return {
    text,
    onChange: (value: string) => {
      setText(value);
      debounced(value);
    },
  };
}

/** Drops empty values so they are not sent as `?q=`. */
export function compact<T extends Record<string, unknown>>(query: T): { [K in keyof T]?: Exclude<T[K], '' | null | undefined> } {
  return Object.fromEntries(Object.entries(query).filter(([, v]) => v !== '' && v !== undefined && v !== null)) as {
    [K in keyof T]?: Exclude<T[K], '' | null | undefined>;
  };
}

/** `value` when it is one of `allowed` (a URL can hold anything), else undefined. */
export function oneOf<T extends string>(allowed: readonly T[], value: string): T | undefined {
  return (allowed as readonly string[]).includes(value) ? (value as T) : undefined;
}
