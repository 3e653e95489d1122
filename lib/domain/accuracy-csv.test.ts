import { describe, expect, it } from 'vitest';
import type { Coverage, DispatchAccuracy } from '@/lib/data/dispatch-accuracy';
import { id } from '@/lib/i18n/dictionaries/id';
import { makeTranslate } from '@/lib/i18n/translate';
import { accuracyCsv, accuracyCsvName, coverageCsv, isAccuracyTable } from './accuracy-csv';
import { coverageByKind, KELURAHAN_AREAS } from './coverage';

const t = makeTranslate(id);

const rows: DispatchAccuracy[] = [
  {
    category: 'fire', answered: 10, right: 6, unneeded: 3, missing: 1, rightShare: 0.6, unneededShare: 0.3, missingShare: 0.1,
    topUnneeded: { agency: { id: 'a', code: 'PSC119', name: 'PSC 119' }, times: 3 }, topMissing: null,
  },
];

describe('accuracyCsv', () => {
  it('writes one line per category with counts, whole percents and the agencies by code and name', () => {
    const lines = accuracyCsv(rows, 'rfc', t).trimEnd().split('\r\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toBe('Kebakaran,10,6,3,1,60,30,10,PSC119 PSC 119,3,,');
  });
});

describe('coverageCsv', () => {
  it('writes one line per kind, marked as an estimate', () => {
    const coverage: Coverage = { posts: [], kinds: coverageByKind(KELURAHAN_AREAS, [{ kind: 'fire', lat: -6.0, lng: 106.03 }]) };
    const lines = coverageCsv(coverage, 'rfc', t).trimEnd().split('\r\n');
    expect(lines).toHaveLength(2);
    const cells = lines[1].split(',');
    expect(cells[0]).toBe('Pemadam kebakaran');
    expect(cells[1]).toBe('1');
    expect(cells[3]).toBe('43');
    expect(cells[5]).toBe('434896');
    expect(lines[1]).toContain('Perkiraan garis lurus × faktor jalan');
  });
});

describe('names', () => {
  it('knows its tables and names files like the other exports', () => {
    expect(isAccuracyTable('coverage')).toBe(true);
    expect(isAccuracyTable('operators')).toBe(false);
    expect(accuracyCsvName('accuracy', { from: '2026-11-01', to: '2026-11-30' }, 'excel')).toBe('stats-accuracy_2026-11-01_2026-11-30_excel.csv');
  });
});
