// Pure mapping from the reader's points to an ECharts option (drawn by projects/Chart.tsx).
import type { ChartColors } from '../projects/charts';
import type { PointsByReason } from './types';

/** One horizontal bar per reason, in the order the API gives (that of PointsReason). */
export function pointsOption(rows: readonly PointsByReason[], label: (row: PointsByReason) => string, seriesName: string, colors: ChartColors) {
  return {
    animation: false,
    aria: { enabled: true, decal: { show: true } },
    textStyle: { color: colors.text },
    grid: { left: 8, right: 32, top: 8, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    // Points are whole numbers.
    xAxis: { type: 'value', minInterval: 1, axisLabel: { color: colors.text }, splitLine: { lineStyle: { color: colors.grid } } },
    yAxis: { type: 'category', inverse: true, data: rows.map(label), axisLabel: { color: colors.text } },
    series: [
      {
        name: seriesName,
        type: 'bar',
        data: rows.map((r) => r.points),
        itemStyle: { color: colors.primary },
        label: { show: true, position: 'right', color: colors.text },
      },
    ],
  };
}
