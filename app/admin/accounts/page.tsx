/** The accounts list (issue #13): search by name or email; each account links to its page. */
import type { Metadata } from 'next';
import Link from 'next/link';
import { requireRole } from '@/lib/auth/require-role';
import { getT } from '@/lib/i18n/server';
import { formatDateTime } from '@/lib/i18n/format';
import { createClient } from '@/lib/supabase/server';
import { listAccounts } from '@/lib/data/admin-accounts';
import { buttonClasses } from '@/components/ui/button';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t('accounts.title') };
}

export default async function AccountsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireRole('admin');
  const { t, lang } = await getT();
  const raw = (await searchParams).q;
  const q = (Array.isArray(raw) ? raw[0] : raw)?.trim().slice(0, 120) ?? '';
  const accounts = await listAccounts(await createClient(), q || undefined);
  return (
    <>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold">{t('accounts.title')}</h1>
        <Link href="/admin/accounts/new" className={buttonClasses()} data-test="accounts-new">
          {t('accounts.new')}
        </Link>
      </div>
      <form method="get" className="flex flex-wrap items-end gap-2" role="search">
        <label className="flex flex-col gap-1 text-sm font-semibold">
          {t('accounts.search.label')}
          <input name="q" defaultValue={q} maxLength={120} className="min-h-10 w-72 rounded-md border border-slate-400 bg-white px-3 py-2 text-base font-normal" data-test="accounts-search" />
        </label>
        <button type="submit" className={buttonClasses({ variant: 'secondary' })}>
          {t('accounts.search.submit')}
        </button>
      </form>
      {accounts.length === 0 ? (
        <p className="text-slate-700">{t('accounts.empty')}</p>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-300 bg-white">
          <table className="w-full text-left text-sm" data-test="accounts-table">
            <thead className="bg-slate-100 text-xs uppercase text-slate-700">
              <tr>
                {(['name', 'email', 'role', 'agency', 'extension', 'active', 'lastSignIn'] as const).map((col) => (
                  <th key={col} scope="col" className="px-3 py-2">
                    {t(`accounts.col.${col}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {accounts.map((a) => (
                <tr key={a.id} className="border-t border-slate-200" data-test="account-row" data-email={a.email} data-active={a.active}>
                  <td className="px-3 py-2 font-semibold">
                    <Link href={`/admin/accounts/${a.id}`} className="text-sky-800 underline" data-test="account-link">
                      {a.full_name ?? a.email}
                    </Link>
                  </td>
                  <td className="px-3 py-2">{a.email}</td>
                  <td className="px-3 py-2">{a.role ? t(`role.${a.role}`) : '–'}</td>
                  <td className="px-3 py-2">{a.agency_name ?? '–'}</td>
                  <td className="px-3 py-2 font-mono">{a.extension ?? '–'}</td>
                  <td className="px-3 py-2" data-test="account-status">
                    {a.role === null ? t('accounts.status.noProfile') : t(a.active ? 'accounts.status.active' : 'accounts.status.inactive')}
                  </td>
                  <td className="px-3 py-2">{a.last_sign_in_at ? formatDateTime(a.last_sign_in_at, lang) : t('accounts.never')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
