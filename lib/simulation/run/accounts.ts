/**
 * Creates or refreshes the simulation's accounts through the auth admin API (service role): an
 * account that exists gets a new random password for this run, one that does not is created; each
 * gets its profile (role, agency, extension). Idempotent, and limited to `sim-…@112.cilegon.test`
 * addresses: demo and real accounts are never read for their password nor changed.
 */
import { randomBytes } from 'node:crypto';
import type { Db } from '../../data/db';
import { isSimEmail, type SimAccount } from '../staff';

export interface PreparedAccount extends SimAccount {
  userId: string;
  password: string;
}

export interface AccountReport {
  created: number;
  updated: number;
  accounts: PreparedAccount[];
}

async function existingSimUsers(admin: Db): Promise<Map<string, string>> {
  const byEmail = new Map<string, string>();
  for (let page = 1; ; page++) {
    const { data, error } = await admin.auth.admin.listUsers({ page, perPage: 1000 });
    if (error) throw new Error(`listing users failed: ${error.message}`);
    for (const u of data.users) if (u.email && isSimEmail(u.email)) byEmail.set(u.email, u.id);
    if (data.users.length < 1000) return byEmail;
  }
}

export async function prepareAccounts(admin: Db, wanted: readonly SimAccount[]): Promise<AccountReport> {
  const existing = await existingSimUsers(admin);
  const accounts: PreparedAccount[] = [];
  let created = 0;
  let updated = 0;
  // Operators of an earlier, larger run keep their extensions otherwise: free 201… for this run's desks.
  const extensions = new Set(wanted.flatMap((a) => (a.extension ? [a.extension] : [])));
  const wantedEmails = new Set(wanted.map((a) => a.email));
  const stale = [...existing].filter(([email]) => !wantedEmails.has(email)).map(([, id]) => id);
  if (stale.length) {
    const { error } = await admin.from('profiles').update({ active: false, extension: null }).in('id', stale);
    if (error) throw new Error(`retiring earlier simulation accounts failed: ${error.message}`);
  }
  for (const account of wanted) {
    if (!isSimEmail(account.email)) throw new Error(`refusing to touch ${account.email}: not a simulation account`);
    const password = `Sim-${randomBytes(18).toString('base64url')}`;
    let userId = existing.get(account.email);
    if (userId) {
      const { error } = await admin.auth.admin.updateUserById(userId, { password });
      if (error) throw new Error(`resetting ${account.email} failed: ${error.message}`);
      updated++;
    } else {
      const { data, error } = await admin.auth.admin.createUser({
        email: account.email,
        password,
        email_confirm: true,
        user_metadata: { full_name: account.fullName, simulation: true },
      });
      if (error || !data.user) throw new Error(`creating ${account.email} failed: ${error?.message ?? 'no user'}`);
      userId = data.user.id;
      created++;
    }
    accounts.push({ ...account, userId, password });
  }
  // One write for all profiles; an extension another active operator holds is refused here, loudly.
  const { error } = await admin.from('profiles').upsert(
    accounts.map((a) => ({
      id: a.userId,
      full_name: a.fullName,
      role: a.role,
      agency_id: a.agencyId,
      extension: a.extension,
      active: true,
    })),
  );
  if (error) {
    throw new Error(`writing the simulation profiles failed: ${error.message}${extensions.size ? ` (extensions ${[...extensions][0]}… must be free)` : ''}`);
  }
  return { created, updated, accounts };
}
