// Pure mapping from the capacity answer to what the chart and the warning show.
import type { Capacity, CapacityPerson, CapacityTeam } from './types';

export interface BarData {
  categories: string[];
  load: number[];
  hours: number[];
  over: boolean[];
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/** One bar pair (load, hours per week) per person, most loaded first. */
export function peopleBars(people: readonly CapacityPerson[]): BarData {
  const sorted = [...people].sort((a, b) => b.load_hours - a.load_hours || a.display_name.localeCompare(b.display_name));
  return {
    categories: sorted.map((p) => p.display_name),
    load: sorted.map((p) => round1(p.load_hours)),
    hours: sorted.map((p) => round1(p.hours_per_week)),
    over: sorted.map((p) => p.over_capacity),
  };
}

/** One bar pair per team; people without a team are shown under `noTeam`. */
export function teamBars(teams: readonly CapacityTeam[], noTeam: string): BarData {
  const sorted = [...teams].sort((a, b) => (a.team ?? '').localeCompare(b.team ?? ''));
  return {
    categories: sorted.map((x) => x.team || noTeam),
    load: sorted.map((x) => round1(x.load_hours)),
    hours: sorted.map((x) => round1(x.hours_per_week)),
    over: sorted.map((x) => x.over_capacity),
  };
}

/** Who and which teams are over capacity (load above their hours per week). */
export function overCapacity(capacity: Capacity): { people: CapacityPerson[]; teams: CapacityTeam[] } {
  return {
    people: capacity.people.filter((p) => p.over_capacity),
    teams: capacity.teams.filter((x) => x.over_capacity),
  };
}

export interface ChartLabels {
  load: string;
  hours: string;
  axis: string;
}

export interface ChartColors {
  text: string;
  grid: string;
  load: string;
  over: string;
  hours: string;
}

/** The ECharts option for a horizontal bar chart of load against hours. */
export function barOption(data: BarData, labels: ChartLabels, colors: ChartColors) {
  return {
    animation: false,
    aria: { enabled: true },
    textStyle: { color: colors.text },
    // containLabel leaves out the axis title: keep room for it below the labels.
    grid: { left: 8, right: 24, top: 36, bottom: 32, containLabel: true },
    legend: { top: 0, textStyle: { color: colors.text }, data: [labels.load, labels.hours] },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: {
      type: 'value',
      name: labels.axis,
      nameLocation: 'middle',
      nameGap: 24,
      axisLabel: { color: colors.text },
      splitLine: { lineStyle: { color: colors.grid } },
    },
    yAxis: { type: 'category', data: data.categories, inverse: true, axisLabel: { color: colors.text } },
    series: [
      {
        name: labels.load,
        type: 'bar',
        data: data.load.map((value, i) => ({
          value,
          itemStyle: { color: data.over[i] ? colors.over : colors.load, ...(data.over[i] ? { decal: { symbol: 'rect', dashArrayX: [1, 0], dashArrayY: [2, 4], rotation: -Math.PI / 4 } } : {}) },
        })),
      },
      { name: labels.hours, type: 'bar', data: data.hours, itemStyle: { color: colors.hours } },
    ],
  };
}
