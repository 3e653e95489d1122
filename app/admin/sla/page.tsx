/**
 * /admin/sla (issue #13): the seconds of each service stage, the standard's default beside the value
 * in force, a new value effective from the moment saved, and the history of changes by which past
 * statistics are judged, and the per-priority overrides of the incident stages. Admins only; the
 * database refuses everyone else as well (set_sla_target, set_sla_priority_target).
 */
import type { Metadata } from 'next';
import { requireRole } from '@/lib/auth/require-role';
import { getT } from '@/lib/i18n/server';
import { createClient } from '@/lib/supabase/server';
import { readSlaPriorityTargetRows, readSlaTargetHistory, readSlaTargetRows } from '@/lib/data/sla-targets';
import { targetsFromRows } from '@/lib/domain/sla';
import { formatDateTime, formatDuration } from '@/lib/i18n/format';
import { SlaPriorityEditor } from './_components/sla-priority-editor';
import { SlaTargetsEditor } from './_components/sla-targets-editor';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t('admin.sla.title') };
}

export default async function AdminSlaPage() {
  await requireRole('admin');
  const { t, lang } = await getT();
  const client = await createClient();
  const [rows, priorityRows, history] = await Promise.all([
    readSlaTargetRows(client),
    readSlaPriorityTargetRows(client),
    readSlaTargetHistory(client),
  ]);
  return (
    <section className="mx-auto flex w-full max-w-6xl flex-col gap-4 p-4" data-test="admin-sla">
      <div>
        <h1 className="text-2xl font-bold" data-test="page-title">
          {t('admin.sla.title')}
        </h1>
        <p className="text-sm text-slate-600">{t('admin.sla.intro')}</p>
      </div>
      <SlaTargetsEditor rows={rows} />
      <SlaPriorityEditor rows={priorityRows} general={targetsFromRows(rows)} />
      <section className="rounded-lg border border-slate-200 bg-white p-4" data-test="sla-history">
        <h2 className="mb-2 text-lg font-semibold">{t('admin.sla.history')}</h2>
        {history.length === 0 ? (
          <p className="text-sm text-slate-600">{t('admin.sla.history.empty')}</p>
        ) : (
          <table className="w-full text-sm">
            <thead>
              <tr className="border-b border-slate-300 text-left text-slate-600">
                <th className="px-2 py-1">{t('admin.sla.history.col.at')}</th>
                <th className="px-2 py-1">{t('admin.sla.col.stage')}</th>
                <th className="px-2 py-1">{t('admin.sla.history.col.priority')}</th>
                <th className="px-2 py-1">{t('admin.sla.col.current')}</th>
                <th className="px-2 py-1">{t('admin.sla.history.col.by')}</th>
              </tr>
            </thead>
            <tbody>
              {history.map((h) => (
                <tr key={h.id} className="border-b border-slate-100" data-test="sla-history-row" data-stage={h.stage} data-priority={h.priority ?? ''} data-seconds={h.targetSeconds ?? ''}>
                  <td className="px-2 py-1 tabular-nums">{h.effectiveFrom ? formatDateTime(h.effectiveFrom, lang, { seconds: true }) : ''}</td>
                  <td className="px-2 py-1">{t(`dispatch.report.stage.${h.stage}`)}</td>
                  <td className="px-2 py-1">{h.priority ? t(`operator.priority.${h.priority}`) : t('admin.sla.history.general')}</td>
                  <td className="px-2 py-1 font-mono tabular-nums">
                    {h.targetSeconds === null ? t('admin.sla.history.removed') : formatDuration(h.targetSeconds)}
                  </td>
                  <td className="px-2 py-1">{h.changedBy ?? t('admin.sla.history.system')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </section>
  );
}
