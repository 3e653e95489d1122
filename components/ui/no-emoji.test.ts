/**
 * No emoji in the UI source (issue #12): a machine without an emoji font (the Debian wall PC, CI's
 * Chromium) draws them as empty boxes. Icons come from lucide-react; see CATEGORY_ICONS in
 * components/map/incident-layer-symbols.ts. Scans app/, components/ and lib/ (dictionaries
 * included), tests excluded. This file spells code points as escapes only.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const DIRS = ['app', 'components', 'lib'];
const SOURCE = /\.(tsx?|jsx?|mjs|cjs|css|json|md)$/;
const TEST = /\.test\.(tsx?|jsx?)$/;

/**
 * Emoji and pictographs: the Unicode Extended_Pictographic property, plus the symbol blocks of the
 * issue's search (Misc Symbols, Dingbats, Misc Technical, arrows/stars of Misc Symbols and Arrows)
 * and the emoji presentation selector and joiner. Plain arrows (U+2190..2193) and maths (U+2264)
 * stay allowed: every font has them.
 */
const EMOJI = /[\u{1F000}-\u{1FAFF}\u{2600}-\u{27BF}\u{2300}-\u{23FF}\u{2B00}-\u{2BFF}\u{FE0F}\u{200D}\u{20E3}]|\p{Extended_Pictographic}/u;

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules' && !entry.name.startsWith('.')) out.push(...sourceFiles(full));
    } else if (SOURCE.test(entry.name) && !TEST.test(entry.name)) {
      out.push(full);
    }
  }
  return out;
}

describe('no emoji in the UI source', () => {
  it('the pattern catches emoji and lets plain text through', () => {
    for (const c of ['\u{1F514}', '\u{1F515}', '\u{1F525}', '\u26A0', '\u2715', '\u23F1', '\u2696\uFE0F', '\u{1F6DF}', '\u2B50']) expect(EMOJI.test(c), c).toBe(true);
    for (const c of ['Suara aktif', '\u2190 Kembali', 'A \u2192 B', 'Total \u2264 3 menit', '\u00b7', '\u2014', 'Kec. Grogol']) expect(EMOJI.test(c), c).toBe(false);
  });

  it('app/, components/ and lib/ hold none', () => {
    const files = DIRS.flatMap((d) => sourceFiles(path.join(ROOT, d)));
    expect(files.length).toBeGreaterThan(50);
    const hits: string[] = [];
    for (const file of files) {
      readFileSync(file, 'utf8')
        .split('\n')
        .forEach((line, i) => {
          const m = line.match(EMOJI);
          if (m) hits.push(`${path.relative(ROOT, file)}:${i + 1}: U+${m[0].codePointAt(0)!.toString(16).toUpperCase()} ${line.trim()}`);
        });
    }
    expect(hits, 'use a lucide-react icon instead of an emoji').toEqual([]);
  });
});
