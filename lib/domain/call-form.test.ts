import { describe, expect, it } from 'vitest';
import {
  commandForKey,
  emptyDraft,
  formatCoordinates,
  newCallKey,
  normalisePhone,
  parseCoordinates,
  parseDraft,
  shiftStart,
  summariseCallerHistory,
  validateEmergency,
  validateInfoNote,
  type EmergencyDraft,
  type KeyInput,
} from './call-form';

const key = (k: string, extra: Partial<KeyInput> = {}): KeyInput => ({
  key: k,
  altKey: false,
  ctrlKey: false,
  metaKey: false,
  inTextField: false,
  ...extra,
});

describe('commandForKey', () => {
  it('classifies with one key outside text fields, in either case', () => {
    expect(commandForKey(key('p'))).toEqual({ kind: 'classify', callType: 'prank' });
    expect(commandForKey(key('G'))).toEqual({ kind: 'classify', callType: 'ghost' });
    expect(commandForKey(key('i'))).toEqual({ kind: 'classify', callType: 'info' });
    expect(commandForKey(key('d'))).toEqual({ kind: 'classify', callType: 'emergency' });
    expect(commandForKey(key('n'))).toEqual({ kind: 'new_call' });
    expect(commandForKey(key('x'))).toBeNull();
    // Digits are a phone number typed before focusing its field, never a command.
    for (const digit of '0123456789') expect(commandForKey(key(digit))).toBeNull();
  });

  it('never fires while typing, unless Alt is held; leaves Ctrl/Meta shortcuts alone', () => {
    expect(commandForKey(key('p', { inTextField: true }))).toBeNull();
    expect(commandForKey(key('p', { inTextField: true, altKey: true }))).toEqual({ kind: 'classify', callType: 'prank' });
    expect(commandForKey(key('p', { ctrlKey: true }))).toBeNull();
    expect(commandForKey(key('n', { metaKey: true }))).toBeNull();
  });
});

describe('coordinates', () => {
  it('reads lat, lng in the usual forms and swaps a lng, lat pair', () => {
    expect(parseCoordinates('-6.012345, 106.045678')).toEqual({ lat: -6.012345, lng: 106.045678 });
    expect(parseCoordinates('  -6.01 106.05 ')).toEqual({ lat: -6.01, lng: 106.05 });
    expect(parseCoordinates('-6.01;106.05')).toEqual({ lat: -6.01, lng: 106.05 });
    expect(parseCoordinates('106.05, -6.01')).toEqual({ lat: -6.01, lng: 106.05 });
  });

  it('refuses what is not a pair of numbers', () => {
    for (const bad of ['', '-6.01', 'a, b', '-6,01, 106,05', '-6.01, 106.05, 3', '200, 300']) {
      expect(parseCoordinates(bad), bad).toBeNull();
    }
  });

  it('formats a point so that it reads back the same', () => {
    const text = formatCoordinates({ lat: -6.0123456, lng: 106.0456789 });
    expect(text).toBe('-6.012346, 106.045679');
    expect(parseCoordinates(text)).toEqual({ lat: -6.012346, lng: 106.045679 });
  });
});

describe('validateEmergency', () => {
  const good: EmergencyDraft = {
    category: 'fire',
    priority: 'high',
    description: '  Rumah terbakar  ',
    address: ' Jl. Ahmad Yani 10 ',
    kecamatan: 'Jombang',
    kelurahan: 'Masigit',
    coordinates: '-6.005, 106.05',
  };

  it('accepts a complete report and trims it', () => {
    expect(validateEmergency(good)).toEqual({
      ok: true,
      value: {
        category: 'fire',
        priority: 'high',
        description: 'Rumah terbakar',
        address: 'Jl. Ahmad Yani 10',
        kecamatan: 'Jombang',
        kelurahan: 'Masigit',
        lat: -6.005,
        lng: 106.05,
      },
    });
  });

  it('turns empty optional fields into null', () => {
    const result = validateEmergency({ ...good, address: ' ', kecamatan: '', kelurahan: '' });
    expect(result.ok && result.value).toMatchObject({ address: null, kecamatan: null, kelurahan: null });
  });

  it('names every missing or wrong field at once', () => {
    expect(validateEmergency(emptyDraft('k').emergency)).toEqual({
      ok: false,
      problems: { category: 'required', description: 'required', coordinates: 'required' },
    });
    expect(validateEmergency({ ...good, coordinates: 'dekat pasar' })).toEqual({ ok: false, problems: { coordinates: 'invalid' } });
    expect(validateEmergency({ ...good, coordinates: '-6.2, 106.8' })).toEqual({ ok: false, problems: { coordinates: 'out_of_area' } });
    expect(validateEmergency({ ...good, kelurahan: 'Suralaya' })).toEqual({ ok: false, problems: { kelurahan: 'wrong_kecamatan' } });
    expect(validateEmergency({ ...good, description: 'x'.repeat(2001) })).toEqual({ ok: false, problems: { description: 'too_long' } });
  });
});

