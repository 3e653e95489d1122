/**
 * The password policy for accounts the administrator creates or resets (issue #13): at least
 * PASSWORD_MIN_LENGTH characters (the embedded stack's auth refuses shorter ones with 422
 * `weak_password`, as supabase/auth does with GOTRUE_PASSWORD_MIN_LENGTH), at most 72 bytes (bcrypt's
 * limit, refused by supabase/auth), not the account's email or its name part, and not one of the
 * passwords people pick first. Pure: the console and `npm run admin:create` both use it.
 */

export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_BYTES = 72;

export type PasswordProblem = 'too_short' | 'too_long' | 'is_email' | 'common';

/**
 * The first passwords people choose (the top of the public breach-corpus rankings) and the obvious
 * local ones; compared case-insensitively after removing everything but letters and digits.
 */
const COMMON = new Set(
  [
    '12345678', '123456789', '1234567890', '11111111', '00000000', '87654321', '12341234', '11223344',
    'password', 'password1', 'password12', 'password123', 'passw0rd', 'p4ssw0rd', 'qwerty123', 'qwertyuiop',
    'iloveyou', 'sunshine', 'princess', 'football', 'baseball', 'welcome1', 'welcome123', 'admin123',
    'administrator', 'letmein1', 'abc12345', 'abcd1234', 'asdfghjkl', 'superman', 'trustno1', 'changeme',
    'katasandi', 'katasandi1', 'katasandi123', 'rahasia123', 'bismillah', 'indonesia', 'indonesia1',
    'cilegon112', 'cilegon123', 'operator112', 'admin112', 'command112', 'commandcenter', 'darurat112',
  ].map(normalise),
);

function normalise(value: string): string {
  return value.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** Every rule the password breaks, in a fixed order; empty when it is acceptable. */
export function passwordProblems(password: string, email: string): PasswordProblem[] {
  const problems: PasswordProblem[] = [];
  if ([...password].length < PASSWORD_MIN_LENGTH) problems.push('too_short');
  if (new TextEncoder().encode(password).length > PASSWORD_MAX_BYTES) problems.push('too_long');
  const address = email.trim().toLowerCase();
  const localPart = address.split('@')[0] ?? '';
  const lowered = password.trim().toLowerCase();
  if (address !== '' && (lowered === address || (localPart.length >= 3 && normalise(lowered) === normalise(localPart)))) {
    problems.push('is_email');
  }
  if (COMMON.has(normalise(password))) problems.push('common');
  return problems;
}
