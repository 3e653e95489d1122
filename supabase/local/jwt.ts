/**
 * JSON Web Tokens as supabase/auth issues them and PostgREST checks them: HS256 with the project's
 * secret. Anything else (another secret, `alg: none`, expired) is refused.
 */
import { SignJWT, jwtVerify, errors } from 'jose';

export type Claims = Record<string, unknown> & { role?: string; sub?: string; exp?: number };

export class JwtError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'JwtError';
  }
}

export async function verifyJwt(token: string, secret: string): Promise<Claims> {
  try {
    const { payload } = await jwtVerify(token, new TextEncoder().encode(secret), { algorithms: ['HS256'] });
    return payload as Claims;
  } catch (err) {
    if (err instanceof errors.JWTExpired) throw new JwtError('JWT expired');
    throw new JwtError('JWT could not be decoded or its signature is invalid');
  }
}

export async function signJwt(claims: Claims, secret: string): Promise<string> {
  return new SignJWT(claims).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).sign(new TextEncoder().encode(secret));
}
