import { Box, Skeleton, useComputedColorScheme } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import type { ChartColors } from './charts';

type ECharts = { setOption: (o: unknown, notMerge?: boolean) => void; resize: () => void; dispose: () => void };
type Init = (el: HTMLElement, theme?: string | null, opts?: { renderer?: 'svg' | 'canvas' }) => ECharts;

let loader: Promise<Init> | null = null;
/** ECharts (echarts/core plus the line and bar charts) in a chunk of its own, loaded once. */
function loadECharts(): Promise<Init> {
  loader ??= import('./echartsProjects').then((m) => m.init as unknown as Init);
  loader.catch(() => {
    loader = null;
  });
  return loader;
}

/** The theme's colours for charts, light or dark. */
export function chartColors(dark: boolean): ChartColors {
  return {
    text: dark ? '#c9c9c9' : '#495057',
    grid: dark ? '#373a40' : '#e9ecef',
    primary: dark ? '#4dabf7' : '#1c7ed6',
    muted: dark ? '#868e96' : '#adb5bd',
    target: dark ? '#ffa94d' : '#e8590c',
    series: dark
      ? ['#4dabf7', '#ff8787', '#ffd43b', '#69db7c', '#b197fc', '#868e96']
      : ['#1c7ed6', '#e03131', '#f08c00', '#2f9e44', '#7048e8', '#868e96'],
  };
}

/**
 * An ECharts chart built from `build(colors)`. Decorative for assistive tech: `summary` says what
 * it shows, and a table beside it has the numbers.
 */
export function Chart({ build, height, summary }: { build: (colors: ChartColors) => unknown; height: number; summary: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<ECharts | null>(null);
  const [ready, setReady] = useState(false);
  const scheme = useComputedColorScheme('light');

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
    chart.current.setOption(build(chartColors(scheme === 'dark')), true);
    chart.current.resize();
  }, [ready, build, scheme]);

  return (
    <Box pos="relative" h={height} role="img" aria-label={summary}>
      {!ready && <Skeleton pos="absolute" inset={0} h={height} />}
      <div ref={ref} style={{ width: '100%', height }} aria-hidden />
    </Box>
  );
}
