/**
 * Verified JWT claims by token, so a dashboard polling with one session pays for the HMAC check
 * once. Expiry is still checked on every use.
 */
import { JwtError, verifyJwt, type Claims } from '../jwt.ts';
import { RestError } from './errors.ts';

const MAX_ENTRIES = 1000;

export class ClaimsCache {
  private readonly entries = new Map<string, Claims>();
  constructor(private readonly secret: string) {}

  async verify(token: string): Promise<Claims> {
    const cached = this.entries.get(token);
    if (cached) {
      if (typeof cached.exp !== 'number' || cached.exp * 1000 > Date.now()) return cached;
      this.entries.delete(token);
      throw new RestError(401, 'PGRST301', 'JWT expired');
    }
    let claims: Claims;
    try {
      claims = await verifyJwt(token, this.secret);
    } catch (err) {
      if (err instanceof JwtError) throw new RestError(401, 'PGRST301', err.message);
      throw err;
    }
    if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value as string);
    this.entries.set(token, claims);
    return claims;
  }
}
