import { describe, expect, it } from 'vitest';
import { makeTranslate } from '@/lib/i18n/translate';
import { en } from '@/lib/i18n/dictionaries/en';
import { id } from '@/lib/i18n/dictionaries/id';
import { WORKFLOW_ERROR_CODES, workflowErrorKey } from '@/lib/domain/workflow-errors';
import { toWriteResult, writeFailureMessage } from './write-result';
import { isRefusal } from '../domain/write-failure';

describe('toWriteResult', () => {
  it('passes the written row through', () => {
    expect(toWriteResult({ data: { id: 'a' }, error: null, status: 200 })).toEqual({ ok: true, data: { id: 'a' } });
  });

  it('keeps the refusal code of a workflow function (P0001) and of a statistics role check (42501)', () => {
    const stale = toWriteResult({ data: null, error: { code: 'P0001', message: 'stale_version' }, status: 400 });
    expect(stale).toEqual({ ok: false, failure: { kind: 'workflow', code: 'stale_version' } });
    const role = toWriteResult({ data: null, error: { code: '42501', message: 'forbidden_role' }, status: 403 });
    expect(role.ok === false && isRefusal(role.failure, 'forbidden_role')).toBe(true);
  });

  it('tells a request that got no answer from a server fault and from any other refusal', () => {
    expect(toWriteResult({ data: null, error: { message: 'fetch failed' }, status: 0 })).toEqual({
      ok: false,
      failure: { kind: 'network', detail: 'fetch failed' },
    });
    expect(toWriteResult({ data: null, error: { code: 'XX000', message: 'boom' }, status: 503 })).toEqual({
      ok: false,
      failure: { kind: 'server', status: 503, detail: 'boom' },
    });
    // An unknown P0001 message is not a workflow code: it must not be shown as one.
    expect(toWriteResult({ data: null, error: { code: 'P0001', message: 'DROP TABLE' }, status: 400 })).toEqual({
      ok: false,
      failure: { kind: 'other', status: 400, detail: 'DROP TABLE' },
    });
    expect(toWriteResult({ data: null, error: null, status: 204 }).ok).toBe(false);
  });
});

describe('writeFailureMessage', () => {
  it('has a message for every refusal code in both languages', () => {
    for (const dictionary of [id, en]) {
      const t = makeTranslate(dictionary);
      for (const code of WORKFLOW_ERROR_CODES) {
        expect(dictionary[workflowErrorKey(code)], code).toBeTruthy();
        expect(writeFailureMessage({ kind: 'workflow', code }, t)).toBe(dictionary[workflowErrorKey(code)]);
      }
    }
  });

  it('never falls back to English for an Indonesian user', () => {
    const t = makeTranslate(id);
    expect(writeFailureMessage({ kind: 'workflow', code: 'stale_version' }, t)).toMatch(/Muat ulang/);
    expect(writeFailureMessage({ kind: 'network', detail: 'x' }, t)).toMatch(/Server tidak menjawab/);
    expect(writeFailureMessage({ kind: 'server', status: 502, detail: 'x' }, t)).toContain('502');
    expect(writeFailureMessage({ kind: 'other', status: 400, detail: 'bad' }, makeTranslate(en))).toContain('bad');
  });
});
