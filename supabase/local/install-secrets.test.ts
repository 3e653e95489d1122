import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { configFromEnv, DEMO_JWT_SECRET, DEMO_SERVICE_ROLE_KEY } from './config.ts';
import { loadOrCreateInstallSecrets, withInstallSecrets } from './install-secrets.ts';
import { verifyJwt } from './jwt.ts';

const tempDir = () => mkdtempSync(path.join(os.tmpdir(), 'cilegon112-secrets-'));

describe('installation secrets', () => {
  it('makes a random secret and keys signed with it, readable by the owner only, once', async () => {
    const file = path.join(tempDir(), 'secrets.json');
    const first = await loadOrCreateInstallSecrets(file);
    expect(first.created).toBe(true);
    expect(first.secrets.jwtSecret).not.toBe(DEMO_JWT_SECRET);
    expect(first.secrets.jwtSecret.length).toBeGreaterThanOrEqual(48);
    expect((await verifyJwt(first.secrets.serviceRoleKey, first.secrets.jwtSecret)).role).toBe('service_role');
    expect((await verifyJwt(first.secrets.anonKey, first.secrets.jwtSecret)).role).toBe('anon');
    await expect(verifyJwt(DEMO_SERVICE_ROLE_KEY, first.secrets.jwtSecret)).rejects.toThrow();
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const again = await loadOrCreateInstallSecrets(file);
    expect(again).toEqual({ secrets: first.secrets, created: false });
  });

  it('two installations never share a secret', async () => {
    const a = await loadOrCreateInstallSecrets(path.join(tempDir(), 's.json'));
    const b = await loadOrCreateInstallSecrets(path.join(tempDir(), 's.json'));
    expect(a.secrets.jwtSecret).not.toBe(b.secrets.jwtSecret);
  });

  it('refuses a damaged file rather than silently making new keys', async () => {
    const file = path.join(tempDir(), 'secrets.json');
    writeFileSync(file, JSON.stringify({ jwtSecret: 'short' }));
    await expect(loadOrCreateInstallSecrets(file)).rejects.toThrow(/not a valid secrets file/);
    expect(readFileSync(file, 'utf8')).toContain('short');
  });

  it('keeps the well-known keys only when asked for, or when keys come from the environment', async () => {
    const root = tempDir();
    const demo = configFromEnv({}, root);
    expect((await withInstallSecrets(demo, root, { STACK_KEYS: 'demo' })).config.jwtSecret).toBe(DEMO_JWT_SECRET);
    expect((await withInstallSecrets(demo, root, { JWT_SECRET: 'x'.repeat(40) })).file).toBeNull();
    const own = await withInstallSecrets(demo, root, {});
    expect(own.config.jwtSecret).not.toBe(DEMO_JWT_SECRET);
    expect(own.file).toBe(path.join(root, '.data', 'secrets.json'));
  });
});
