/**
 * /admin/letterhead (issue #17): the letterhead (kop surat), date-line city and signatory printed on
 * the official Laporan Kondisi Gawat Darurat, who changed them last, and the form to change them.
 * Admins only; the database refuses everyone else as well (set_letterhead).
 */
import type { Metadata } from 'next';
import { requireRole } from '@/lib/auth/require-role';
import { readLetterhead } from '@/lib/data/letterhead';
import { formatDateTime } from '@/lib/i18n/format';
import { getT } from '@/lib/i18n/server';
import { createClient } from '@/lib/supabase/server';
import { LetterheadForm } from './_components/letterhead-form';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t('admin.letterhead.title') };
}

export default async function AdminLetterheadPage() {
  await requireRole('admin');
  const { t, lang } = await getT();
  const letterhead = await readLetterhead(await createClient());
  return (
    <section className="mx-auto flex w-full max-w-3xl flex-col gap-4 p-4" data-test="admin-letterhead" data-version={letterhead.version}>
      <div>
        <h1 className="text-2xl font-bold" data-test="page-title">
          {t('admin.letterhead.title')}
        </h1>
        <p className="text-sm text-slate-600">{t('admin.letterhead.intro')}</p>
        <p className="text-sm text-slate-600" data-test="letterhead-last-changed">
          {t('admin.letterhead.lastChanged', {
            at: formatDateTime(letterhead.updatedAt, lang),
            by: letterhead.updatedBy ?? t('admin.letterhead.system'),
          })}
        </p>
      </div>
      <LetterheadForm letterhead={letterhead} />
    </section>
  );
}
