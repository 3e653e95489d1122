/** Placeholder body of an area whose screen is not built yet. */
import type { ReactNode } from 'react';
import { getT } from '@/lib/i18n/server';

export async function UnderConstruction({ title, children }: { title: string; children?: ReactNode }) {
  const { t } = await getT();
  return (
    <section className="mx-auto flex w-full max-w-5xl flex-col gap-4 p-6">
      <h1 className="text-2xl font-bold" data-test="page-title">
        {title}
      </h1>
      <p className="text-slate-700 dark:text-slate-300" data-test="under-construction">
        {t('page.underConstruction')}
      </p>
      {children}
    </section>
  );
}
