import { describe, expect, it } from 'vitest';
import type { StatsReport } from '@/lib/data/stats';
import { answerKpi } from './answer-kpi';
import { en } from '@/lib/i18n/dictionaries/en';
import { id } from '@/lib/i18n/dictionaries/id';
import { makeTranslate } from '@/lib/i18n/translate';
import { STATS_TABLES, isStatsTable, statsCsv, statsCsvName } from './stats-csv';

const report: StatsReport = {
  daily: [{ day: '2026-11-01T00:00:00+07:00', counts: { emergency: 3, ghost: 1, prank: 0, info: 2 } }],
  sla: [{ stage: 'answer', targetSeconds: 10, samples: 4, withinShare: 0.756, p50: 6.4, p90: 12.5 }],
  answer: answerKpi(undefined),
  categories: [{ category: 'fire', incidents: 2, open: 1, closed: 1, cancelled: 0 }],
  kecamatan: [{ kecamatan: null, incidents: 1, p50OnScene: null, onSceneShare: null }],
  agencies: [
    { code: 'DPKP', name: '=cmd|"/c calc"!A1', assignments: 2, acknowledged: 2, declined: 0, completed: 1, p50Ack: 60.4, p90Ack: 90, ackShare: 1, p50OnScene: 600, p90OnScene: 800, onSceneShare: 0.5 },
  ],
  operators: [{ id: 'o1', name: 'Sari; "Op"', calls: 5, emergencies: 3, nuisance: 1, p50Answer: 4, p50Classify: 30, p50Record: 40, p50Close: 20, p50Total: 100, totalShare: 0.8 }],
};

describe('statsCsv', () => {
  const tId = makeTranslate(id);

  it('writes every table of /stats, one header and one line per row', () => {
    for (const table of STATS_TABLES) {
      const lines = statsCsv(report, table, 'rfc', tId).trimEnd().split('\r\n');
      expect(lines.length, table).toBe(2);
    }
  });

  it('gives durations in whole seconds and shares in whole percents, as the page rounds them', () => {
    expect(statsCsv(report, 'sla', 'rfc', tId)).toBe(
      'Tahap,Target (detik),Jumlah,Sesuai target (%),p50 (detik),p90 (detik)\r\n' + `${id['wall.stage.answer']},10,4,76,6,13\r\n`,
    );
  });

  it('writes an Excel file with BOM and semicolons, the agency name defused and quoted', () => {
    const doc = statsCsv(report, 'agencies', 'excel', tId);
    expect(doc.startsWith('\uFEFFKode;Nama;')).toBe(true);
    expect(doc.split('\r\n')[1]).toBe(`DPKP;"'=cmd|""/c calc""!A1";2;2;0;1;60;90;100;600;800;50`);
    expect(statsCsv(report, 'operators', 'excel', tId).split('\r\n')[1]).toBe('"Sari; ""Op""";5;3;1;4;30;40;20;100;80');
  });

  it('names days in WIB, categories and an unknown kecamatan in words, in English too', () => {
    const tEn = makeTranslate(en);
    expect(statsCsv(report, 'daily', 'rfc', tEn)).toBe(`Date (WIB),${en['callType.emergency']},${en['callType.ghost']},${en['callType.prank']},${en['callType.info']}\r\n2026-11-01,3,1,0,2\r\n`);
    expect(statsCsv(report, 'categories', 'rfc', tEn).split('\r\n')[1]).toBe(`${en['dispatch.category.fire']},2,1,1,0`);
    expect(statsCsv(report, 'kecamatan', 'rfc', tEn).split('\r\n')[1]).toBe(`${en['stats.kecamatan.unknown']},1,,`);
  });

  it('accepts only the known table names and names the file after the range', () => {
    expect(isStatsTable('agencies')).toBe(true);
    expect(isStatsTable('pg_user')).toBe(false);
    expect(isStatsTable(['sla'])).toBe(false);
    expect(statsCsvName('sla', { from: '2026-11-01', to: '2026-11-30' }, 'excel')).toBe('stats-sla_2026-11-01_2026-11-30_excel.csv');
  });
});
