'use client';
/**
 * The supervisor's nuisance-number board: proposals made by the database when a number reached the
 * threshold of ghost/prank calls, each approved or rejected with a reason; and the blocks in force,
 * each with its expiry (database clock) and who decided, liftable early with a reason. A blocked
 * number's calls still come through, flagged: a block only lets the PBX play a message.
 */
import { useState } from 'react';
import { createClient } from '@/lib/supabase/client';
import { blockState } from '@/lib/domain/nuisance';
import { useT } from '@/lib/i18n/use-t';
import { useLiveNumberBlocks } from '@/lib/realtime/use-live-number-blocks';
import { useServerClock } from '@/lib/realtime/use-server-clock';
import { ConnectionStatus } from '@/components/realtime/connection-status';
import { Alert } from '@/components/ui/alert';
import { BlockCard, ProposalCard } from './number-block-cards';

export function NuisanceBoard() {
  const { t } = useT();
  const [client] = useState(() => createClient());
  const live = useLiveNumberBlocks(client);
  const clock = useServerClock(client, live.status);
  const proposals = live.rows.filter((b) => blockState(b, clock.nowMs) === 'proposed');
  const active = live.rows.filter((b) => blockState(b, clock.nowMs) === 'active');

  return (
    <div className="flex flex-col gap-4 p-4" data-test="nuisance-board">
      <div className="flex items-center gap-3">
        <h1 className="text-xl font-bold" data-test="page-title">
          {t('nuisance.title')}
        </h1>
        <ConnectionStatus status={live.status} />
      </div>
      {live.error && <Alert tone="error">{t('nuisance.loadError')}</Alert>}
      <div className="grid gap-4 lg:grid-cols-2">
        <section className="flex flex-col gap-2" data-test="nuisance-proposals" aria-labelledby="proposals-title">
          <h2 id="proposals-title" className="font-bold">
            {t('nuisance.proposals.title')}
          </h2>
          {proposals.length === 0 ? (
            <p className="text-sm text-slate-600">{t('nuisance.proposals.empty')}</p>
          ) : (
            proposals.map((block) => <ProposalCard key={block.id} client={client} block={block} />)
          )}
        </section>
        <section className="flex flex-col gap-2" data-test="nuisance-blocks" aria-labelledby="blocks-title">
          <h2 id="blocks-title" className="font-bold">
            {t('nuisance.blocks.title')}
          </h2>
          {active.length === 0 ? (
            <p className="text-sm text-slate-600">{t('nuisance.blocks.empty')}</p>
          ) : (
            active.map((block) => <BlockCard key={block.id} client={client} block={block} />)
          )}
        </section>
      </div>
    </div>
  );
}
