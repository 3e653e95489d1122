/**
 * The absolute address a printed page links back to (the official report's QR code and link to
 * /incidents/[id]). A paper that points elsewhere sends its reader to another site, so the Host
 * header of the request is not taken on trust: the configured PUBLIC_BASE_URL wins; without it only
 * a host that names this machine (loopback, the machine's own names and addresses, as `npm start`
 * prints them for wall PCs and phones) is used; any other host leaves the link relative, printed as
 * a path without a QR code.
 */

/** The origin of a configured base URL (http or https, no credentials, query or fragment), else null. */
export function configuredOrigin(value: string | undefined): string | null {
  if (!value) return null;
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (url.username || url.password || url.search || url.hash) return null;
  // A base path is kept (an app behind a reverse proxy at /112); a trailing slash is not doubled.
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

const LOOPBACK_V4 = /^127\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){2}$/;
const HOST = /^(\[[0-9a-f:.]{2,45}\]|[a-z0-9.-]{1,253})(:[0-9]{1,5})?$/i;

/** `host[:port]` of the request when it names this machine, else null. */
export function trustedHost(host: string | null | undefined, machineNames: readonly string[]): string | null {
  if (!host || !HOST.test(host)) return null;
  const port = /:([0-9]{1,5})$/.exec(host)?.[1];
  if (port !== undefined && (Number(port) < 1 || Number(port) > 65535)) return null;
  const name = (port === undefined ? host : host.slice(0, -(port.length + 1))).toLowerCase().replace(/^\[(.*)\]$/, '$1');
  const known = name === 'localhost' || name === '::1' || LOOPBACK_V4.test(name) || machineNames.some((m) => m.toLowerCase() === name);
  return known ? host.toLowerCase() : null;
}

export interface PublicLink {
  href: string;
  absolute: boolean;
}

/** The address of a path of the app (starting with "/") for a printed page. */
export function publicLink(path: `/${string}`, options: { configured?: string; host?: string | null; machineNames: readonly string[] }): PublicLink {
  const origin = configuredOrigin(options.configured);
  if (origin) return { href: `${origin}${path}`, absolute: true };
  const host = trustedHost(options.host, options.machineNames);
  // The center's own server speaks plain http on the LAN (npm start); https needs PUBLIC_BASE_URL.
  if (host) return { href: `http://${host}${path}`, absolute: true };
  return { href: path, absolute: false };
}
