/**
 * /admin/nuisance (issue #16 §5): the rules by which repeated ghost/prank calls from one number
 * propose a block — threshold, window and block length — in words, who changed them last, and the
 * form to change them. Admins only; the database refuses everyone else as well (set_nuisance_settings).
 */
import type { Metadata } from 'next';
import { requireRole } from '@/lib/auth/require-role';
import { getT } from '@/lib/i18n/server';
import { createClient } from '@/lib/supabase/server';
import { readNuisanceSettings } from '@/lib/data/nuisance-settings';
import { formatDateTime } from '@/lib/i18n/format';
import { NuisanceSettingsForm } from './_components/nuisance-settings-form';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t('admin.nuisance.title') };
}

export default async function AdminNuisancePage() {
  await requireRole('admin');
  const { t, lang } = await getT();
  const settings = await readNuisanceSettings(await createClient());
  return (
    <section className="mx-auto flex w-full max-w-3xl flex-col gap-4 p-4" data-test="admin-nuisance">
      <div>
        <h1 className="text-2xl font-bold" data-test="page-title">
          {t('admin.nuisance.title')}
        </h1>
        <p className="text-sm text-slate-600">{t('admin.nuisance.intro')}</p>
      </div>
      <section
        className="rounded-lg border border-slate-200 bg-white p-4"
        data-test="nuisance-current"
        data-threshold={settings.threshold}
        data-window-hours={settings.windowHours}
        data-block-hours={settings.blockHours}
        data-version={settings.version}
      >
        <h2 className="mb-1 text-lg font-semibold">{t('admin.nuisance.current')}</h2>
        <p className="text-base font-semibold" data-test="nuisance-meaning">
          {t('admin.nuisance.meaning', { threshold: settings.threshold, window: settings.windowHours, block: settings.blockHours })}
        </p>
        <p className="text-sm text-slate-600" data-test="nuisance-last-changed">
          {t('admin.nuisance.lastChanged', {
            at: formatDateTime(settings.updatedAt, lang),
            by: settings.updatedBy ?? t('admin.nuisance.system'),
          })}
        </p>
        <p className="text-xs text-slate-500">{t('admin.nuisance.defaults')}</p>
      </section>
      <NuisanceSettingsForm settings={settings} />
    </section>
  );
}
