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
  return {
    animation: false,
    aria: { enabled: true },
    textStyle: { color: colors.text },
    grid: { left: 8, right: 24, top: 36, bottom: 8, containLabel: true },
    legend: { top: 0, textStyle: { color: colors.text }, data: legend },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'time', axisLabel: { color: colors.text, hideOverlap: true }, splitLine: { show: false } },
    yAxis: {
      type: 'value',
      name: kpi.unit || undefined,
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
    grid: { left: 8, right: 24, top: 44, bottom: 8, containLabel: true },
    legend: { top: 0, textStyle: { color: colors.text } },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: { type: 'value', axisLabel: { color: colors.text }, splitLine: { lineStyle: { color: colors.grid } } },
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
