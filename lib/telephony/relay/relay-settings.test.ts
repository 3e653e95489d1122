import { describe, expect, it } from 'vitest';
import { relaySettings } from './relay-settings';

const good = {
  TELEPHONY_WEBHOOK_URL: 'https://dashboard.example/api/telephony/events',
  TELEPHONY_WEBHOOK_SECRET: 'a-long-enough-secret',
  C112_RELAY_TOKEN: 'a-long-enough-token',
};

describe('relaySettings', () => {
  it('reads the settings, with port 8112 unless told', () => {
    expect(relaySettings(good)).toEqual({ ok: true, settings: { ...good, C112_RELAY_PORT: 8112 } });
    expect(relaySettings({ ...good, C112_RELAY_PORT: '3324' })).toMatchObject({ ok: true, settings: { C112_RELAY_PORT: 3324 } });
  });

  it('names the variable that is missing or unusable', () => {
    const cases: Array<[string, string | undefined, string]> = [
      ['TELEPHONY_WEBHOOK_URL', undefined, 'TELEPHONY_WEBHOOK_URL'],
      ['TELEPHONY_WEBHOOK_URL', 'ftp://dashboard.example/', 'TELEPHONY_WEBHOOK_URL'],
      ['TELEPHONY_WEBHOOK_SECRET', 'short', 'TELEPHONY_WEBHOOK_SECRET: at least 16 characters'],
      ['C112_RELAY_TOKEN', 'has a space in it', 'C112_RELAY_TOKEN: 16-200 printable'],
      ['C112_RELAY_PORT', '70000', 'C112_RELAY_PORT'],
    ];
    for (const [name, value, message] of cases) {
      const result = relaySettings({ ...good, [name]: value });
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.message).toContain(message);
    }
  });
});
