/**
 * The absolute address of a page of the app for what is printed (lib/domain/public-link.ts decides):
 * PUBLIC_BASE_URL when configured, else the request's host when it names this machine.
 */
import 'server-only';
import os from 'node:os';
import { headers } from 'next/headers';
import { publicLink, type PublicLink } from '@/lib/domain/public-link';

function machineNames(): string[] {
  const addresses = Object.values(os.networkInterfaces()).flatMap((list) => (list ?? []).map((a) => a.address));
  return [os.hostname(), ...addresses];
}

export async function publicLinkTo(path: `/${string}`): Promise<PublicLink> {
  return publicLink(path, { configured: process.env.PUBLIC_BASE_URL, host: (await headers()).get('host'), machineNames: machineNames() });
}
