import { describe, expect, it } from 'vitest';
import { mappingForRequest, rowErrorsFromProblem, sampleCells, sharedColumns } from './importMapping';

describe('mappingForRequest', () => {
  it('keeps fields mapped to columns the file has and drops the rest', () => {
    const columns = ['Company', 'Mail', 'Land'];
    expect(mappingForRequest({ name: 'Company', email: 'Mail', region: 'Country', tags: null, kind: '' }, columns)).toEqual({
      name: 'Company',
      email: 'Mail',
    });
  });

  it('sends nothing for an empty mapping', () => {
    expect(mappingForRequest({}, ['a'])).toEqual({});
  });
});

describe('sharedColumns', () => {
  it('finds a column feeding several fields', () => {
    const shared = sharedColumns({ name: 'Name', title: 'Name', email: 'Mail' });
    expect([...shared.keys()]).toEqual(['Name']);
    expect(shared.get('Name')).toEqual(['name', 'title']);
  });
});

describe('rowErrorsFromProblem', () => {
  it('reads the line and field out of rows[LINE].FIELD, sorted by line', () => {
    expect(
      rowErrorsFromProblem({
        errors: [
          { field: 'rows[12].email', detail: 'must be an e-mail address' },
          { field: 'rows[3].kind', detail: 'must be one of customer, …' },
          { field: 'mapping.name', detail: 'names no column' },
        ],
      }),
    ).toEqual([
      { line: 0, field: 'mapping.name', detail: 'names no column' },
      { line: 3, field: 'kind', detail: 'must be one of customer, …' },
      { line: 12, field: 'email', detail: 'must be an e-mail address' },
    ]);
  });

  it('falls back to the detail when the problem lists no errors', () => {
    expect(rowErrorsFromProblem({ detail: 'the file is empty', field: 'csv' })).toEqual([{ line: 0, field: 'csv', detail: 'the file is empty' }]);
    expect(rowErrorsFromProblem({})).toEqual([]);
  });
});

describe('sampleCells', () => {
  it('takes cells by position or by column name', () => {
    expect(sampleCells(['a', 'b'], ['x', 'y', 'z'])).toEqual(['a', 'b', '']);
    expect(sampleCells({ y: '2', x: '1' }, ['x', 'y'])).toEqual(['1', '2']);
  });
});
