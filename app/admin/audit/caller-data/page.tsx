/**
 * "Akses data penelepon" (issue #22): who read a caller's number, name or location, when, of which
 * call and ticket, on which screen and why — the caller_data_access log, newest first, filtered by
 * user, ticket and screen, paged on the server by keyset. The database logs this read too
 * (screen access_log), so it appears in the log it shows.
 */
import type { Metadata } from 'next';
import { requireRole } from '@/lib/auth/require-role';
import { getT } from '@/lib/i18n/server';
import { formatDateTime } from '@/lib/i18n/format';
import { CALLER_DATA_SCREEN_LABELS } from '@/lib/i18n/caller-data-screens';
import { pluralKey } from '@/lib/i18n/plural';
import { createClient } from '@/lib/supabase/server';
import type { SearchParams } from '@/lib/domain/audit-query';
import { accessQueryParams, CALLER_DATA_SCREENS, parseAccessQuery } from '@/lib/domain/caller-access-query';
import { readAccessLogPage } from '@/lib/data/caller-data';
import { listAccounts } from '@/lib/data/admin-accounts';
import { buttonClasses } from '@/components/ui/button';
import { AUDIT_CELL, AuditTable } from '../../_components/audit-table';
import { AuditTabs } from '../_components/audit-tabs';

const PAGE_SIZE = 50;
const INPUT = 'min-h-10 rounded-md border border-slate-400 bg-white px-3 py-2 text-base font-normal';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t('access.title') };
}

export default async function CallerDataAccessPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requireRole('admin');
  const { t, lang } = await getT();
  const params = await searchParams;
  const parsed = parseAccessQuery(params);
  const db = await createClient();
  const [accounts, rows] = await Promise.all([
    listAccounts(db, undefined),
    parsed.ok
      ? readAccessLogPage(
          db,
          PAGE_SIZE,
          { actorId: parsed.query.userId ?? undefined, ticketNo: parsed.query.ticket ?? undefined, screen: parsed.query.screen ?? undefined },
          parsed.query.before ?? undefined,
        )
      : Promise.resolve(null),
  ]);
  const value = (name: string) => {
    const v = params[name];
    return (Array.isArray(v) ? v[0] : v) ?? '';
  };
  const last = rows && rows.length === PAGE_SIZE ? rows[rows.length - 1] : null;
  return (
    <>
      <h1 className="text-2xl font-bold">{t('audit.title')}</h1>
      <AuditTabs current="callerData" t={t} />
      <p className="text-sm text-slate-700">{t('access.intro')}</p>
      <form method="get" className="flex flex-wrap items-end gap-3" data-test="access-filter">
        <label className="flex flex-col gap-1 text-sm font-semibold">
          {t('audit.ticket')}
          <input name="ticket" defaultValue={value('ticket')} placeholder="112-20261120-0001" maxLength={30} className={INPUT} data-test="access-ticket" />
        </label>
        <label className="flex flex-col gap-1 text-sm font-semibold">
          {t('audit.user')}
          <select name="user" defaultValue={value('user')} className={INPUT} data-test="access-user">
            <option value="">{t('audit.userAll')}</option>
            {accounts.map((a) => (
              <option key={a.id} value={a.id}>
                {a.full_name ?? a.email}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1 text-sm font-semibold">
          {t('access.screen')}
          <select name="screen" defaultValue={value('screen')} className={INPUT} data-test="access-screen">
            <option value="">{t('access.screenAll')}</option>
            {CALLER_DATA_SCREENS.map((s) => (
              <option key={s} value={s}>
                {t(CALLER_DATA_SCREEN_LABELS[s])}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className={buttonClasses()}>
          {t('audit.submit')}
        </button>
      </form>
      {parsed.ok && !rows ? null : (
        <AuditTable
          invalid={parsed.ok ? null : t('audit.invalid', { detail: t(`access.problem.${parsed.problem}`) })}
          headers={(['at', 'actor', 'role', 'ticket', 'call', 'screen', 'reason'] as const).map((col) => t(`access.col.${col}`))}
          rowCount={rows?.length ?? 0}
          emptyText={t('access.empty')}
          firstHref={parsed.ok && parsed.query.before ? `/admin/audit/caller-data?${accessQueryParams(parsed.query)}` : null}
          nextHref={parsed.ok && last ? `/admin/audit/caller-data?${accessQueryParams(parsed.query, { at: last.at, id: last.id })}` : null}
          labels={{ first: t('audit.first'), next: t('audit.next') }}
          test={{ table: 'access-table', empty: 'access-empty', invalid: 'access-invalid', next: 'access-next' }}
        >
          {rows?.map((row) => (
            <tr key={row.id} className="border-t border-slate-200 align-top" data-test="access-row" data-screen={row.screen} data-actor-id={row.actor_id ?? ''}>
              <td className={`whitespace-nowrap ${AUDIT_CELL}`}>{formatDateTime(row.at, lang, { seconds: true })}</td>
              <td className={AUDIT_CELL} data-test="access-actor">
                {row.actor_name ?? t('audit.system')}
              </td>
              <td className={AUDIT_CELL}>{row.actor_role ? t(`role.${row.actor_role}`) : '–'}</td>
              <td className={`whitespace-nowrap font-mono ${AUDIT_CELL}`} data-test="access-ticket-no">
                {row.ticket_no ?? '–'}
              </td>
              {/* The first block of the id tells calls apart on a page; the whole id is in the title. */}
              <td className={`font-mono text-xs ${AUDIT_CELL}`} title={row.call_id ?? undefined}>
                {row.call_id ? row.call_id.slice(0, 8) : '–'}
              </td>
              <td className={AUDIT_CELL} data-test="access-screen-name">
                {t(CALLER_DATA_SCREEN_LABELS[row.screen])}
                {row.rows_shown !== null ? ` (${t(pluralKey('access.rowsShown', row.rows_shown, lang), { count: row.rows_shown })})` : ''}
              </td>
              <td className={`max-w-md whitespace-pre-line break-words ${AUDIT_CELL}`}>{row.reason ?? '–'}</td>
            </tr>
          ))}
        </AuditTable>
      )}
    </>
  );
}
