/** 404 page. */
import Link from 'next/link';
import { getT } from '@/lib/i18n/server';
import { CenteredMessage } from './_components/centered-message';

export default async function NotFound() {
  const { t } = await getT();
  return (
    <CenteredMessage title={t('notFound.title')} testId="not-found">
      <Link href="/" className="font-semibold text-brand-700 underline">
        {t('notFound.home')}
      </Link>
    </CenteredMessage>
  );
}
