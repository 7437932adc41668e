import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const css = readFileSync(join(__dirname, '../../../src/renderer/ui/tokens.css'), 'utf8');

/** The `--name: #hex` colours of a `:root` block. */
function colours(block: string): Record<string, string> {
  const found: Record<string, string> = {};
  for (const m of block.matchAll(/--([a-z-]+):\s*(#[0-9a-f]{6})\b/gi)) found[m[1]!] = m[2]!;
  return found;
}
const light = colours(/:root\s*\{([^}]*)\}/.exec(css)![1]!);
// The dark theme overrides every colour the light one has.
const dark = {
  ...light,
  ...colours(/prefers-color-scheme:\s*dark\)\s*\{\s*:root\s*\{([^}]*)\}/.exec(css)![1]!),
};

/** WCAG 2 relative luminance and contrast ratio. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}
function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

// Text on the surfaces it is drawn on: WCAG AA for normal text.
const TEXT: [string, string][] = [
  ['color-text', 'color-surface'],
  ['color-text', 'color-bg'],
  ['color-text', 'color-accent-soft'],
  ['color-text-muted', 'color-surface'],
  ['color-text-muted', 'color-bg'],
  ['color-text-muted', 'color-surface-muted'],
  ['color-text-muted', 'color-warning-soft'],
  ['color-text-muted', 'color-success-soft'],
  ['color-accent', 'color-surface'],
  ['color-accent', 'color-bg'],
  ['color-accent', 'color-accent-soft'],
  ['color-on-accent', 'color-accent'],
  ['color-on-accent', 'color-accent-hover'],
  ['color-on-accent', 'color-danger'],
  ['color-on-accent', 'color-call'],
  ['color-danger', 'color-surface'],
  ['color-danger', 'color-danger-soft'],
  ['color-danger-strong', 'color-danger-soft'],
  ['color-warning', 'color-surface'],
  ['color-warning', 'color-warning-soft'],
  ['color-success', 'color-surface'],
  ['color-success', 'color-success-soft'],
  ['color-info', 'color-info-soft'],
];
// A field's border and the focus ring: WCAG AA for non-text (3:1).
const NON_TEXT: [string, string][] = [
  ['color-border-strong', 'color-surface'],
  ['color-focus', 'color-surface'],
  ['color-focus', 'color-bg'],
];

describe.each([
  ['light', light],
  ['dark', dark],
])('the design tokens, %s theme', (_, c) => {
  it.each(TEXT)('%s on %s reaches 4.5:1', (fg, bg) => {
    expect(c[fg], fg).toMatch(/^#/);
    expect(c[bg], bg).toMatch(/^#/);
    expect(contrast(c[fg]!, c[bg]!)).toBeGreaterThanOrEqual(4.5);
  });

  it.each(NON_TEXT)('%s against %s reaches 3:1', (fg, bg) => {
    expect(contrast(c[fg]!, c[bg]!)).toBeGreaterThanOrEqual(3);
  });
});

describe('the tokens file', () => {
  it('overrides every light colour in the dark theme', () => {
    const overridden = Object.keys(
      colours(/prefers-color-scheme:\s*dark\)\s*\{\s*:root\s*\{([^}]*)\}/.exec(css)![1]!),
    );
    expect(Object.keys(light).filter((k) => !overridden.includes(k))).toEqual([]);
  });

  it('measures contrast the WCAG way (black on white is 21:1)', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
  });
});
