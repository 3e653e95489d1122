import { describe, expect, it } from 'vitest';
import { emptyDraft, parseDraft, patchDraft } from './call-draft';

describe('drafts', () => {
  it('round-trip through storage text', () => {
    const draft = emptyDraft('key-1');
    draft.callerPhone = '0812';
    draft.emergency.category = 'medical';
    draft.emergency.description = 'Sesak napas';
    expect(parseDraft('key-1', JSON.stringify(draft))).toEqual(draft);
  });

  it('keep what is readable from a damaged draft', () => {
    expect(parseDraft('k', null)).toEqual(emptyDraft('k'));
    expect(parseDraft('k', 'not json')).toEqual(emptyDraft('k'));
    expect(parseDraft('k', '"a string"')).toEqual(emptyDraft('k'));
    const parsed = parseDraft('k', JSON.stringify({ callerName: 'Ani', emergency: { category: 'volcano', priority: 7, description: 'x' } }));
    expect(parsed.callerName).toBe('Ani');
    expect(parsed.callerPhone).toBe('');
    expect(parsed.emergency).toEqual({ ...emptyDraft('k').emergency, category: '', priority: 'medium', description: 'x' });
    expect(parseDraft('k', JSON.stringify({ infoNote: 'Jam besuk', emergency: 'broken', kecamatan: 'Atlantis' }))).toEqual({
      ...emptyDraft('k'),
      infoNote: 'Jam besuk',
    });
  });

  it('belong to the call they are read for, whatever key the text names', () => {
    expect(parseDraft('mine', JSON.stringify({ ...emptyDraft('other'), callerName: 'Budi' }))).toEqual({ ...emptyDraft('mine'), callerName: 'Budi' });
  });
});

describe('patchDraft', () => {
  it('changes the named fields and keeps the rest of the emergency report', () => {
    const draft = patchDraft(emptyDraft('k'), { emergency: { category: 'fire', description: 'Asap' } });
    const next = patchDraft(draft, { callerPhone: '0812', emergency: { kecamatan: 'Grogol' } });
    expect(next).toEqual({
      ...emptyDraft('k'),
      callerPhone: '0812',
      emergency: { ...emptyDraft('k').emergency, category: 'fire', description: 'Asap', kecamatan: 'Grogol' },
    });
    expect(draft.callerPhone).toBe('');
  });
});
