import { DEFAULT_THEME, mergeMantineTheme } from '@mantine/core';
import { describe, expect, it } from 'vitest';
import { AA, contrast, over, readable } from './lib/contrast';
import { resolveColors, theme } from './theme';

const t = mergeMantineTheme(DEFAULT_THEME, theme);
const vars = resolveColors(t);

describe('contrast arithmetic', () => {
  it('measures as WCAG does', () => {
    expect(contrast('#ffffff', '#000000')).toBeCloseTo(21, 5);
    expect(contrast('#868e96', '#ffffff')).toBeCloseTo(3.32, 2); // Mantine's default dimmed: too pale
  });
  it('keeps a colour that already reads and deepens one that does not', () => {
    expect(readable(['#1971c2'], ['#ffffff'])).toBe('#1971c2');
    const yellow = readable([t.colors.yellow[8]], ['#ffffff']);
    expect(contrast(yellow, '#ffffff')).toBeGreaterThanOrEqual(AA);
    const grey = readable([t.colors.dark[2]], [t.colors.dark[7]]);
    expect(contrast(grey, t.colors.dark[7])).toBeGreaterThanOrEqual(AA);
  });
});

describe('the theme', () => {
  const surfaces = {
    light: [t.white, t.colors.gray[0], t.colors.gray[1]],
    dark: [t.colors.dark[7], t.colors.dark[6]],
  };
  for (const scheme of ['light', 'dark'] as const) {
    const v = vars[scheme];
    it(`gives readable text tokens on every surface (${scheme})`, () => {
      const text = Object.entries(v).filter(([k]) => /-(text|light-color|outline)$|dimmed|error|anchor/.test(k));
      expect(text.length).toBeGreaterThan(40);
      for (const [k, c] of text) {
        for (const bg of surfaces[scheme]) expect(contrast(c, bg), `${k} ${c} on ${bg}`).toBeGreaterThanOrEqual(AA);
      }
    });
    it(`puts white text on filled colours readably (${scheme})`, () => {
      for (const [k, c] of Object.entries(v).filter(([k]) => k.endsWith('-filled'))) {
        expect(contrast(c, '#ffffff'), k).toBeGreaterThanOrEqual(AA);
      }
    });
    it(`keeps badge text readable on its own tint (${scheme})`, () => {
      for (const name of ['teal', 'yellow', 'orange', 'gray', 'blue', 'red', 'green', 'grape', 'cyan']) {
        const tint =
          scheme === 'light'
            ? over(t.colors[name][8], 0.1, t.white)
            : over(t.colors[name][6], 0.15, t.colors.dark[7]);
        expect(contrast(v[`--mantine-color-${name}-light-color`], tint), name).toBeGreaterThanOrEqual(AA);
      }
    });
  }
});
