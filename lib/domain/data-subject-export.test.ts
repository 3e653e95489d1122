import { describe, expect, it } from 'vitest';
import { dataSubjectCsv, dataSubjectRowCount, parseDataSubjectDocument } from './data-subject-export';

const DOC = {
  phone: '081234567890',
  generated_at: '2026-12-03T13:00:00+00:00',
  calls: [
    {
      id: 'c1', received_at: '2026-12-01T01:00:00+00:00', answered_at: null, ended_at: null, call_type: 'emergency',
      caller_phone: '0812-3456 7890', caller_name: 'Bu "Ani", RT 02', caller_lat: -6.01, caller_lng: 106.05,
      caller_accuracy_m: 20, incident_id: 'i1', notes: '=HYPERLINK("x")', pseudonymised_at: null,
    },
  ],
  incidents: [{ id: 'i1', ticket_no: '112-20261201-0001', status: 'closed', category: 'fire', reported_at: 't', address: null, kecamatan: 'Jombang', kelurahan: null, lat: -6, lng: 106, description: 'Api' }],
  blocks: [],
  callbacks: [],
  access: [{ id: 'a1', at: 't', actor_id: null, actor_role: 'supervisor', call_id: 'c1', incident_id: 'i1', screen: 'dispatch_drawer', reason: null }],
  requests: [],
};

describe('data-subject export', () => {
  it('reads the document data_subject_search answers and refuses anything else', () => {
    expect(parseDataSubjectDocument(DOC)).toEqual(DOC);
    expect(parseDataSubjectDocument({ ...DOC, calls: 'none' })).toBeNull();
    expect(parseDataSubjectDocument({ ...DOC, calls: [{ id: { nested: true } }] })).toBeNull();
    expect(parseDataSubjectDocument(null)).toBeNull();
  });

  it('writes one header row per section and one row per record, quoting and defusing as CSV must', () => {
    const doc = parseDataSubjectDocument(DOC)!;
    const lines = dataSubjectCsv(doc).split('\r\n');
    expect(lines[0]).toBe('phone,081234567890');
    expect(lines[2]).toBe(
      'section,id,received_at,answered_at,ended_at,call_type,caller_phone,caller_name,caller_lat,caller_lng,caller_accuracy_m,incident_id,notes,pseudonymised_at',
    );
    expect(lines[3]).toBe(
      `calls,c1,2026-12-01T01:00:00+00:00,,,emergency,0812-3456 7890,"Bu ""Ani"", RT 02",-6.01,106.05,20,i1,"'=HYPERLINK(""x"")",`,
    );
    expect(lines.filter((l) => l.startsWith('section,'))).toHaveLength(6);
    expect(lines.filter((l) => l.startsWith('access,'))).toEqual(['access,a1,t,,supervisor,c1,i1,dispatch_drawer,']);
    expect(dataSubjectRowCount(doc)).toBe(3);
  });
});
