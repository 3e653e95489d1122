import { describe, expect, it } from 'vitest';
import { resolveBrowserSupabaseUrl } from './runtime-url';

describe('resolveBrowserSupabaseUrl', () => {
  it('keeps a loopback API URL when the page is opened on the same machine', () => {
    expect(resolveBrowserSupabaseUrl('http://127.0.0.1:54321', '127.0.0.1')).toBe('http://127.0.0.1:54321');
    expect(resolveBrowserSupabaseUrl('http://127.0.0.1:54321', 'localhost')).toBe('http://127.0.0.1:54321');
    expect(resolveBrowserSupabaseUrl('http://localhost:54321/', 'localhost')).toBe('http://localhost:54321');
  });

  it('uses the page host with the configured port when the page comes from another machine', () => {
    expect(resolveBrowserSupabaseUrl('http://127.0.0.1:54321', '192.168.1.20')).toBe('http://192.168.1.20:54321');
    expect(resolveBrowserSupabaseUrl('http://localhost:54321', 'wall-pc.local')).toBe('http://wall-pc.local:54321');
    expect(resolveBrowserSupabaseUrl('http://0.0.0.0:54321', '10.0.0.5')).toBe('http://10.0.0.5:54321');
  });

  it('keeps scheme and path when it swaps the host', () => {
    expect(resolveBrowserSupabaseUrl('https://localhost:8443/supabase', 'command.cilegon.go.id')).toBe(
      'https://command.cilegon.go.id:8443/supabase',
    );
  });

  it('brackets an IPv6 page host', () => {
    expect(resolveBrowserSupabaseUrl('http://127.0.0.1:54321', '[fd00::7]')).toBe('http://[fd00::7]:54321');
    expect(resolveBrowserSupabaseUrl('http://[::1]:54321', 'fd00::7')).toBe('http://[fd00::7]:54321');
  });

  it('leaves a non-loopback API URL alone', () => {
    expect(resolveBrowserSupabaseUrl('https://abcd.supabase.co', '192.168.1.20')).toBe('https://abcd.supabase.co');
    expect(resolveBrowserSupabaseUrl('http://10.0.0.2:54321', 'wall-pc.local')).toBe('http://10.0.0.2:54321');
  });

  it('keeps the configured URL when the page host is unknown', () => {
    expect(resolveBrowserSupabaseUrl('http://127.0.0.1:54321', '')).toBe('http://127.0.0.1:54321');
  });

  it('rejects a malformed configured URL', () => {
    expect(() => resolveBrowserSupabaseUrl('not a url', 'example.org')).toThrow();
  });
});
