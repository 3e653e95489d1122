import { describe, expect, it } from 'vitest';
import { checkTelephonySignature, SIGNATURE_WINDOW_SECONDS, telephonySignature } from './signature';

const secret = 'a-shared-secret';
const body = '{"event_id":"e1"}';
const now = 1_800_000_000;

function check(overrides: Partial<Parameters<typeof checkTelephonySignature>[0]> = {}) {
  const timestamp = String(now);
  return checkTelephonySignature({
    secret,
    timestamp,
    signature: telephonySignature(secret, timestamp, body),
    rawBody: body,
    nowSeconds: now,
    ...overrides,
  });
}

describe('checkTelephonySignature', () => {
  it('accepts the HMAC-SHA256 of "<timestamp>.<body>"', () => {
    expect(check()).toBe('ok');
  });

  it('is the standard HMAC (the value openssl computes)', () => {
    // printf '1.x' | openssl dgst -sha256 -hmac key
    expect(telephonySignature('key', '1', 'x')).toBe('sha256=fc4913c41a7bf793267e2a384f3261c9436ec2cd097bd745e7b0d99113f510ec');
  });

  it('refuses a missing header, a malformed timestamp, a wrong signature or another body', () => {
    expect(check({ signature: null })).toBe('missing');
    expect(check({ timestamp: null })).toBe('missing');
    expect(check({ timestamp: '17e8' })).toBe('bad_timestamp');
    expect(check({ signature: telephonySignature('other-secret', String(now), body) })).toBe('mismatch');
    expect(check({ rawBody: body + ' ' })).toBe('mismatch');
    expect(check({ signature: 'sha256=00' })).toBe('mismatch');
  });

  it('refuses a timestamp outside the replay window, either way', () => {
    const at = (offset: number) => {
      const timestamp = String(now + offset);
      return check({ timestamp, signature: telephonySignature(secret, timestamp, body) });
    };
    expect(at(SIGNATURE_WINDOW_SECONDS)).toBe('ok');
    expect(at(-SIGNATURE_WINDOW_SECONDS)).toBe('ok');
    expect(at(SIGNATURE_WINDOW_SECONDS + 1)).toBe('outside_window');
    expect(at(-SIGNATURE_WINDOW_SECONDS - 1)).toBe('outside_window');
  });
});
