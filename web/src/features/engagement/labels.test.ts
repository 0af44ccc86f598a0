import { describe, expect, it } from 'vitest';
import {
  daysBetween,
  dueState,
  emotionLabel,
  fromLocalInput,
  intervalLabel,
  nestedFieldErrors,
  parseId,
  toLocalInput,
  userIdOrMe,
  utcToday,
} from './labels';
import { preloadEngagement } from './routes';

describe('dueState', () => {
  const today = '2026-11-23';

  it('calls an open item due before today overdue, with the days in words', () => {
    expect(dueState('2026-11-20', true, today)).toEqual({ tone: 'overdue', label: 'Overdue by 3 days' });
    expect(dueState('2026-11-22', true, today)).toEqual({ tone: 'overdue', label: 'Overdue by 1 day' });
  });

  it('says today, tomorrow and in n days', () => {
    expect(dueState('2026-11-23', true, today).label).toBe('Due today');
    expect(dueState('2026-11-24', true, today)).toEqual({ tone: 'soon', label: 'Due tomorrow' });
    expect(dueState('2026-11-25', true, today).tone).toBe('soon');
    expect(dueState('2026-12-03', true, today)).toEqual({ tone: 'later', label: 'Due in 10 days' });
  });

  it('trusts the server when it says overdue (its day is UTC)', () => {
    expect(dueState('2026-11-23', true, today, true).tone).toBe('overdue');
  });

  it('never calls a closed item overdue', () => {
    expect(dueState('2026-01-01', false, today).tone).toBe('closed');
  });

  it('counts days across month and year ends', () => {
    expect(daysBetween('2026-12-31', '2027-01-01')).toBe(1);
    expect(daysBetween('2028-02-28', '2028-03-01')).toBe(2);
  });

  it('takes today from the UTC calendar', () => {
    expect(utcToday(new Date('2026-11-23T23:30:00.000Z'))).toBe('2026-11-23');
  });
});

describe('intervalLabel', () => {
  it('names the fixed intervals', () => {
    expect(intervalLabel('weekly')).toBe('Weekly');
    expect(intervalLabel('biweekly')).toBe('Every 2 weeks');
    expect(intervalLabel('monthly')).toBe('Monthly');
    expect(intervalLabel('quarterly')).toBe('Quarterly');
  });

  it('counts the days of a custom interval, with plurals', () => {
    expect(intervalLabel('custom', 10)).toBe('Every 10 days');
    expect(intervalLabel('custom', 1)).toBe('Every day');
  });
});

describe('emotionLabel', () => {
  it('calls intensity 0 indifferent whatever the valence', () => {
    expect(emotionLabel(2, 0)).toBe('Indifferent');
    expect(emotionLabel(-1, 0)).toBe('Indifferent');
  });

  it('puts valence and intensity in words', () => {
    expect(emotionLabel(-2, 3)).toBe('Very negative, intense');
    expect(emotionLabel(1, 1)).toBe('Positive, mild');
  });

  it('is null when nothing was recorded', () => {
    expect(emotionLabel(null, null)).toBeNull();
  });
});

describe('nestedFieldErrors', () => {
  it('keeps the row fields of the list, capitalised, first message per field', () => {
    const errors = nestedFieldErrors(
      [
        { field: 'stakeholders[0].valence', detail: 'must be between -2 and 2' },
        { field: 'stakeholders[0].valence', detail: 'second' },
        { field: 'stakeholders[1].stakeholder_id', detail: 'no such stakeholder' },
        { field: 'title', detail: 'too long' },
        { field: 'stakeholders', detail: 'at least one' },
      ],
      'stakeholders',
    );
    expect(errors).toEqual({
      'stakeholders[0].valence': 'Must be between -2 and 2',
      'stakeholders[1].stakeholder_id': 'No such stakeholder',
    });
  });
});

describe('date-time inputs', () => {
  it('round-trips a time through the local datetime-local value', () => {
    const iso = '2026-11-23T09:30:00.000Z';
    expect(fromLocalInput(toLocalInput(iso))).toBe(iso);
  });

  it('refuses empty or malformed values', () => {
    expect(fromLocalInput('')).toBeUndefined();
    expect(fromLocalInput('tomorrow')).toBeUndefined();
    expect(toLocalInput(null)).toBe('');
  });
});

describe('URL values', () => {
  it('reads ids and "me"', () => {
    expect(parseId('12')).toBe(12);
    expect(parseId('0')).toBeUndefined();
    expect(parseId('1e3')).toBeUndefined();
    expect(userIdOrMe('me')).toBe('me');
    expect(userIdOrMe('7')).toBe('7');
    expect(userIdOrMe('anyone')).toBeUndefined();
  });
});

describe('preloadEngagement', () => {
  it('loads the layout and the page of the path', () => {
    expect(preloadEngagement('/engagement')).toHaveLength(2);
    expect(preloadEngagement('/engagement/interactions/new')).toHaveLength(2);
    expect(preloadEngagement('/engagement/follow-ups/4/edit')).toHaveLength(2);
    expect(preloadEngagement('/engagement/nowhere')).toHaveLength(1);
  });
});
