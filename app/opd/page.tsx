/** The OPD liaison's live inbox: reference data read on the server, the live list in the browser. */
import type { Metadata } from 'next';
import { requireRole } from '@/lib/auth/require-role';
import { getT } from '@/lib/i18n/server';
import { createClient } from '@/lib/supabase/server';
import { loadOpdReference } from '@/lib/data/opd';
import { OpdInboxLazy } from '@/components/opd/opd-inbox-lazy';
import { CenteredMessage } from '@/app/_components/centered-message';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t('area.opd') };
}

export default async function OpdPage() {
  const { profile } = await requireRole('opd');
  const { t } = await getT();
  if (!profile.agency_id) {
    return (
      <CenteredMessage title={t('area.opd')} testId="opd-no-agency">
        <p>{t('opd.noAgency')}</p>
      </CenteredMessage>
    );
  }
  const reference = await loadOpdReference(await createClient(), profile.agency_id);
  return <OpdInboxLazy agency={reference.agency} targets={reference.targets} />;
}
