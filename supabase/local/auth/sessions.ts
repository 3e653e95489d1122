/**
 * Sessions and rotating refresh tokens (auth.sessions, auth.refresh_tokens), as supabase/auth keeps
 * them: each refresh revokes the presented token and issues a child (`parent` = the old token). A revoked
 * token presented again within the reuse interval gets the session's current token back (two tabs or a
 * server render and the browser refreshing at once); later, it is treated as theft and ends the session.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { Queryable } from '../db/database.ts';

/** supabase/auth's default GOTRUE_SECURITY_REFRESH_TOKEN_REUSE_INTERVAL, in seconds. */
export const DEFAULT_REUSE_INTERVAL = 10;

export interface SessionInfo {
  id: string;
  userId: string;
  aal: string;
  /** Seconds since the epoch: the time of the sign-in, for the `amr` claim. */
  createdAt: number;
}

export interface IssuedSession {
  session: SessionInfo;
  refreshToken: string;
}

/** Opaque, unguessable; supabase/auth accepts any token of 12 characters or more. */
function newRefreshToken(): string {
  return randomBytes(18).toString('base64url');
}

interface SessionRow {
  id: string;
  user_id: string;
  aal: string | null;
  created_epoch: number | string;
}

function toSession(row: SessionRow): SessionInfo {
  return { id: row.id, userId: row.user_id, aal: row.aal ?? 'aal1', createdAt: Math.floor(Number(row.created_epoch)) };
}

const SESSION_COLUMNS = `s.id, s.user_id, s.aal, extract(epoch from s.created_at)::float8 as created_epoch`;

export async function createSession(
  tx: Queryable,
  userId: string,
  client: { userAgent?: string; ip?: string },
): Promise<IssuedSession> {
  const { rows } = await tx.query<SessionRow>(
    `insert into auth.sessions as s (id, user_id, aal, user_agent, ip, created_at, updated_at, refreshed_at)
     values ($1, $2, 'aal1', $3, $4, now(), now(), now() at time zone 'UTC')
     returning ${SESSION_COLUMNS}`,
    [randomUUID(), userId, client.userAgent ?? null, client.ip ?? null],
  );
  const session = toSession(rows[0]);
  const refreshToken = newRefreshToken();
  await insertRefreshToken(tx, refreshToken, session, null);
  return { session, refreshToken };
}

async function insertRefreshToken(tx: Queryable, token: string, session: SessionInfo, parent: string | null) {
  await tx.query(
    `insert into auth.refresh_tokens (instance_id, token, user_id, revoked, parent, session_id, created_at, updated_at)
     values ('00000000-0000-0000-0000-000000000000', $1, $2, false, $3, $4, now(), now())`,
    [token, session.userId, parent, session.id],
  );
}

export async function findSession(q: Queryable, id: string): Promise<SessionInfo | undefined> {
  const { rows } = await q.query<SessionRow>(
    `select ${SESSION_COLUMNS} from auth.sessions s where s.id = $1 and (s.not_after is null or s.not_after > now())`,
    [id],
  );
  return rows[0] && toSession(rows[0]);
}

export type RefreshOutcome =
  | { kind: 'rotated'; session: SessionInfo; refreshToken: string }
  | { kind: 'not_found' }
  | { kind: 'no_session' }
  | { kind: 'expired' }
  | { kind: 'banned' }
  | { kind: 'reused'; userId: string };

interface TokenRow {
  token: string;
  user_id: string;
  revoked: boolean;
  session_id: string | null;
  within_reuse: boolean;
}

/**
 * Rotates `token` inside `tx`. The token row is locked so that concurrent refreshes of one token on a
 * Postgres server take turns and the second one lands in the reuse branch.
 */
export async function rotateRefreshToken(tx: Queryable, token: string, reuseIntervalSeconds: number): Promise<RefreshOutcome> {
  const found = await tx.query<TokenRow>(
    `select token, user_id, revoked, session_id, updated_at > now() - make_interval(secs => $2) as within_reuse
       from auth.refresh_tokens where token = $1 for update`,
    [token, reuseIntervalSeconds],
  );
  const row = found.rows[0];
  if (!row) return { kind: 'not_found' };
  const owner = await tx.query<{ banned: boolean; deleted: boolean }>(
    `select coalesce(banned_until > now(), false) as banned, deleted_at is not null as deleted
       from auth.users where id::text = $1`,
    [row.user_id],
  );
  if (!owner.rows[0] || owner.rows[0].deleted) return { kind: 'not_found' };
  if (owner.rows[0].banned) return { kind: 'banned' };
  if (!row.session_id) {
    // Tokens from before sessions existed cannot be tied to a session; supabase/auth deletes them.
    await tx.query(`delete from auth.refresh_tokens where token = $1`, [token]);
    return { kind: 'no_session' };
  }
  const sessions = await tx.query<SessionRow & { expired: boolean }>(
    `select ${SESSION_COLUMNS}, coalesce(s.not_after <= now(), false) as expired
       from auth.sessions s where s.id = $1 for update`,
    [row.session_id],
  );
  const sessionRow = sessions.rows[0];
  if (!sessionRow) return { kind: 'no_session' };
  if (sessionRow.expired) return { kind: 'expired' };
  const session = toSession(sessionRow);

  if (row.revoked) {
    const active = await tx.query<{ token: string }>(
      `select token from auth.refresh_tokens where session_id = $1 and not revoked order by id desc limit 1`,
      [session.id],
    );
    if (row.within_reuse && active.rows[0]) {
      await touchSession(tx, session.id);
      return { kind: 'rotated', session, refreshToken: active.rows[0].token };
    }
    // Replay of an old token: whoever holds it must not keep the session alive.
    await tx.query(`delete from auth.sessions where id = $1`, [session.id]);
    return { kind: 'reused', userId: row.user_id };
  }

  await tx.query(`update auth.refresh_tokens set revoked = true, updated_at = now() where token = $1`, [token]);
  const refreshToken = newRefreshToken();
  await insertRefreshToken(tx, refreshToken, session, token);
  await touchSession(tx, session.id);
  return { kind: 'rotated', session, refreshToken };
}

async function touchSession(tx: Queryable, id: string) {
  await tx.query(`update auth.sessions set refreshed_at = now() at time zone 'UTC', updated_at = now() where id = $1`, [
    id,
  ]);
}

export type LogoutScope = 'global' | 'local' | 'others';

/** Deleting sessions deletes their refresh tokens by cascade, as supabase/auth's logout does. */
export async function endSessions(tx: Queryable, userId: string, sessionId: string | undefined, scope: LogoutScope) {
  if (sessionId && scope === 'local') {
    await tx.query(`delete from auth.sessions where id = $1`, [sessionId]);
  } else if (sessionId && scope === 'others') {
    await tx.query(`delete from auth.sessions where user_id = $1 and id <> $2`, [userId, sessionId]);
  } else {
    await tx.query(`delete from auth.sessions where user_id = $1`, [userId]);
  }
}
