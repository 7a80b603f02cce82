// WCAG 2.1 contrast arithmetic for the theme: the theme derives its text
// colours from the palette so that every pair it draws reaches AA, instead
// of each screen picking darker shades by hand.
import { darken, lighten, toRgba } from '@mantine/core';

/** WCAG AA for body text; a hair above 4.5 so rounding in browsers never drops below. */
export const AA = 4.6;

type RGB = [number, number, number];

function rgb(color: string): RGB {
  const { r, g, b } = toRgba(color);
  return [r, g, b];
}

/** `top` at opacity `a` painted over the opaque `under`, as the eye sees it. */
export function over(top: string, a: number, under: string): string {
  const t = rgb(top);
  const u = rgb(under);
  const [r, g, b] = t.map((v, i) => Math.round(v * a + u[i] * (1 - a)));
  return `rgb(${r}, ${g}, ${b})`;
}

function luminance(color: string): number {
  const [r, g, b] = rgb(color).map((v) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/**
 * The first of `candidates` that reads on every one of `backgrounds`; when
 * none does, the last one darkened (or lightened, on dark backgrounds) step by
 * step until it does. Candidates go from the most colourful to the plainest,
 * so a colour keeps as much of its hue as the backgrounds allow.
 */
export function readable(candidates: string[], backgrounds: string[], ratio = AA): string {
  const ok = (c: string) => backgrounds.every((bg) => contrast(c, bg) >= ratio);
  const found = candidates.find(ok);
  if (found) return found;
  const last = candidates[candidates.length - 1];
  const onDark = luminance(backgrounds[0]) < 0.18;
  for (let step = 0.05; step < 1; step += 0.05) {
    const c = toHex(onDark ? lighten(last, step) : darken(last, step));
    if (ok(c)) return c;
  }
  return onDark ? '#ffffff' : '#000000';
}

function toHex(color: string): string {
  return `#${rgb(color)
    .map((v) => Math.round(v).toString(16).padStart(2, '0'))
    .join('')}`;
}
