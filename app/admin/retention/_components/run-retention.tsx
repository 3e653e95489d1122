'use client';
/** "Jalankan sekarang": runs run_retention as the admin and says what it did; the runs list is read again. */
import { useTransition } from 'react';
import { useRouter } from 'next/navigation';
import { createClient } from '@/lib/supabase/client';
import { runRetention } from '@/lib/data/data-protection';
import { useT } from '@/lib/i18n/use-t';
import { Button } from '@/components/ui/button';
import { AdminNoticeLine } from '../../_components/admin-notice-line';
import { useAdminWrite } from '../../_components/use-admin-write';

export function RunRetention() {
  const { t } = useT();
  const router = useRouter();
  const [, startTransition] = useTransition();
  const { busy, notice, setNotice, run } = useAdminWrite(async () => startTransition(() => router.refresh()));

  async function runNow() {
    const outcome = await run(() => runRetention(createClient()));
    if (!outcome) return;
    setNotice({ kind: 'ok', message: t('admin.retention.run.result', { pseudonymised: outcome.pseudonymised, held: outcome.heldSkipped, positions: outcome.positionsDeleted }) });
    startTransition(() => router.refresh());
  }

  return (
    <section className="flex flex-col gap-2 rounded-lg border border-slate-200 bg-white p-4" data-test="retention-run-now">
      <h2 className="text-lg font-semibold">{t('admin.retention.run.title')}</h2>
      <p className="text-sm text-slate-600">{t('admin.retention.run.intro')}</p>
      <div data-test="retention-run-result">
        <AdminNoticeLine notice={notice} />
      </div>
      <div>
        <Button type="button" variant="secondary" disabled={busy} onClick={() => void runNow()} data-test="retention-run-button">
          {busy ? t('admin.retention.run.running') : t('admin.retention.run.button')}
        </Button>
      </div>
    </section>
  );
}
