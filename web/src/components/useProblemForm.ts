import { useCallback, useState } from 'react';
import { mapProblem } from '../api/problem';
import { notifyError } from './notify';

/**
 * Form values plus server-side field errors. `fail(error)` puts each problem+json field error
 * next to its field and shows whatever is left as a toast. Typed values are never cleared on error.
 */
export function useProblemForm<V extends Record<string, unknown>>(initial: V) {
  const [values, setValues] = useState<V>(initial);
  const [errors, setErrors] = useState<Partial<Record<keyof V & string, string>>>({});

  const setValue = useCallback(<K extends keyof V & string>(key: K, value: V[K]) => {
    setValues((v) => ({ ...v, [key]: value }));
    setErrors((e) => (key in e ? { ...e, [key]: undefined } : e));
  }, []);

  const fail = useCallback(
    (error: unknown) => {
      const { fieldErrors, message } = mapProblem(error, Object.keys(values));
      setErrors(fieldErrors as Partial<Record<keyof V & string, string>>);
      if (message) notifyError(message);
    },
    [values],
  );

  /** Props for a Mantine input bound to `key`: value, onChange, error. */
  const text = useCallback(
    <K extends keyof V & string>(key: K) => ({
      value: String(values[key] ?? ''),
      onChange: (e: { currentTarget: { value: string } }) => setValue(key, e.currentTarget.value as V[K]),
      error: errors[key],
      // Mantine's PasswordInput marks errors only with data-invalid; say it to assistive tech too.
      'aria-invalid': errors[key] ? true : undefined,
    }),
    [values, errors, setValue],
  );

  const reset = useCallback((next: V) => {
    setValues(next);
    setErrors({});
  }, []);

  return { values, setValue, errors, setErrors, fail, text, reset };
}
