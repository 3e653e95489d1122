import { describe, expect, it } from 'vitest';
import { checkNewAccountInput, checkProfileInput } from './account-input';

const AGENCY = '6f1d9c57-2b0e-4c7a-9f59-1d6a1bb0c0de';

describe('account forms', () => {
  it('accepts an OPD liaison with an agency and normalises the email', () => {
    expect(
      checkNewAccountInput({ fullName: ' Liaison ', role: 'opd', agencyId: AGENCY, extension: '', email: ' Lia@X.test ', password: '' }),
    ).toEqual({ ok: true, value: { fullName: 'Liaison', role: 'opd', agencyId: AGENCY, extension: null, email: 'lia@x.test', password: null } });
  });
  it('wants an agency for OPD and none for other roles', () => {
    expect(checkProfileInput({ fullName: 'A', role: 'opd', agencyId: '', extension: '' })).toEqual({
      ok: false,
      problems: { agencyId: 'agency_required' },
    });
    expect(checkProfileInput({ fullName: 'A', role: 'supervisor', agencyId: AGENCY, extension: '' })).toEqual({
      ok: false,
      problems: { agencyId: 'agency_not_allowed' },
    });
  });
  it('allows an extension for operators only, digits only', () => {
    expect(checkProfileInput({ fullName: 'A', role: 'operator', agencyId: '', extension: '103' }).ok).toBe(true);
    expect(checkProfileInput({ fullName: 'A', role: 'operator', agencyId: '', extension: '1a' })).toMatchObject({
      problems: { extension: 'invalid_extension' },
    });
    expect(checkProfileInput({ fullName: 'A', role: 'leadership', agencyId: '', extension: '103' })).toMatchObject({
      problems: { extension: 'extension_operator_only' },
    });
  });
  it('refuses a blank name, an unknown role, a bad email and a weak password', () => {
    const result = checkNewAccountInput({ fullName: ' ', role: 'root', agencyId: '', extension: '', email: 'x', password: 'x' });
    expect(result).toEqual({ ok: false, problems: { fullName: 'required', role: 'required', email: 'invalid_email' } });
    expect(
      checkNewAccountInput({ fullName: 'A', role: 'operator', agencyId: '', extension: '', email: 'a@x.test', password: 'password123' }),
    ).toEqual({ ok: false, problems: { password: 'common' } });
  });
});
