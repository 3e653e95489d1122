import { describe, expect, it } from 'vitest';
import { parseSimArgs } from './options';

const defaults = { appUrl: 'http://127.0.0.1:3000', supabaseUrl: 'http://127.0.0.1:54321', anonKey: 'a'.repeat(40), serviceRoleKey: 's'.repeat(40), webhookSecret: 'x' };

describe('parseSimArgs', () => {
  it('takes the options and fills the rest from the defaults', () => {
    const r = parseSimArgs(['--rate', '5', '--duration', '600', '--speed', '60', '--operators', '20', '--seed', '7', '--quiet'], defaults);
    expect(r.ok && r.options).toMatchObject({ rate: 5, duration: 600, speed: 60, operators: 20, supervisors: 2, seed: 7, quiet: true, appUrl: defaults.appUrl });
  });

  it('names the bad option and refuses unknown ones', () => {
    expect(parseSimArgs(['--rate', '-1'], defaults)).toMatchObject({ ok: false, message: expect.stringContaining('--rate') });
    expect(parseSimArgs(['--operators', '2.5'], defaults)).toMatchObject({ ok: false, message: expect.stringContaining('--operators') });
    expect(parseSimArgs(['--app-url', 'ftp://x'], defaults)).toMatchObject({ ok: false, message: expect.stringContaining('--app-url') });
    expect(parseSimArgs(['--rat', '1'], defaults)).toMatchObject({ ok: false });
    expect(parseSimArgs([], { ...defaults, webhookSecret: undefined })).toMatchObject({ ok: false, message: expect.stringContaining('--webhook-secret') });
  });
});
