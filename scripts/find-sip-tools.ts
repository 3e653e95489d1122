/**
 * Finds the SIP software of the telephony end-to-end test (e2e/telephony-sip.spec.ts): Kamailio with
 * its http_client module, and sipp. Missing software fails that test with this hint; it never
 * skips, so CI (.ci/run installs the packages) cannot pass without having run it.
 */
import { accessSync, constants, existsSync, readdirSync } from 'node:fs';
import path from 'node:path';

export const SIP_TOOLS_INSTALL_HINT =
  'The SIP end-to-end test needs Kamailio with its http_client module and sipp:\n' +
  '  sudo apt-get install -y kamailio kamailio-utils-modules sip-tester';

export interface SipTools {
  kamailio: string;
  sipp: string;
}

function onPath(name: string, env: Record<string, string | undefined>): string | undefined {
  for (const dir of (env.PATH ?? '').split(path.delimiter).concat('/usr/sbin', '/sbin')) {
    if (!dir) continue;
    const candidate = path.join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}

/** Debian puts modules under /usr/lib/<multiarch triplet>/kamailio/modules; builds from source elsewhere. */
function hasHttpClientModule(): boolean {
  const dirs = ['/usr/lib/kamailio/modules', '/usr/local/lib/kamailio/modules', '/usr/local/lib64/kamailio/modules', '/usr/lib64/kamailio/modules'];
  try {
    for (const entry of readdirSync('/usr/lib')) dirs.push(path.join('/usr/lib', entry, 'kamailio', 'modules'));
  } catch {
    // no /usr/lib: nothing more to look at
  }
  return dirs.some((dir) => existsSync(path.join(dir, 'http_client.so')));
}

/** The tools, or what is missing. */
export function findSipTools(env: Record<string, string | undefined> = process.env): SipTools | { missing: string[] } {
  const kamailio = onPath('kamailio', env);
  const sipp = onPath('sipp', env);
  const missing = [
    ...(kamailio ? [] : ['kamailio']),
    ...(kamailio && !hasHttpClientModule() ? ['kamailio http_client module (kamailio-utils-modules)'] : []),
    ...(sipp ? [] : ['sipp (sip-tester)']),
  ];
  return kamailio && sipp && !missing.length ? { kamailio, sipp } : { missing };
}
