/** The admin console's landing page: one card per section of ADMIN_SECTIONS. */
import type { Metadata } from 'next';
import Link from 'next/link';
import { requireRole } from '@/lib/auth/require-role';
import { getT } from '@/lib/i18n/server';
import { ADMIN_SECTIONS } from './_components/admin-sections';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t('area.admin') };
}

export default async function AdminPage() {
  await requireRole('admin');
  const { t } = await getT();
  return (
    <>
      <h1 className="text-2xl font-bold">{t('admin.home.title')}</h1>
      <p className="text-slate-700">{t('admin.home.intro')}</p>
      <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3" data-test="admin-sections">
        {ADMIN_SECTIONS.map((section) => (
          <li key={section.href}>
            <Link
              href={section.href}
              className="flex h-full flex-col gap-2 rounded-lg border border-slate-300 bg-white p-5 shadow-sm hover:border-brand-600"
              data-test={`admin-section-${section.href.slice('/admin/'.length)}`}
            >
              <span className="text-lg font-bold">{t(section.labelKey)}</span>
              <span className="text-sm text-slate-700">{t(section.descriptionKey)}</span>
            </Link>
          </li>
        ))}
      </ul>
    </>
  );
}
