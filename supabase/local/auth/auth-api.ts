/**
 * `/auth/v1`: the part of supabase/auth this app uses (email + password), so that supabase-js and
 * @supabase/ssr work against the embedded stack unchanged. Sign-up is closed: accounts are made by an
 * administrator (service role) or by the seed. It reads and writes the `auth` schema as the database
 * owner, never as the caller.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { HttpApi, StackContext } from '../stack-context.ts';
import { sendJson } from '../http.ts';
import type { TokenSettings } from './access-tokens.ts';
import { AuthError, notFound, sendAuthError, unprocessable } from './auth-errors.ts';
import { authSettingsFromEnv, type AuthSettings } from './auth-settings.ts';
import { createUser, deleteUserById, getUserById, listUsersPage, updateUserById } from './admin-users.ts';
import { requireAdmin } from './auth-request.ts';
import { SignInThrottle } from './rate-limit.ts';
import { DEFAULT_REUSE_INTERVAL } from './sessions.ts';
import { passwordGrant, refreshGrant, unsupportedGrant } from './token-grants.ts';
import { getUser, logout, parseLogoutScope, updateOwnUser } from './user-endpoints.ts';

export interface AuthApiOptions {
  /** Seconds during which a just-rotated refresh token may be presented again (supabase/auth default 10). */
  refreshTokenReuseInterval?: number;
  /** Password policy, sign-in limits, trusted proxies; what is not given comes from the environment. */
  settings?: Partial<AuthSettings>;
  /** The rate limits' clock (milliseconds), for tests. */
  now?: () => number;
}

const methodNotAllowed = () => new AuthError(405, 'method_not_allowed', 'Method not allowed');

export function createAuthApi(ctx: StackContext, options: AuthApiOptions = {}): HttpApi {
  const reuseInterval = options.refreshTokenReuseInterval ?? DEFAULT_REUSE_INTERVAL;
  const settings: AuthSettings = { ...authSettingsFromEnv(), ...options.settings };
  // One throttle per API: its memory is bounded (rate-limit.ts) and lives as long as the stack.
  const throttle = new SignInThrottle(
    { perAddress: settings.signInPerAddress, perAccount: settings.signInPerAccount },
    options.now,
  );

  /** `iss` as the Supabase CLI sets it: the API's own address followed by `/auth/v1`. */
  function tokenSettings(req: IncomingMessage): TokenSettings {
    const host = req.headers.host ?? `${ctx.config.host}:${ctx.config.port}`;
    return { jwtSecret: ctx.config.jwtSecret, jwtExpiry: ctx.config.jwtExpiry, issuer: `http://${host}/auth/v1` };
  }

  async function route(req: IncomingMessage, res: ServerResponse, url: URL, path: string): Promise<void> {
    const method = req.method ?? 'GET';
    if (path === 'health') {
      if (method !== 'GET') throw methodNotAllowed();
      return sendJson(res, 200, { version: 'embedded', name: 'GoTrue', description: 'GoTrue is a user registration and authentication API' });
    }
    if (path === 'settings') {
      if (method !== 'GET') throw methodNotAllowed();
      return sendJson(res, 200, SETTINGS);
    }
    if (path === 'token') {
      if (method !== 'POST') throw methodNotAllowed();
      const grant = url.searchParams.get('grant_type');
      const tokens = tokenSettings(req);
      if (grant === 'password') {
        return sendJson(res, 200, await passwordGrant(ctx, req, tokens, { throttle, trustedProxies: settings.trustedProxies }));
      }
      if (grant === 'refresh_token') return sendJson(res, 200, await refreshGrant(ctx, req, tokens, reuseInterval));
      throw unsupportedGrant();
    }
    if (path === 'signup') {
      if (method !== 'POST') throw methodNotAllowed();
      throw unprocessable('signup_disabled', 'Signups not allowed for this instance');
    }
    if (path === 'user') {
      if (method === 'GET') return sendJson(res, 200, await getUser(ctx, req));
      if (method === 'PUT') return sendJson(res, 200, await updateOwnUser(ctx, req, settings.passwordMinLength));
      throw methodNotAllowed();
    }
    if (path === 'logout') {
      if (method !== 'POST') throw methodNotAllowed();
      await logout(ctx, req, parseLogoutScope(url.searchParams.get('scope')));
      res.writeHead(204);
      res.end();
      return;
    }
    if (path === 'admin/users' || path.startsWith('admin/users/')) {
      await requireAdmin(ctx, req);
      const id = path.slice('admin/users/'.length);
      if (path === 'admin/users') {
        if (method === 'GET') {
          const page = await listUsersPage(ctx, url);
          return sendJson(res, 200, page.body, page.headers);
        }
        if (method === 'POST') return sendJson(res, 200, await createUser(ctx, req, settings.passwordMinLength));
        throw methodNotAllowed();
      }
      if (id.includes('/')) throw notFound('not_found', 'Only user records are served under /admin/users in this stack');
      if (method === 'GET') return sendJson(res, 200, await getUserById(ctx, id));
      if (method === 'PUT') return sendJson(res, 200, await updateUserById(ctx, req, id, settings.passwordMinLength));
      if (method === 'DELETE') return sendJson(res, 200, await deleteUserById(ctx, req, id));
      throw methodNotAllowed();
    }
    throw notFound('not_found', `No auth endpoint ${path ? '/' + path : ''} in the embedded stack`);
  }

  return {
    async handle(req, res, url, subpath) {
      try {
        await route(req, res, url, subpath.replace(/\/+$/, ''));
      } catch (err) {
        if (!(err instanceof AuthError) || res.headersSent) throw err;
        sendAuthError(res, err);
      }
    },
  };
}

/** What GET /settings reports: email + password only, sign-up closed, no auto-confirmation. */
const SETTINGS = {
  external: {
    anonymous_users: false,
    apple: false,
    azure: false,
    bitbucket: false,
    discord: false,
    facebook: false,
    figma: false,
    fly: false,
    github: false,
    gitlab: false,
    google: false,
    keycloak: false,
    kakao: false,
    linkedin: false,
    linkedin_oidc: false,
    notion: false,
    spotify: false,
    slack: false,
    slack_oidc: false,
    workos: false,
    twitch: false,
    twitter: false,
    email: true,
    phone: false,
    zoom: false,
  },
  disable_signup: true,
  mailer_autoconfirm: false,
  phone_autoconfirm: false,
  sms_provider: '',
  saml_enabled: false,
  passkeys_enabled: false,
};
