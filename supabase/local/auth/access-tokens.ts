/**
 * The session response and access token of supabase/auth: an HS256 JWT whose claims PostgREST, Realtime
 * and `auth.uid()`/`auth.jwt()` read (`sub`, `role`, `aal`, `session_id`, the metadata, …).
 */
import { signJwt, type Claims } from '../jwt.ts';
import type { SessionInfo } from './sessions.ts';
import type { UserJson } from './users.ts';

export interface SessionResponse {
  access_token: string;
  token_type: 'bearer';
  expires_in: number;
  expires_at: number;
  refresh_token: string;
  user: UserJson;
}

export interface TokenSettings {
  jwtSecret: string;
  jwtExpiry: number;
  issuer: string;
}

export function accessTokenClaims(user: UserJson, session: SessionInfo, issuedAt: number, settings: TokenSettings): Claims {
  return {
    iss: settings.issuer,
    sub: user.id,
    aud: user.aud || 'authenticated',
    exp: issuedAt + settings.jwtExpiry,
    iat: issuedAt,
    email: user.email,
    phone: user.phone,
    app_metadata: user.app_metadata,
    user_metadata: user.user_metadata,
    role: user.role || 'authenticated',
    aal: session.aal,
    amr: [{ method: 'password', timestamp: session.createdAt }],
    session_id: session.id,
    is_anonymous: user.is_anonymous,
  };
}

export async function sessionResponse(
  user: UserJson,
  session: SessionInfo,
  refreshToken: string,
  settings: TokenSettings,
): Promise<SessionResponse> {
  const issuedAt = Math.floor(Date.now() / 1000);
  const claims = accessTokenClaims(user, session, issuedAt, settings);
  return {
    access_token: await signJwt(claims, settings.jwtSecret),
    token_type: 'bearer',
    expires_in: settings.jwtExpiry,
    expires_at: issuedAt + settings.jwtExpiry,
    refresh_token: refreshToken,
    user,
  };
}
