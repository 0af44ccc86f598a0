import { describe, expect, it } from 'vitest';
import { barOption, overCapacity, peopleBars, teamBars } from './capacityChart';
import type { Capacity, CapacityPerson } from './types';

const person = (user_id: number, display_name: string, load_hours: number, hours_per_week: number, team: string | null = null): CapacityPerson => ({
  user_id,
  display_name,
  team,
  hours_per_week,
  scheduled_hours: load_hours / 2,
  follow_up_hours: load_hours / 2,
  load_hours,
  utilisation: hours_per_week ? load_hours / hours_per_week : null,
  over_capacity: load_hours > hours_per_week,
});

const capacity: Capacity = {
  window: { from: '2026-11-23T00:00:00.000Z', to: '2026-11-30T00:00:00.000Z' },
  people: [person(1, 'Ana', 4, 8, 'Sales'), person(2, 'Ben', 12.345, 10, 'Sales'), person(3, 'Cy', 0, 0)],
  teams: [
    { team: 'Sales', hours_per_week: 18, load_hours: 16.345, utilisation: 0.9, over_capacity: false },
    { team: null, hours_per_week: 0, load_hours: 0, utilisation: null, over_capacity: false },
  ],
};

describe('capacity chart data', () => {
  it('puts people most loaded first, with load and hours rounded to a tenth', () => {
    expect(peopleBars(capacity.people)).toEqual({
      categories: ['Ben', 'Ana', 'Cy'],
      load: [12.3, 4, 0],
      hours: [10, 8, 0],
      over: [true, false, false],
    });
  });

  it('names people without a team', () => {
    const bars = teamBars(capacity.teams, 'No team');
    expect(bars.categories).toEqual(['No team', 'Sales']);
    expect(bars.load).toEqual([0, 16.3]);
  });

  it('lists who is over capacity', () => {
    const over = overCapacity(capacity);
    expect(over.people.map((p) => p.display_name)).toEqual(['Ben']);
    expect(over.teams).toEqual([]);
  });

  it('colours (and patterns) the load bars of people over capacity', () => {
    const option = barOption(peopleBars(capacity.people), { load: 'Load', hours: 'Hours', axis: 'h' }, {
      text: '#000',
      grid: '#eee',
      load: 'blue',
      over: 'red',
      hours: 'grey',
    });
    const load = option.series[0]!.data as { value: number; itemStyle: { color: string; decal?: unknown } }[];
    expect(load[0]!.itemStyle.color).toBe('red');
    expect(load[0]!.itemStyle.decal).toBeDefined();
    expect(load[1]!.itemStyle.color).toBe('blue');
    expect(option.yAxis.data).toEqual(['Ben', 'Ana', 'Cy']);
  });
});
