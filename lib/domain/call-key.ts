/** The idempotency key of a call: minted once per "Panggilan baru", sent with every start_call retry. */

/**
 * A random (v4) UUID. crypto.randomUUID exists only in secure contexts, and consoles on other PCs
 * may open the app over plain http on the local network; getRandomValues works everywhere.
 */
export function newCallKey(random: (bytes: Uint8Array<ArrayBuffer>) => Uint8Array = (b) => crypto.getRandomValues(b)): string {
  const b = random(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const hex = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
