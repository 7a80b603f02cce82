import {
  createTheme,
  type CSSVariablesResolver,
  type MantineColorsTuple,
  type MantineTheme,
} from '@mantine/core';
import { over, readable } from './lib/contrast';

const brand: MantineColorsTuple = [
  '#e7f5ff', '#d0ebff', '#a5d8ff', '#74c0fc', '#4dabf7', '#339af0', '#228be6', '#1c7ed6', '#1971c2', '#1864ab',
];

// Filled colours (primary buttons, the active nav item's tint) one step
// deeper than Mantine's default 6, so white text on them reaches WCAG AA.
const primaryShade = { light: 8, dark: 8 } as const;

// Every colour token a screen can use (c="dimmed", c="red", Badge variants,
// filled buttons, links, error text) is derived here from the palette so it
// reaches WCAG AA contrast (4.5:1) on the surfaces the app draws it on, in both
// schemes. Screens keep naming colours ("teal", "dimmed"); no screen picks
// shades for contrast. The hue stays: a token only gets darker (light scheme)
// or lighter (dark scheme) as far as it must.
const light = (t: MantineTheme) => [t.white, t.colors.gray[0], t.colors.gray[1]];
const dark = (t: MantineTheme) => [t.colors.dark[7], t.colors.dark[6], t.colors.dark[8]];

function colorTokens(t: MantineTheme, name: string) {
  const c = t.colors[name];
  const lightTint = over(c[primaryShade.light], 0.12, t.colors.gray[1]);
  const darkTint = over(c[primaryShade.dark - 2], 0.2, t.colors.dark[6]);
  const lightText = readable([c[6], c[7], c[8], c[9]], [...light(t), lightTint]);
  const darkText = readable([c[4], c[3], c[2], c[1], c[0]], [...dark(t), darkTint]);
  const filled = (shade: number) => readable([c[shade], c[9]], [t.white]);
  return {
    light: {
      [`--mantine-color-${name}-text`]: lightText,
      [`--mantine-color-${name}-light-color`]: lightText,
      [`--mantine-color-${name}-outline`]: lightText,
      [`--mantine-color-${name}-filled`]: filled(primaryShade.light),
    },
    dark: {
      [`--mantine-color-${name}-text`]: darkText,
      [`--mantine-color-${name}-light-color`]: darkText,
      [`--mantine-color-${name}-outline`]: darkText,
      [`--mantine-color-${name}-filled`]: filled(primaryShade.dark),
    },
  };
}

export const resolveColors: CSSVariablesResolver = (t) => {
  const result = {
    variables: {},
    light: {
      '--mantine-color-dimmed': readable([t.colors.gray[6]], light(t)),
      '--mantine-color-error': readable([t.colors.red[6], t.colors.red[7], t.colors.red[8], t.colors.red[9]], light(t)),
      '--mantine-color-anchor': readable([t.colors[t.primaryColor][primaryShade.light]], light(t)),
    } as Record<string, string>,
    dark: {
      '--mantine-color-dimmed': readable([t.colors.dark[2]], dark(t)),
      '--mantine-color-error': readable([t.colors.red[6], t.colors.red[5], t.colors.red[4]], dark(t)),
      '--mantine-color-anchor': readable([t.colors[t.primaryColor][4]], dark(t)),
    } as Record<string, string>,
  };
  for (const name of Object.keys(t.colors)) {
    if (name === 'dark') continue; // the dark scheme's surfaces, not a colour text is drawn in
    const tokens = colorTokens(t, name);
    Object.assign(result.light, tokens.light);
    Object.assign(result.dark, tokens.dark);
  }
  return result;
};

// Close buttons show only an ×; a screen reader needs their name.
const closeButtonProps = { 'aria-label': 'Close' };

export const theme = createTheme({
  primaryColor: 'brand',
  primaryShade,
  colors: { brand },
  defaultRadius: 'sm',
  fontFamily:
    'Inter, -apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif',
  fontFamilyMonospace: 'ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace',
  headings: { fontWeight: '600' },
  components: {
    Paper: { defaultProps: { shadow: 'none' } },
    Drawer: { defaultProps: { closeButtonProps } },
    Modal: { defaultProps: { closeButtonProps } },
    Notification: {
      defaultProps: { closeButtonProps },
      // Under a title Mantine greys the message with gray-6 itself (3.3:1), not with dimmed.
      styles: (_t: MantineTheme, props: { title?: unknown }) =>
        props.title ? { description: { color: 'var(--mantine-color-dimmed)' } } : {},
    },
  },
});
