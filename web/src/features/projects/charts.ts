// Pure mapping from KPI values and funnel rows to ECharts options.
import { kpiPointStyle } from './labels';
import type { FunnelRow, KpiDefinition, KpiValue } from './types';

export interface ChartColors {
  text: string;
  grid: string;
  primary: string;
  muted: string;
  target: string;
  /** For series without a meaning of their own (the funnel's outcomes). */
  series: string[];
}

/** A KPI's values, oldest first, split into the two series the chart draws. */
export function kpiSeries(values: readonly KpiValue[]): { counts: [string, number][]; before: [string, number][] } {
  const sorted = [...values].sort((a, b) => a.recorded_on.localeCompare(b.recorded_on) || a.id - b.id);
  const counts: [string, number][] = [];
  const before: [string, number][] = [];
  for (const v of sorted) (kpiPointStyle(v.counts).series === 'counts' ? counts : before).push([v.recorded_on, v.value]);
  // Join the greyed line to the first counting value, so the trend reads as one line.
  const first = counts[0];
  if (before.length > 0 && first) before.push(first);
  return { counts, before };
}

const DAY_MS = 86_400_000;
const dayFormat = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', timeZone: 'UTC' });

/** The time axis' range for values on `days` (YYYY-MM-DD): padded, showing at least a week of days. */
export function dayRange(days: readonly string[]): { min?: number; max?: number } {
  const times = days.map((d) => Date.parse(`${d}T00:00:00Z`)).filter((n) => Number.isFinite(n));
  if (times.length === 0) return {};
  const first = Math.min(...times);
  const last = Math.max(...times);
  const pad = Math.max(Math.round((last - first) * 0.05 / DAY_MS), Math.ceil((6 - (last - first) / DAY_MS) / 2), 1) * DAY_MS;
  return { min: first - pad, max: last + pad };
}

export interface KpiChartLabels {
  counts: string;
  before: string;
  target: string;
}

/** One line per KPI: solid for values that count, grey dashed before that, and the target as a line. */
export function kpiLineOption(kpi: KpiDefinition, values: readonly KpiValue[], labels: KpiChartLabels, colors: ChartColors) {
  const { counts, before } = kpiSeries(values);
  const countStyle = kpiPointStyle(true);
  const beforeStyle = kpiPointStyle(false);
  const legend = [...(counts.length ? [labels.counts] : []), ...(before.length ? [labels.before] : [])];
  const target = kpi.target ?? null;
  const whole = values.every((v) => Number.isInteger(v.value)) && (target === null || Number.isInteger(target));
  return {
    animation: false,
    aria: { enabled: true },
    textStyle: { color: colors.text },
    grid: { left: 8, right: 24, top: 36, bottom: 16 },
    legend: { top: 0, textStyle: { color: colors.text }, data: legend },
    tooltip: { trigger: 'axis' },
    // Values are recorded per day: whole days on the axis, and a little room around one lone value.
    xAxis: {
      type: 'time',
      ...dayRange([...counts, ...before].map(([day]) => day)),
      minInterval: DAY_MS,
      axisLabel: { color: colors.text, hideOverlap: true, formatter: (value: number) => dayFormat.format(value) },
      splitLine: { show: false },
    },
    // The unit is in the card's title; an axis name here would collide with the legend.
    // The target line stays in view, and counts are not split into fractions.
    yAxis: {
      type: 'value',
      ...(target !== null ? { min: (v: { min: number }) => Math.min(v.min, target, 0), max: (v: { max: number }) => Math.max(v.max, target) } : {}),
      ...(whole ? { minInterval: 1 } : {}),
      axisLabel: { color: colors.text },
      splitLine: { lineStyle: { color: colors.grid } },
      scale: false,
    },
    series: [
      {
        name: labels.before,
        type: 'line',
        data: before,
        symbol: 'emptyCircle',
        itemStyle: { color: colors.muted },
        lineStyle: { color: colors.muted, type: beforeStyle.lineType },
      },
      {
        name: labels.counts,
        type: 'line',
        data: counts,
        symbol: 'circle',
        itemStyle: { color: colors.primary },
        lineStyle: { color: colors.primary, type: countStyle.lineType, width: 2 },
        ...(kpi.target !== null && kpi.target !== undefined
          ? {
              markLine: {
                symbol: 'none',
                silent: true,
                lineStyle: { color: colors.target, type: 'dotted', width: 2 },
                label: { formatter: labels.target, color: colors.text, position: 'insideEndTop' },
                data: [{ yAxis: kpi.target }],
              },
            }
          : {}),
      },
    ],
  };
}

export const FUNNEL_OUTCOMES = ['advanced', 'completed', 'current', 'pivoted_back', 'killed'] as const;
export type FunnelOutcome = (typeof FUNNEL_OUTCOMES)[number];

/**
 * One stacked bar per phase: what became of the projects that entered it (advanced, completed,
 * still there, pivoted back, stopped), which together make `entered`.
 */
export function funnelOption(rows: readonly FunnelRow[], labels: Record<FunnelOutcome, string>, colors: ChartColors) {
  const palette: Record<FunnelOutcome, string> = {
    advanced: colors.series[0] ?? colors.primary,
    completed: colors.series[3] ?? colors.primary,
    current: colors.series[4] ?? colors.primary,
    pivoted_back: colors.series[2] ?? colors.primary,
    killed: colors.series[5] ?? colors.muted,
  };
  return {
    animation: false,
    aria: { enabled: true, decal: { show: true } },
    textStyle: { color: colors.text },
    grid: { left: 8, right: 24, top: 44, bottom: 8 },
    legend: { top: 0, textStyle: { color: colors.text } },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    // Projects are counted whole.
    xAxis: { type: 'value', minInterval: 1, axisLabel: { color: colors.text }, splitLine: { lineStyle: { color: colors.grid } } },
    yAxis: { type: 'category', inverse: true, data: rows.map((r) => r.name), axisLabel: { color: colors.text } },
    series: FUNNEL_OUTCOMES.map((o) => ({
      name: labels[o],
      type: 'bar',
      stack: 'entered',
      itemStyle: { color: palette[o] },
      data: rows.map((r) => r[o]),
    })),
  };
}
