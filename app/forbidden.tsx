/** 403 page rendered by `forbidden()` when a signed-in role may not open a page (see requireRole). */
import Link from 'next/link';
import { getT } from '@/lib/i18n/server';
import { CenteredMessage } from './_components/centered-message';

export default async function Forbidden() {
  const { t } = await getT();
  return (
    <CenteredMessage title={t('forbidden.title')} testId="forbidden">
      <p>{t('forbidden.body')}</p>
      <Link href="/" className="font-semibold text-brand-700 underline">
        {t('forbidden.home')}
      </Link>
    </CenteredMessage>
  );
}
