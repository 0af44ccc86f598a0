import { Box, Skeleton, useComputedColorScheme } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { barOption, type BarData, type ChartLabels } from './capacityChart';

type ECharts = { setOption: (o: unknown, notMerge?: boolean) => void; resize: () => void; dispose: () => void };
type Init = (el: HTMLElement, theme?: string | null, opts?: { renderer?: 'svg' | 'canvas' }) => ECharts;

let loader: Promise<Init> | null = null;
/** ECharts (only the parts used here: echarts/core plus the bar chart) in a chunk of its own, loaded once. */
function loadECharts(): Promise<Init> {
  loader ??= import('./echartsBar').then((m) => m.init as unknown as Init);
  loader.catch(() => {
    loader = null;
  });
  return loader;
}

/**
 * A horizontal bar chart of load against hours. Decorative for assistive tech: `summary` says
 * what it shows, and the table beside it has the numbers.
 */
export function CapacityChart({ data, labels, summary }: { data: BarData; labels: ChartLabels; summary: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<ECharts | null>(null);
  const [ready, setReady] = useState(false);
  const scheme = useComputedColorScheme('light');
  const height = Math.max(160, data.categories.length * 44 + 60);

  useEffect(() => {
    let cancelled = false;
    loadECharts()
      .then((init) => {
        if (cancelled || !ref.current) return;
        chart.current = init(ref.current, null, { renderer: 'svg' });
        setReady(true);
      })
      .catch(() => undefined);
    const onResize = () => chart.current?.resize();
    window.addEventListener('resize', onResize);
    return () => {
      cancelled = true;
      window.removeEventListener('resize', onResize);
      chart.current?.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    if (!ready || !chart.current) return;
    const dark = scheme === 'dark';
    chart.current.setOption(
      barOption(data, labels, {
        text: dark ? '#c9c9c9' : '#495057',
        grid: dark ? '#373a40' : '#e9ecef',
        load: '#1c7ed6',
        over: '#e03131',
        hours: dark ? '#5c5f66' : '#adb5bd',
      }),
      true,
    );
    chart.current.resize();
  }, [ready, data, labels, scheme]);

  return (
    <Box pos="relative" h={height} role="img" aria-label={summary}>
      {!ready && <Skeleton pos="absolute" inset={0} h={height} />}
      <div ref={ref} style={{ width: '100%', height }} aria-hidden />
    </Box>
  );
}
