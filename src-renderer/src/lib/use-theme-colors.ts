/** The theme's colours as values (for charts, whose SVG attributes cannot read CSS variables). */
import { useEffect, useState } from 'react';
import { useAppliedTheme } from '../app/theme.store';

const NAMES = [
  'text',
  'text-muted',
  'border',
  'surface',
  'surface-2',
  'accent',
  'chart-1',
  'chart-2',
  'chart-3',
  'chart-4',
  'chart-5',
] as const;

export type ThemeColors = Record<(typeof NAMES)[number], string>;

function readColors(): ThemeColors {
  const style = getComputedStyle(document.documentElement);
  return Object.fromEntries(
    NAMES.map((name) => [name, style.getPropertyValue(`--${name}`).trim()]),
  ) as ThemeColors;
}

export function useThemeColors(): ThemeColors {
  const theme = useAppliedTheme((state) => state.theme);
  const [colors, setColors] = useState(readColors);
  useEffect(() => setColors(readColors()), [theme]);
  return colors;
}
