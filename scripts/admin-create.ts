/**
 * `npm run admin:create -- --email admin@example.go.id [--password …] [--name …]`: makes the first
 * administrator (or any later one) of a center on any Supabase — hosted, `supabase start` or the
 * embedded stack — given by `--url`/`--service-role-key` or SUPABASE_URL/SUPABASE_SERVICE_ROLE_KEY.
 * Idempotent: an existing auth user is reused (and unbanned), an existing profile is promoted to
 * admin and reactivated, a second run changes nothing. Without `--password` a new account gets a
 * generated password, printed once; an existing account keeps its password unless one is given.
 * Every profile change goes through the same audited admin functions as the console (actor: none,
 * the service role).
 */
import { parseArgs } from 'node:util';
import { createClient } from '@supabase/supabase-js';
import { z } from 'zod';
import type { Database } from '../lib/supabase/database.types.ts';
import { NodeRealtimeTransport } from '../lib/supabase/node-realtime-transport.ts';
import { createAccount, setAccountActive, resetPassword } from '../lib/admin/account-flow.ts';
import { passwordProblems } from '../lib/domain/password-policy.ts';
import { writeFailureMessage } from '../lib/data/write-result.ts';
import { makeTranslate } from '../lib/i18n/translate.ts';
import { en } from '../lib/i18n/dictionaries/en.ts';

const USAGE = `usage: npm run admin:create -- --email ADDRESS [--password PASSWORD] [--name "FULL NAME"]
                               [--url SUPABASE_URL] [--service-role-key KEY]`;

const argsSchema = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email()),
  password: z.string().min(1).optional(),
  name: z.string().trim().min(1).max(120).default('Administrator'),
  url: z.url({ protocol: /^https?$/ }),
  key: z.string().min(20, 'the service-role key looks wrong'),
});

type Args = z.output<typeof argsSchema>;

function readArgs(argv: string[], env: NodeJS.ProcessEnv): Args {
  const { values } = parseArgs({
    args: argv,
    options: {
      email: { type: 'string' },
      password: { type: 'string' },
      name: { type: 'string' },
      url: { type: 'string' },
      'service-role-key': { type: 'string' },
      help: { type: 'boolean' },
    },
    strict: true,
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const parsed = argsSchema.safeParse({
    email: values.email,
    password: values.password,
    name: values.name,
    url: values.url ?? env.SUPABASE_URL,
    key: values['service-role-key'] ?? env.SUPABASE_SERVICE_ROLE_KEY,
  });
  if (!parsed.success) {
    const fields = parsed.error.issues.map((i) => `${i.path.join('.') || 'arguments'}: ${i.message}`).join('; ');
    throw new UsageError(`${fields}\n${USAGE}`);
  }
  if (parsed.data.password) {
    const problems = passwordProblems(parsed.data.password, parsed.data.email);
    if (problems.length > 0) throw new UsageError(`the password is refused by the policy (${problems.join(', ')})`);
  }
  return parsed.data;
}

class UsageError extends Error {}

const t = makeTranslate(en);

async function findUserId(service: ReturnType<typeof createClient<Database>>, email: string): Promise<string | undefined> {
  // The admin list has no email lookup in supabase-js; a center has at most a few thousand accounts.
  for (let page = 1; ; page += 1) {
    const { data, error } = await service.auth.admin.listUsers({ page, perPage: 1000 });
    if (error) throw new Error(`Listing the auth users failed: ${error.message}`);
    const found = data.users.find((u) => u.email?.toLowerCase() === email);
    if (found) return found.id;
    if (data.users.length < 1000) return undefined;
  }
}

function fail(what: string, failure: Parameters<typeof writeFailureMessage>[0] | { kind: 'auth'; detail: string }): never {
  throw new Error(`${what}: ${failure.kind === 'auth' ? failure.detail : writeFailureMessage(failure, t)}`);
}

export async function adminCreate(args: Args, log: (line: string) => void): Promise<void> {
  const service = createClient<Database>(args.url, args.key, {
    auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
    // Node 20 has no global WebSocket and supabase-js builds its realtime client eagerly.
    realtime: { transport: NodeRealtimeTransport },
  });
  const clients = { db: service, auth: service };
  const existing = await findUserId(service, args.email);

  if (!existing) {
    const created = await createAccount(clients, {
      email: args.email,
      password: args.password ?? null,
      fullName: args.name,
      role: 'admin',
      agencyId: null,
      extension: null,
    });
    if (!created.ok) fail(`Creating ${args.email} failed`, created.failure);
    log(`created administrator ${args.email}`);
    if (created.data.generatedPassword) log(`password (shown once, change it after signing in): ${created.data.generatedPassword}`);
    return;
  }

  const read = await service.from('profiles').select('*').eq('id', existing).maybeSingle();
  if (read.error) throw new Error(`Reading the profile of ${args.email} failed: ${read.error.message}`);
  let profile = read.data;
  if (!profile) {
    const made = await service.rpc('admin_create_profile', { p_user_id: existing, p_full_name: args.name, p_role: 'admin' });
    if (made.error) throw new Error(`Giving ${args.email} a profile failed: ${made.error.message}`);
    profile = made.data;
    log(`gave the existing account ${args.email} an administrator profile`);
  } else if (profile.role !== 'admin') {
    const promoted = await service.rpc('admin_update_profile', {
      p_user_id: existing,
      p_expected_version: profile.version,
      p_full_name: profile.full_name,
      p_role: 'admin',
    });
    if (promoted.error) throw new Error(`Promoting ${args.email} failed: ${promoted.error.message}`);
    profile = promoted.data;
    log(`promoted ${args.email} to administrator`);
  }
  if (!profile.active) {
    const reactivated = await setAccountActive(clients, existing, true, profile.version);
    if (!reactivated.ok) fail(`Reactivating ${args.email} failed`, reactivated.failure);
    log(`reactivated ${args.email}`);
  }
  if (args.password) {
    const reset = await resetPassword(clients, existing, args.password);
    if (!reset.ok) fail(`Setting the password of ${args.email} failed`, reset.failure);
    log(`set the given password for ${args.email}`);
  }
  log(`${args.email} is an administrator`);
}

async function main(): Promise<void> {
  try {
    await adminCreate(readArgs(process.argv.slice(2), process.env), (line) => console.log(line));
  } catch (error) {
    console.error(`admin:create: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(error instanceof UsageError ? 2 : 1);
  }
}

await main();
