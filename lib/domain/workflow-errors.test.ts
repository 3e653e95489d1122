import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { WORKFLOW_ERROR_CODES, workflowErrorCode } from './workflow-errors';

const migrationsDir = path.resolve(import.meta.dirname, '../../supabase/migrations');

/** Every code the SQL raises: private.fail('<code>', …), require_text(…, '<code>', …) and message = '<code>'. */
function codesRaisedBySql(): Set<string> {
  const codes = new Set<string>();
  for (const file of readdirSync(migrationsDir).filter((f) => f.endsWith('.sql'))) {
    const sql = readFileSync(path.join(migrationsDir, file), 'utf8');
    for (const m of sql.matchAll(/private\.fail\('([a-z_]+)'/g)) codes.add(m[1]);
    for (const m of sql.matchAll(/require_text\([^,]+,\s*'([a-z_]+)'/g)) codes.add(m[1]);
    for (const m of sql.matchAll(/message = '([a-z_]+)'/g)) codes.add(m[1]);
  }
  return codes;
}

describe('workflow error codes', () => {
  it('match exactly the codes the migrations raise', () => {
    expect([...codesRaisedBySql()].sort()).toEqual([...WORKFLOW_ERROR_CODES].sort());
  });
  it('are read from PostgREST errors with SQLSTATE P0001 or 42501 only', () => {
    expect(workflowErrorCode({ code: 'P0001', message: 'stale_version' })).toBe('stale_version');
    expect(workflowErrorCode({ code: '42501', message: 'forbidden_role' })).toBe('forbidden_role');
    expect(workflowErrorCode({ code: 'P0001', message: 'something else' })).toBeUndefined();
    expect(workflowErrorCode({ code: '42501', message: 'permission denied for table calls' })).toBeUndefined();
    expect(workflowErrorCode({ code: '23505', message: 'stale_version' })).toBeUndefined();
    expect(workflowErrorCode(null)).toBeUndefined();
  });
});