describe('small fields', () => {
  it('requires an answer note for an info call', () => {
    expect(validateInfoNote('  ')).toEqual({ ok: false, problem: 'required' });
    expect(validateInfoNote(' Jam buka RSUD ')).toEqual({ ok: true, value: 'Jam buka RSUD' });
  });

  it('accepts phone numbers the database accepts', () => {
    expect(normalisePhone('')).toEqual({ ok: true, value: null });
    expect(normalisePhone(' +62 812-3456-7890 ')).toEqual({ ok: true, value: '+62 812-3456-7890' });
    expect(normalisePhone('0812abc')).toEqual({ ok: false });
  });
});

describe('drafts', () => {
  it('round-trip through storage text', () => {
    const draft = emptyDraft('key-1');
    draft.callerPhone = '0812';
    draft.emergency.category = 'medical';
    draft.emergency.description = 'Sesak napas';
    expect(parseDraft('key-1', JSON.stringify(draft))).toEqual(draft);
  });

  it('keep what is readable from a damaged draft', () => {
    expect(parseDraft('k', 'not json')).toEqual(emptyDraft('k'));
    const parsed = parseDraft('k', JSON.stringify({ callerName: 'Ani', emergency: { category: 'volcano', priority: 7, description: 'x' } }));
    expect(parsed.callerName).toBe('Ani');
    expect(parsed.emergency).toMatchObject({ category: '', priority: 'medium', description: 'x' });
  });
});

describe('summariseCallerHistory', () => {
  it('counts per type and flags repeat nuisance numbers', () => {
    expect(summariseCallerHistory([])).toMatchObject({ total: 0, nuisance: false });
    const h = summariseCallerHistory([
      { call_type: 'prank', calls: 1 },
      { call_type: 'ghost', calls: 1 },
      { call_type: 'emergency', calls: 2 },
    ]);
    expect(h).toEqual({ total: 4, prank: 1, ghost: 1, info: 0, emergency: 2, nuisance: true });
    expect(summariseCallerHistory([{ call_type: 'prank', calls: 1 }]).nuisance).toBe(false);
  });
});

describe('shiftStart', () => {
  // WIB = UTC+7: 07:00 WIB is 00:00 UTC, 19:00 WIB is 12:00 UTC.
  it('finds the 07:00 or 19:00 WIB shift change before a moment', () => {
    expect(new Date(shiftStart(Date.parse('2026-11-28T05:30:00Z'))).toISOString()).toBe('2026-11-28T00:00:00.000Z');
    expect(new Date(shiftStart(Date.parse('2026-11-28T12:00:00Z'))).toISOString()).toBe('2026-11-28T12:00:00.000Z');
    expect(new Date(shiftStart(Date.parse('2026-11-28T23:59:00Z'))).toISOString()).toBe('2026-11-28T12:00:00.000Z');
    // 03:00 WIB on the 29th belongs to the night shift that began at 19:00 WIB on the 28th.
    expect(new Date(shiftStart(Date.parse('2026-11-28T20:00:00Z'))).toISOString()).toBe('2026-11-28T12:00:00.000Z');
    expect(new Date(shiftStart(Date.parse('2026-11-28T23:59:59Z') + 1000)).toISOString()).toBe('2026-11-29T00:00:00.000Z');
  });
});

describe('newCallKey', () => {
  it('makes version 4 UUIDs the database accepts, different each time', () => {
    const a = newCallKey();
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(newCallKey()).not.toBe(a);
    expect(newCallKey((bytes) => bytes.fill(0xff))).toBe('ffffffff-ffff-4fff-bfff-ffffffffffff');
  });
});
