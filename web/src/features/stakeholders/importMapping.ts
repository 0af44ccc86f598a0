// Helpers of the CSV import wizard (pure, so they are tested).
import type { Problem } from '../../api/problem';
import { IMPORT_FIELDS, type ImportField, type ImportMapping, type RowError } from './types';

/** Largest CSV the server takes (16 MiB). */
export const MAX_CSV_BYTES = 16 * 1024 * 1024;

/**
 * The mapping to send: only fields mapped to a column the file has; unmapped fields are
 * left out (the server then leaves them empty or uses its default).
 */
export function mappingForRequest(mapping: ImportMapping, columns: readonly string[]): ImportMapping {
  const out: ImportMapping = {};
  for (const field of IMPORT_FIELDS) {
    const column = mapping[field];
    if (column && columns.includes(column)) out[field] = column;
  }
  return out;
}

/** Columns used by more than one field (allowed, but usually a slip): column → fields. */
export function sharedColumns(mapping: ImportMapping): Map<string, ImportField[]> {
  const byColumn = new Map<string, ImportField[]>();
  for (const field of IMPORT_FIELDS) {
    const column = mapping[field];
    if (column) byColumn.set(column, [...(byColumn.get(column) ?? []), field]);
  }
  return new Map([...byColumn].filter(([, fields]) => fields.length > 1));
}

/**
 * The row errors of a failed import: the problem names each as `rows[LINE].FIELD`. Errors that
 * name no row (a bad mapping, an empty file) come back with line 0 and the field as given.
 */
export function rowErrorsFromProblem(problem: Pick<Problem, 'errors' | 'detail' | 'field'>): RowError[] {
  const entries = problem.errors?.length ? problem.errors : problem.detail ? [{ field: problem.field ?? '', detail: problem.detail }] : [];
  return entries
    .map((e) => {
      const match = /^rows\[(\d+)\](?:\.(.+))?$/.exec(e.field);
      return match ? { line: Number(match[1]), field: match[2] ?? '', detail: e.detail } : { line: 0, field: e.field, detail: e.detail };
    })
    .sort((a, b) => a.line - b.line);
}

/** The values of a sample row in column order, whether the server sent them by name or by position. */
export function sampleCells(values: Record<string, string> | string[], columns: readonly string[]): string[] {
  return Array.isArray(values) ? columns.map((_, i) => values[i] ?? '') : columns.map((c) => values[c] ?? '');
}
