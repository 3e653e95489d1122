'use client';
/**
 * The posts to dispatch from, ranked by the incident category's run card (lib/domain/post-ranking):
 * the recommended set first — the nearest post of each kind the card names, lead before support —
 * then the other posts of those kinds, nearest first with the travel estimate (a kind a nearby hazard
 * added says why: "BPBD: 300 m dari kawasan industri kimia"); one click assigns
 * the post's agency. "Show every agency" lists the rest too. Posts and agencies are live, so a post
 * an administrator moves or deactivates changes this list at once.
 */
import { useMemo, useState } from 'react';
import type { Agency, AgencyPost, Incident } from '@/lib/data/dispatch';
import type { RunCard } from '@/lib/domain/dispatch-agencies';
import { describeProximity } from '@/lib/domain/hazard-proximity';
import type { HazardAddition } from '@/lib/domain/hazard-run-card';
import { etaMinutes } from '@/lib/domain/eta';
import { rankPostsForIncident } from '@/lib/domain/post-ranking';
import { formatNumber } from '@/lib/i18n/format';
import { useT } from '@/lib/i18n/use-t';
import { Button } from '@/components/ui/button';

const NO_ADDITIONS: readonly HazardAddition[] = [];

export interface NearestPostsProps {
  incident: Pick<Incident, 'lat' | 'lng' | 'category' | 'status'>;
  posts: readonly AgencyPost[];
  agencies: ReadonlyMap<string, Agency>;
  runCard: RunCard | undefined;
  /** Kinds a hazard near the incident added to the card: their recommended post says why. */
  hazardAdditions?: readonly HazardAddition[];
  assignedAgencyIds: ReadonlySet<string>;
  busy: boolean;
  onAssign: (agencyId: string) => void;
  /** How many rows to show before "show every agency". */
  limit?: number;
}

export function NearestPosts({ incident, posts, agencies, runCard, hazardAdditions = NO_ADDITIONS, assignedAgencyIds, busy, onAssign, limit = 8 }: NearestPostsProps) {
  const { t, lang } = useT();
  const [showAll, setShowAll] = useState(false);
  const ranked = useMemo(() => rankPostsForIncident(incident, posts, agencies, runCard), [incident, posts, agencies, runCard]);
  const visible = showAll ? ranked : ranked.filter((r) => r.role !== null).slice(0, limit);
  const open = incident.status !== 'closed' && incident.status !== 'cancelled';

  return (
    <section data-test="nearest-posts">
      <div className="mb-1 flex items-center justify-between">
        <h3 className="text-sm font-semibold">{t('dispatch.posts.title')}</h3>
        <label className="flex items-center gap-1 text-xs">
          <input type="checkbox" checked={showAll} onChange={(e) => setShowAll(e.target.checked)} data-test="posts-show-all" />
          {t('dispatch.posts.showAll')}
        </label>
      </div>
      <p className="mb-1 text-xs text-slate-500">{t('dispatch.posts.hint')}</p>
      <ol className="flex flex-col gap-1">
        {visible.map(({ post, agency, role, recommended, distanceMetres, etaSeconds }) => {
          const assigned = assignedAgencyIds.has(post.agency_id);
          const hazard = recommended ? hazardAdditions.find((a) => a.kind === agency.kind) : undefined;
          return (
            <li
              key={post.id}
              className={`flex items-center justify-between gap-2 rounded border px-2 py-1 text-sm ${recommended ? 'border-blue-400 bg-blue-50' : 'border-slate-200 bg-white'}`}
              data-test="nearest-post"
              data-post-id={post.id}
              data-agency-code={agency.code}
              data-role={role ?? 'none'}
              data-recommended={String(recommended)}
              data-distance={Math.round(distanceMetres)}
            >
              <div className="min-w-0">
                <div className="flex items-center gap-1">
                  <span className="h-2.5 w-2.5 shrink-0 rounded-sm" style={{ background: agency.color ?? '#64748b' }} aria-hidden="true" />
                  <span className="font-semibold">{agency.code}</span>
                  <span className="truncate">{post.name}</span>
                  {role && (
                    <span className={`rounded px-1 text-[10px] ${role === 'lead' ? 'bg-blue-100 text-blue-800' : 'bg-slate-100 text-slate-700'}`}>
                      {t(`dispatch.posts.${role}`)}
                    </span>
                  )}
                  {recommended && (
                    <span className="rounded bg-blue-700 px-1 text-[10px] font-semibold text-white" data-test="post-recommended">
                      {t('dispatch.posts.recommended')}
                    </span>
                  )}
                </div>
                {hazard && (
                  <div className="text-xs font-semibold text-amber-800" data-test="post-hazard-reason" title={`${hazard.because.hazard.name} — ${hazard.because.hazard.source}`}>
                    {t('hazard.runCard.reason', { code: agency.code, reason: describeProximity(hazard.because, t, lang) })}
                  </div>
                )}
                <div className="text-xs text-slate-600" data-test="post-eta">
                  {t('dispatch.posts.distance', { km: formatNumber(distanceMetres / 1000, lang, { fractionDigits: 1 }), minutes: etaMinutes(etaSeconds) })}
                </div>
              </div>
              {assigned ? (
                <span className="shrink-0 text-xs text-emerald-700">{t('dispatch.posts.assigned')}</span>
              ) : (
                <Button variant="accent" size="sm" className="shrink-0" disabled={busy || !open} onClick={() => onAssign(post.agency_id)} data-test="assign-post">
                  {t('dispatch.posts.assign')}
                </Button>
              )}
            </li>
          );
        })}
      </ol>
      <p className="mt-1 text-[11px] text-slate-500">{t('dispatch.posts.etaNote')}</p>
    </section>
  );
}
