/** 404 of the opd area: an incident that does not exist or is not assigned to the liaison's agency. */
import Link from 'next/link';
import { getT } from '@/lib/i18n/server';
import { CenteredMessage } from '@/app/_components/centered-message';

export default async function OpdNotFound() {
  const { t } = await getT();
  return (
    <CenteredMessage title={t('opd.notFound.title')} testId="not-found">
      <p>{t('opd.notFound.body')}</p>
      <Link href="/opd" className="font-semibold text-brand-700 underline" data-test="not-found-back">
        {t('opd.notFound.back')}
      </Link>
    </CenteredMessage>
  );
}
