'use client';
/**
 * The admin's table of SLA targets: per stage the service standard's default, the value in force and
 * a field for a new one. Saving calls set_sla_target with the version the screen showed, so two
 * admins never overwrite each other silently: the second is told and sees the fresh value.
 */
import { useState, useTransition } from 'react';
import { useRouter } from 'next/navigation';
import { createClient } from '@/lib/supabase/client';
import { setSlaTarget, type SlaTargetRow } from '@/lib/data/sla-targets';
import { writeFailureMessage } from '@/lib/data/write-result';
import { DEFAULT_SLA_TARGETS, type SlaStage } from '@/lib/domain/sla';
import { parseSlaTargetSeconds } from '@/lib/domain/sla-target-input';
import { isRefusal } from '@/lib/domain/write-failure';
import { formatDuration } from '@/lib/i18n/format';
import { useT } from '@/lib/i18n/use-t';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';

type Notice = { tone: 'info' | 'error'; text: string; stage: SlaStage };

export function SlaTargetsEditor({ rows }: { rows: readonly SlaTargetRow[] }) {
  const { t } = useT();
  const router = useRouter();
  const [drafts, setDrafts] = useState<Partial<Record<SlaStage, string>>>({});
  const [notice, setNotice] = useState<Notice | null>(null);
  const [saving, setSaving] = useState<SlaStage | null>(null);
  const [, startTransition] = useTransition();

  async function save(row: SlaTargetRow) {
    const parsed = parseSlaTargetSeconds(drafts[row.stage] ?? '');
    if (!parsed.ok) {
      setNotice({ tone: 'error', text: t('admin.sla.invalid'), stage: row.stage });
      return;
    }
    if (parsed.value === row.target_seconds) {
      setNotice({ tone: 'info', text: t('admin.sla.unchanged'), stage: row.stage });
      return;
    }
    setSaving(row.stage);
    // Made on use, not during render: the server renders this component too, and has no browser client.
    const result = await setSlaTarget(createClient(), row, parsed.value);
    setSaving(null);
    if (result.ok) {
      setDrafts((d) => ({ ...d, [row.stage]: undefined }));
      setNotice({
        tone: 'info',
        text: t('admin.sla.saved', { stage: t(`dispatch.report.stage.${row.stage}`), seconds: formatDuration(result.data.target_seconds) }),
        stage: row.stage,
      });
    } else {
      const conflict = isRefusal(result.failure, 'stale_version');
      setNotice({ tone: 'error', text: conflict ? t('admin.sla.conflict') : writeFailureMessage(result.failure, t), stage: row.stage });
    }
    // The server renders the value in force and the history again (also after a conflict).
    startTransition(() => router.refresh());
  }

  return (
    <div className="flex flex-col gap-3">
      {notice && (
        <Alert tone={notice.tone} data-test="sla-notice" data-stage={notice.stage}>
          {notice.text}
        </Alert>
      )}
      <div className="overflow-x-auto">
        <table className="w-full text-sm" data-test="sla-targets">
          <thead>
            <tr className="border-b border-slate-300 text-left text-slate-600">
              <th className="px-2 py-1">{t('admin.sla.col.stage')}</th>
              <th className="px-2 py-1">{t('admin.sla.col.span')}</th>
              <th className="px-2 py-1">{t('admin.sla.col.default')}</th>
              <th className="px-2 py-1">{t('admin.sla.col.current')}</th>
              <th className="px-2 py-1">{t('admin.sla.col.new')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => {
              const inputId = `sla-${row.stage}`;
              return (
                <tr
                  key={row.stage}
                  className="border-b border-slate-100"
                  data-test="sla-target-row"
                  data-stage={row.stage}
                  data-version={row.version}
                >
                  <td className="px-2 py-1 font-semibold">
                    <label htmlFor={inputId}>{t(`dispatch.report.stage.${row.stage}`)}</label>
                  </td>
                  <td className="px-2 py-1 text-slate-600">{t(`admin.sla.span.${row.stage}`)}</td>
                  <td className="px-2 py-1 tabular-nums" data-test="sla-default">
                    {formatDuration(DEFAULT_SLA_TARGETS[row.stage])}
                  </td>
                  <td className="px-2 py-1 font-mono tabular-nums" data-test="sla-current" data-seconds={row.target_seconds}>
                    {formatDuration(row.target_seconds)}
                  </td>
                  <td className="px-2 py-1">
                    <form
                      className="flex items-center gap-2"
                      onSubmit={(e) => {
                        e.preventDefault();
                        void save(row);
                      }}
                    >
                      <input
                        id={inputId}
                        data-test="sla-input"
                        inputMode="numeric"
                        className="min-h-9 w-24 rounded-md border border-slate-400 px-2 py-1 font-mono"
                        value={drafts[row.stage] ?? ''}
                        placeholder={String(row.target_seconds)}
                        onChange={(e) => setDrafts((d) => ({ ...d, [row.stage]: e.target.value }))}
                      />
                      <Button type="submit" size="sm" disabled={saving !== null} data-test="sla-save">
                        {saving === row.stage ? t('admin.sla.saving') : t('admin.sla.save')}
                      </Button>
                    </form>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}
