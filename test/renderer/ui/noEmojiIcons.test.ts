import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const RENDERER = join(__dirname, '../../../src/renderer');

/**
 * Pictographs and symbols that stand in for icons: emoji (📞 🔒), dingbats (✓ ✕ ✉), misc
 * symbols (☎ ⚠), technical and geometric shapes (⌫ ▶), arrows other than the `→` that text
 * uses between two words (↻), and the emoji variation selector. A Linux desktop without an
 * emoji font draws them as empty boxes; the renderer's icons are SVG (lucide-react).
 */
const ICON_LIKE =
  /[\p{Extended_Pictographic}\u2190\u2191\u2193-\u21FF\u2300-\u23FF\u25A0-\u27BF\u2B00-\u2BFF]|\uFE0F/u;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory()
      ? sourceFiles(join(dir, e.name))
      : /\.(tsx?|css|html)$/.test(e.name)
        ? [join(dir, e.name)]
        : [],
  );
}

describe('icons in the renderer', () => {
  it('tells an icon-like character from the text around it', () => {
    for (const c of ['📞', '🔒', '✓', '✕', '⚠', '☎', '✉', '↻', '▶', '⌫', '❌', '⭐', '\uFE0F'])
      expect(ICON_LIKE.test(c), c).toBe(true);
    for (const c of ['→', '₫', 'Đ', 'ạ', '·', '…', '—', '×', '“', '─', '%'])
      expect(ICON_LIKE.test(c), c).toBe(false);
  });

  it('uses no emoji or symbol character as an icon anywhere in src/renderer', () => {
    const files = sourceFiles(RENDERER);
    expect(files.length).toBeGreaterThan(100);
    const found = files.flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .flatMap((line, i) =>
          ICON_LIKE.test(line) ? [`${relative(RENDERER, file)}:${i + 1}: ${line.trim()}`] : [],
        ),
    );
    expect(found).toEqual([]);
  });
});
