/**
 * The audit trail viewer (issue #13): workflow and admin events together, filtered by WIB days,
 * ticket, user and kind, paged on the server by keyset, exportable as CSV with the same filter.
 */
import type { Metadata } from 'next';
import { requireRole } from '@/lib/auth/require-role';
import { getT } from '@/lib/i18n/server';
import { formatDateTime } from '@/lib/i18n/format';
import { createClient } from '@/lib/supabase/server';
import { auditQueryParams, parseAuditQuery, type SearchParams } from '@/lib/domain/audit-query';
import { readAuditPage } from '@/lib/data/audit-trail';
import { listAccounts } from '@/lib/data/admin-accounts';
import { Constants } from '@/lib/supabase/database.types';
import { buttonClasses } from '@/components/ui/button';
import { AUDIT_CELL, AuditTable } from '../_components/audit-table';
import { AuditTabs } from './_components/audit-tabs';

const PAGE_SIZE = 50;
const ADMIN_KINDS = ['account.created', 'account.changed', 'account.deactivated', 'account.reactivated', 'account.password_reset'];
const INPUT = 'min-h-10 rounded-md border border-slate-400 bg-white px-3 py-2 text-base font-normal';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t('audit.title') };
}

export default async function AuditPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requireRole('admin');
  const { t, lang } = await getT();
  const params = await searchParams;
  const parsed = parseAuditQuery(params);
  const db = await createClient();
  const [accounts, page] = await Promise.all([
    listAccounts(db, undefined),
    parsed.ok ? readAuditPage(db, parsed.query, parsed.query.after, PAGE_SIZE) : Promise.resolve(null),
  ]);
  const value = (name: string) => {
    const v = params[name];
    return (Array.isArray(v) ? v[0] : v) ?? '';
  };
  const range = parsed.ok ? parsed.query.range : null;
  return (
    <>
      <h1 className="text-2xl font-bold">{t('audit.title')}</h1>
      <AuditTabs current="trail" t={t} />
      <form method="get" className="flex flex-wrap items-end gap-3" data-test="audit-filter">
        <label className="flex flex-col gap-1 text-sm font-semibold">
          {t('audit.from')}
          <input type="date" name="from" defaultValue={range?.from ?? value('from')} className={INPUT} data-test="audit-from" />
        </label>
        <label className="flex flex-col gap-1 text-sm font-semibold">
          {t('audit.to')}
          <input type="date" name="to" defaultValue={range?.to ?? value('to')} className={INPUT} data-test="audit-to" />
        </label>
        <label className="flex flex-col gap-1 text-sm font-semibold">
          {t('audit.ticket')}
          <input name="ticket" defaultValue={value('ticket')} placeholder="112-20261120-0001" maxLength={30} className={INPUT} data-test="audit-ticket" />
        </label>
        <label className="flex flex-col gap-1 text-sm font-semibold">
          {t('audit.user')}
          <select name="user" defaultValue={value('user')} className={INPUT} data-test="audit-user">
            <option value="">{t('audit.userAll')}</option>
            {accounts.map((a) => (
              <option key={a.id} value={a.id}>
                {a.full_name ?? a.email}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1 text-sm font-semibold">
          {t('audit.kind')}
          <input name="kind" list="audit-kinds" defaultValue={value('kind')} maxLength={80} className={INPUT} data-test="audit-kind" />
          <datalist id="audit-kinds">
            {[...Constants.public.Enums.incident_event_kind, ...ADMIN_KINDS].map((k) => (
              <option key={k} value={k} />
            ))}
          </datalist>
        </label>
        <button type="submit" className={buttonClasses()}>
          {t('audit.submit')}
        </button>
        {parsed.ok ? (
          <a href={`/api/admin/audit?${auditQueryParams(parsed.query)}`} className={buttonClasses({ variant: 'secondary' })} data-test="audit-export">
            {t('audit.export')}
          </a>
        ) : null}
      </form>
      {parsed.ok && !page ? null : (
        <AuditTable
          invalid={parsed.ok ? null : t('audit.invalid', { detail: t(`audit.problem.${parsed.problem}`) })}
          headers={(['at', 'source', 'kind', 'actor', 'ticket', 'target', 'details'] as const).map((col) => t(`audit.col.${col}`))}
          rowCount={page?.rows.length ?? 0}
          emptyText={t('audit.empty')}
          firstHref={parsed.ok && parsed.query.after ? `/admin/audit?${auditQueryParams(parsed.query)}` : null}
          nextHref={parsed.ok && page?.next ? `/admin/audit?${auditQueryParams(parsed.query, page.next)}` : null}
          labels={{ first: t('audit.first'), next: t('audit.next') }}
          test={{ table: 'audit-table', empty: 'audit-empty', invalid: 'audit-invalid', next: 'audit-next' }}
        >
          {page?.rows.map((row) => (
            <tr key={row.event_key} className="border-t border-slate-200 align-top" data-test="audit-row" data-kind={row.kind}>
              <td className={`whitespace-nowrap ${AUDIT_CELL}`}>{formatDateTime(row.at, lang, { seconds: true })}</td>
              <td className={AUDIT_CELL}>{t(row.source === 'admin' ? 'audit.source.admin' : 'audit.source.workflow')}</td>
              <td className={`font-mono ${AUDIT_CELL}`}>{row.kind}</td>
              <td className={AUDIT_CELL}>{row.actor_name ?? t('audit.system')}</td>
              <td className={`font-mono ${AUDIT_CELL}`}>{row.ticket_no ?? '–'}</td>
              <td className={`font-mono text-xs ${AUDIT_CELL}`}>{row.target}</td>
              <td className={`max-w-md ${AUDIT_CELL}`}>
                <code className="block whitespace-pre-wrap break-all text-xs">{JSON.stringify(row.details)}</code>
              </td>
            </tr>
          ))}
        </AuditTable>
      )}
    </>
  );
}
