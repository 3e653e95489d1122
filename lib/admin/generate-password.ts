/**
 * A password generated for a new account or a reset, shown once to the administrator: 16 characters
 * from an alphabet without look-alikes (0/O, 1/l/I), so it can be read out over the phone. 16
 * characters of 55 symbols are about 92 bits, and it always passes the password policy.
 */
import { randomInt } from 'node:crypto';

const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';

export function generatePassword(length = 16): string {
  let out = '';
  for (let i = 0; i < length; i += 1) out += ALPHABET[randomInt(ALPHABET.length)];
  // Groups of four with dashes: easier to read and type.
  return out.replace(/(.{4})(?=.)/g, '$1-');
}
