'use client';
/**
 * The admin's matrix of per-priority targets: for each incident stage (the only ones measured after
 * a priority exists) and each priority, the override in force or empty for the general target.
 * Saving an empty cell removes the override; every save calls set_sla_priority_target with the
 * version the screen showed, so a concurrent change is reported instead of overwritten.
 */
import { useState, useTransition } from 'react';
import { useRouter } from 'next/navigation';
import { createClient } from '@/lib/supabase/client';
import { setSlaPriorityTarget, type SlaPriorityTargetRow } from '@/lib/data/sla-targets';
import { writeFailureMessage } from '@/lib/data/write-result';
import { PRIORITY_STAGES, type IncidentPriority, type SlaStage } from '@/lib/domain/sla';
import { parseSlaTargetSeconds } from '@/lib/domain/sla-target-input';
import { isRefusal } from '@/lib/domain/write-failure';
import { formatDuration } from '@/lib/i18n/format';
import { useT } from '@/lib/i18n/use-t';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';

/** Most urgent first, as the dispatch board orders incidents. */
const PRIORITIES: readonly IncidentPriority[] = ['critical', 'high', 'medium', 'low'];

type Notice = { tone: 'info' | 'error'; text: string };
const cellKey = (row: Pick<SlaPriorityTargetRow, 'stage' | 'priority'>) => `${row.stage}:${row.priority}`;

export function SlaPriorityEditor({ rows, general }: { rows: readonly SlaPriorityTargetRow[]; general: Readonly<Record<SlaStage, number>> }) {
  const { t } = useT();
  const router = useRouter();
  const [drafts, setDrafts] = useState<Record<string, string | undefined>>({});
  const [notice, setNotice] = useState<Notice | null>(null);
  const [saving, setSaving] = useState<string | null>(null);
  const [, startTransition] = useTransition();
  const byKey = new Map(rows.map((r) => [cellKey(r), r]));

  async function save(row: SlaPriorityTargetRow) {
    const key = cellKey(row);
    const typed = (drafts[key] ?? '').trim();
    let seconds: number | null = null;
    if (typed !== '') {
      const parsed = parseSlaTargetSeconds(typed);
      if (!parsed.ok) {
        setNotice({ tone: 'error', text: t('admin.sla.invalid') });
        return;
      }
      seconds = parsed.value;
    }
    if (seconds === row.target_seconds) {
      setNotice({ tone: 'info', text: t('admin.sla.unchanged') });
      return;
    }
    setSaving(key);
    // Made on use, not during render: the server renders this component too, and has no browser client.
    const result = await setSlaPriorityTarget(createClient(), row, seconds);
    setSaving(null);
    if (result.ok) {
      setDrafts((d) => ({ ...d, [key]: undefined }));
      const names = { stage: t(`dispatch.report.stage.${row.stage}`), priority: t(`operator.priority.${row.priority}`) };
      const saved = result.data.target_seconds;
      setNotice({
        tone: 'info',
        text: saved === null ? t('admin.sla.priority.removed', names) : t('admin.sla.priority.saved', { ...names, seconds: formatDuration(saved) }),
      });
    } else {
      const conflict = isRefusal(result.failure, 'stale_version');
      setNotice({ tone: 'error', text: conflict ? t('admin.sla.conflict') : writeFailureMessage(result.failure, t) });
    }
    startTransition(() => router.refresh());
  }

  return (
    <section className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4" data-test="sla-priority">
      <div>
        <h2 className="text-lg font-semibold">{t('admin.sla.priority.title')}</h2>
        <p className="text-sm text-slate-600">{t('admin.sla.priority.intro')}</p>
      </div>
      {notice && (
        <Alert tone={notice.tone} data-test="sla-priority-notice">
          {notice.text}
        </Alert>
      )}
      <div className="overflow-x-auto">
        <table className="w-full text-sm" data-test="sla-priority-targets">
          <thead>
            <tr className="border-b border-slate-300 text-left text-slate-600">
              <th className="px-2 py-1">{t('admin.sla.col.stage')}</th>
              {PRIORITIES.map((p) => (
                <th key={p} className="px-2 py-1">
                  {t(`operator.priority.${p}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {PRIORITY_STAGES.map((stage) => (
              <tr key={stage} className="border-b border-slate-100">
                <td className="px-2 py-1 font-semibold">{t(`dispatch.report.stage.${stage}`)}</td>
                {PRIORITIES.map((priority) => {
                  const row = byKey.get(cellKey({ stage, priority }));
                  if (!row) return <td key={priority} />;
                  const key = cellKey(row);
                  const inputId = `sla-priority-${stage}-${priority}`;
                  return (
                    <td key={priority} className="px-2 py-1" data-test="sla-priority-cell" data-stage={stage} data-priority={priority}
                      data-seconds={row.target_seconds ?? ''} data-version={row.version}>
                      <form
                        className="flex items-center gap-1"
                        onSubmit={(e) => {
                          e.preventDefault();
                          void save(row);
                        }}
                      >
                        <label htmlFor={inputId} className="sr-only">
                          {t('admin.sla.priority.cell', { stage: t(`dispatch.report.stage.${stage}`), priority: t(`operator.priority.${priority}`) })}
                        </label>
                        <input
                          id={inputId}
                          data-test="sla-priority-input"
                          inputMode="numeric"
                          className="min-h-9 w-20 rounded-md border border-slate-400 px-2 py-1 font-mono"
                          value={drafts[key] ?? (row.target_seconds === null ? '' : String(row.target_seconds))}
                          // Empty: the general target, shown as the hint.
                          placeholder={String(general[stage])}
                          onChange={(e) => setDrafts((d) => ({ ...d, [key]: e.target.value }))}
                        />
                        <Button type="submit" size="sm" disabled={saving !== null} data-test="sla-priority-save">
                          {saving === key ? t('admin.sla.saving') : t('admin.sla.save')}
                        </Button>
                      </form>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
