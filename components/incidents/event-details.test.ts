import { describe, expect, it } from 'vitest';
import type { Agency, IncidentEvent } from '@/lib/data/dispatch';
import { en } from '@/lib/i18n/dictionaries/en';
import { id } from '@/lib/i18n/dictionaries/id';
import { makeTranslate } from '@/lib/i18n/translate';
import { describeEvent } from './event-details';

const DPKP: Agency = {
  id: 'a1',
  code: 'DPKP',
  name: 'Dinas Pemadam Kebakaran',
  kind: 'fire',
  version: 1,
  color: null,
  phone: null,
  active: true,
  created_at: '2026-11-28T00:00:00Z',
  updated_at: '2026-11-28T00:00:00Z',
};
const agencies = new Map([[DPKP.id, DPKP]]);

function event(kind: IncidentEvent['kind'], data: IncidentEvent['data']): IncidentEvent {
  return { id: 1, kind, data, at: '2026-11-28T10:00:00Z', actor_id: null, assignment_id: null, call_id: null, incident_id: 'i1' };
}

describe('describeEvent', () => {
  it('translates the call type instead of showing the enum value', () => {
    expect(describeEvent(event('call_classified', { call_type: 'emergency', previous: null }), agencies, makeTranslate(id)).note).toBe('Darurat');
    expect(describeEvent(event('call_classified', { call_type: 'info' }), agencies, makeTranslate(en)).note).toBe('Information');
  });

  it('words a forced close instead of printing "force"', () => {
    const d = describeEvent(event('closed', { forced: true, withdrawn_assignments: 1 }), agencies, makeTranslate(en));
    expect(d.title).toBe(en['dispatch.event.closed']);
    expect(d.note).toBe('closed before every agency finished');
    expect(describeEvent(event('closed', { forced: false }), agencies, makeTranslate(en)).note).toBeNull();
  });

  it('names the agencies by code and keeps the free text of a reason', () => {
    const d = describeEvent(event('declined', { agency_id: 'a1', reason: 'Unit sedang di lokasi lain' }), agencies, makeTranslate(id));
    expect(d.agencies).toEqual(['DPKP']);
    expect(d.note).toBe('Unit sedang di lokasi lain');
    expect(describeEvent(event('dispatched', { agency_ids: ['a1', 'b2345678-9'] }), agencies, makeTranslate(id)).agencies).toEqual(['DPKP', 'b2345678']);
  });

  it('ignores a call type the schema does not know', () => {
    expect(describeEvent(event('call_classified', { call_type: 'unknown' }), agencies, makeTranslate(id)).note).toBeNull();
  });

  it('words a major incident ended with its ticket, keeps a supervisor\'s own reason', () => {
    expect(describeEvent(event('major_ended', { major_incident_id: 'm1', reason: 'incident_closed' }), agencies, makeTranslate(id)).note).toBe('karena tiket ditutup');
    expect(describeEvent(event('major_ended', { major_incident_id: 'm1', reason: 'incident_cancelled' }), agencies, makeTranslate(en)).note).toBe('because the ticket was cancelled');
    expect(describeEvent(event('major_ended', { reason: 'Api sudah padam' }), agencies, makeTranslate(id)).note).toBe('Api sudah padam');
  });
});
