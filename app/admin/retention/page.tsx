/**
 * /admin/retention (issue #22): how long callers' numbers, names and exact locations are kept, who
 * changed that last, the form to change it, the button that runs the job now and the job's last
 * runs (from admin_events). Admins only; the database refuses everyone else as well.
 */
import type { Metadata } from 'next';
import { requireRole } from '@/lib/auth/require-role';
import { getT } from '@/lib/i18n/server';
import { formatDateTime } from '@/lib/i18n/format';
import { createClient } from '@/lib/supabase/server';
import { listRetentionRuns, readRetention } from '@/lib/data/data-protection';
import { readNuisanceSettings } from '@/lib/data/nuisance-settings';
import { nuisanceMinimumDays } from '@/lib/domain/retention-input';
import { RetentionForm } from './_components/retention-form';
import { RunRetention } from './_components/run-retention';

const RUNS_SHOWN = 10;

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t('admin.retention.title') };
}

export default async function AdminRetentionPage() {
  await requireRole('admin');
  const { t, lang } = await getT();
  const db = await createClient();
  const [settings, nuisance, runs] = await Promise.all([readRetention(db), readNuisanceSettings(db), listRetentionRuns(db, RUNS_SHOWN)]);
  const minimum = nuisanceMinimumDays(nuisance.windowHours, nuisance.blockHours);
  return (
    <section className="mx-auto flex w-full max-w-3xl flex-col gap-4 p-4" data-test="admin-retention">
      <div>
        <h1 className="text-2xl font-bold" data-test="page-title">
          {t('admin.retention.title')}
        </h1>
        <p className="text-sm text-slate-600">{t('admin.retention.intro')}</p>
      </div>
      <section
        className="rounded-lg border border-slate-200 bg-white p-4"
        data-test="retention-current"
        data-incident-days={settings.incidentDays}
        data-nuisance-days={settings.nuisanceDays}
        data-version={settings.version}
      >
        <h2 className="mb-1 text-lg font-semibold">{t('admin.retention.current')}</h2>
        <p className="text-base font-semibold" data-test="retention-meaning">
          {t('admin.retention.meaning', { incident: settings.incidentDays, nuisance: settings.nuisanceDays })}
        </p>
        <p className="text-sm text-slate-600" data-test="retention-last-changed">
          {t('admin.retention.lastChanged', { at: formatDateTime(settings.updatedAt, lang), by: settings.updatedBy ?? t('admin.retention.system') })}
        </p>
        <p className="text-xs text-slate-500" data-test="retention-minimum">
          {t('admin.retention.minimum', { days: minimum, window: nuisance.windowHours, block: nuisance.blockHours })}
        </p>
      </section>
      <RetentionForm settings={settings} />
      <RunRetention />
      <section className="rounded-lg border border-slate-200 bg-white p-4" data-test="retention-runs">
        <h2 className="text-lg font-semibold">{t('admin.retention.runs.title')}</h2>
        <p className="mb-2 text-xs text-slate-500">{t('admin.retention.runs.intro')}</p>
        {runs.length === 0 ? (
          <p className="text-sm text-slate-600">{t('admin.retention.runs.empty')}</p>
        ) : (
          <table className="w-full text-left text-sm">
            <thead>
              <tr className="border-b border-slate-300">
                <th className="py-1 pr-3">{t('admin.retention.runs.at')}</th>
                <th className="py-1 pr-3 text-right">{t('admin.retention.runs.pseudonymised')}</th>
                <th className="py-1 pr-3 text-right">{t('admin.retention.runs.held')}</th>
                <th className="py-1 pr-3 text-right">{t('admin.retention.runs.positions')}</th>
                <th className="py-1">{t('admin.retention.runs.by')}</th>
              </tr>
            </thead>
            <tbody>
              {runs.map((run) => (
                <tr key={run.at} className="border-b border-slate-100" data-test="retention-run">
                  <td className="py-1 pr-3 tabular-nums">{formatDateTime(run.at, lang)}</td>
                  <td className="py-1 pr-3 text-right tabular-nums" data-test="retention-run-pseudonymised">
                    {run.pseudonymised}
                  </td>
                  <td className="py-1 pr-3 text-right tabular-nums">{run.heldSkipped}</td>
                  <td className="py-1 pr-3 text-right tabular-nums">{run.positionsDeleted}</td>
                  <td className="py-1">{run.actorName ?? t('admin.retention.runs.timer')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </section>
  );
}
