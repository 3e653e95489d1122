import { describe, expect, it } from 'vitest';
import { AUDIT_CSV_HEADER, auditCsvLine, wibTimestamp } from './audit-csv';

describe('audit CSV', () => {
  it('writes times in WIB with the offset, across midnight UTC', () => {
    expect(wibTimestamp('2026-11-19T20:30:00.5+00:00')).toBe('2026-11-20 03:30:00.500+07:00');
  });
  it('writes one line per event with the details as JSON', () => {
    expect(AUDIT_CSV_HEADER).toBe('time_wib,source,kind,actor_name,actor_id,ticket_no,target,details\r\n');
    expect(
      auditCsvLine({
        at: '2026-11-20T03:00:00Z',
        source: 'admin',
        kind: 'account.changed',
        actor_id: null,
        actor_name: null,
        ticket_no: null,
        target: 'profiles:1',
        details: { before: { role: 'operator' } },
      }),
    ).toBe('2026-11-20 10:00:00.000+07:00,admin,account.changed,,,,profiles:1,"{""before"":{""role"":""operator""}}"\r\n');
  });
});
