import {
  createTheme,
  darken,
  localStorageColorSchemeManager,
  Modal,
  Notification,
  type CSSVariablesResolver,
  type MantineColorsTuple,
} from '@mantine/core';
import { t } from './messages';

// A calm blue; shade 7 as the primary keeps white text above WCAG AA contrast.
const brand: MantineColorsTuple = [
  '#e7f3ff',
  '#d2e3f8',
  '#a6c5ec',
  '#77a5e0',
  '#508ad6',
  '#3779d0',
  '#2870ce',
  '#1a5fb7',
  '#0d54a5',
  '#004893',
];

/** The theme; a function because its labels come from the messages of the chosen language. */
export const createAppTheme = () =>
  createTheme({
  primaryColor: 'brand',
  colors: { brand },
  primaryShade: { light: 7, dark: 8 },
  // Filled buttons pick black or white text for contrast (Mantine's default fails WCAG AA).
  autoContrast: true,
  luminanceThreshold: 0.35,
  defaultRadius: 'md',
  fontFamily:
    'Inter, system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "DejaVu Sans", sans-serif',
  headings: { fontFamily: 'Inter, system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif' },
  focusRing: 'auto',
  cursorType: 'pointer',
  components: {
    Table: { defaultProps: { verticalSpacing: 'sm', highlightOnHover: true } },
    // Icon-only close buttons need a name for screen readers.
    Modal: Modal.extend({ defaultProps: { closeButtonProps: { 'aria-label': t('common.close') } } }),
    Notification: Notification.extend({ defaultProps: { closeButtonProps: { 'aria-label': t('common.close') } } }),
  },
});

/** Same key as public/theme-init.js, which applies the choice before the first paint. */
export const colorSchemeManager = localStorageColorSchemeManager({ key: 'cocreate-color-scheme' });

/**
 * Mantine's default "dimmed" grey is below WCAG AA contrast (3.3:1 on white); secondary text
 * here is darker in light mode and lighter in dark mode (both above 4.5:1).
 */
export const cssVariablesResolver: CSSVariablesResolver = (theme) => {
  const light: Record<string, string> = {
    '--mantine-color-dimmed': theme.colors.gray[7],
    '--mantine-color-error': theme.colors.red[9],
    '--mantine-color-anchor': theme.colors.brand?.[8] ?? theme.colors.blue[9],
  };
  const dark: Record<string, string> = {
    '--mantine-color-dimmed': theme.colors.dark[1],
    '--mantine-color-error': theme.colors.red[4],
    '--mantine-color-anchor': theme.colors.brand?.[2] ?? theme.colors.blue[2],
  };
  // Text of the light, subtle and outline variants (badges, soft buttons): Mantine uses shade 6-7,
  // which is about 3.5:1 on the tinted background. Shade 9 darkened (light) and 2 (dark) pass AA.
  for (const [name, shades] of Object.entries(theme.colors)) {
    if (name === 'dark') continue;
    // Yellow and orange stay light even at shade 9: darken them further to keep 4.5:1.
    const deep = darken(shades[9], name === 'yellow' || name === 'orange' || name === 'lime' ? 0.4 : 0.2);
    light[`--mantine-color-${name}-light-color`] = deep;
    light[`--mantine-color-${name}-outline`] = deep;
    light[`--mantine-color-${name}-text`] = deep;
    dark[`--mantine-color-${name}-light-color`] = shades[2];
    dark[`--mantine-color-${name}-outline`] = shades[3];
    dark[`--mantine-color-${name}-text`] = shades[3];
  }
  return { variables: {}, light, dark };
};
