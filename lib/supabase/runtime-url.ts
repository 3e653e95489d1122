/**
 * Where the browser finds the Supabase API. The server knows the API by its configured URL, often a
 * loopback address when the embedded stack runs on the same machine; a wall display or a phone that
 * opens the app from another machine must instead reach the API on the host it loaded the page from.
 * The configuration travels to the browser at request time (never inlined at build time) as JSON in
 * the content of the `<meta name=SUPABASE_CONFIG_META_NAME>` element in the document head.
 */

export interface SupabasePublicConfig {
  url: string;
  anonKey: string;
}

export const SUPABASE_CONFIG_META_NAME = 'supabase-config';

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '0.0.0.0', '[::1]', '::1', '[::]']);

function isLoopback(hostname: string): boolean {
  return LOOPBACK_HOSTS.has(hostname.toLowerCase());
}

/**
 * The API URL the browser should use: the configured one, unless it names this machine's loopback and
 * the page was loaded from another host name, in which case that host name with the configured
 * scheme, port and path.
 */
export function resolveBrowserSupabaseUrl(configuredUrl: string, pageHostname: string): string {
  const url = new URL(configuredUrl);
  if (pageHostname !== '' && isLoopback(url.hostname) && !isLoopback(pageHostname)) {
    // location.hostname brackets IPv6 literals; accept a bare one too.
    url.hostname = pageHostname.includes(':') && !pageHostname.startsWith('[') ? `[${pageHostname}]` : pageHostname;
  }
  return url.toString().replace(/\/+$/, '');
}
