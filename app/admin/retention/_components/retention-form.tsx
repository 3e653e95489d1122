'use client';
/**
 * The admin's form for the retention periods. Checked on the screen with the database's bounds
 * first (nothing is sent for a value out of range or not a whole number), then saved with the
 * version the screen showed; the nuisance minimum (retention_too_short) is the database's to refuse.
 */
import { useState, useTransition } from 'react';
import { useRouter } from 'next/navigation';
import { createClient } from '@/lib/supabase/client';
import { setRetentionSettings, type RetentionView } from '@/lib/data/data-protection';
import { parseRetentionSettings, type RetentionDraft, type RetentionField } from '@/lib/domain/retention-input';
import { useT } from '@/lib/i18n/use-t';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/text-field';
import { AdminNoticeLine } from '../../_components/admin-notice-line';
import { useAdminWrite } from '../../_components/use-admin-write';

const FIELDS: readonly RetentionField[] = ['incidentDays', 'nuisanceDays'];

function draftOf(settings: RetentionView): RetentionDraft {
  return { incidentDays: String(settings.incidentDays), nuisanceDays: String(settings.nuisanceDays) };
}

export function RetentionForm({ settings }: { settings: RetentionView }) {
  const { t } = useT();
  const router = useRouter();
  const [, startTransition] = useTransition();
  const [draft, setDraft] = useState<RetentionDraft>(() => draftOf(settings));
  const [shownVersion, setShownVersion] = useState(settings.version);
  const [problems, setProblems] = useState<readonly RetentionField[]>([]);
  // After a save or a conflict the server renders the periods in force again: the fields start from them.
  if (settings.version !== shownVersion) {
    setShownVersion(settings.version);
    setDraft(draftOf(settings));
  }
  const { busy, notice, setNotice, run } = useAdminWrite(async () => startTransition(() => router.refresh()));

  async function save() {
    const parsed = parseRetentionSettings(draft);
    if (!parsed.ok) {
      setProblems(parsed.fields);
      setNotice({ kind: 'error', message: t('admin.retention.invalid') });
      return;
    }
    setProblems([]);
    const { incidentDays, nuisanceDays } = parsed.value;
    if (incidentDays === settings.incidentDays && nuisanceDays === settings.nuisanceDays) {
      setNotice({ kind: 'ok', message: t('admin.retention.unchanged') });
      return;
    }
    const meaning = t('admin.retention.meaning', { incident: incidentDays, nuisance: nuisanceDays });
    const saved = await run(() => setRetentionSettings(createClient(), parsed.value, settings.version), t('admin.retention.saved', { meaning }));
    if (saved) startTransition(() => router.refresh());
  }

  return (
    <form
      className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4"
      data-test="retention-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <AdminNoticeLine notice={notice} />
      <div className="grid gap-3 sm:grid-cols-2">
        {FIELDS.map((field) => (
          <div key={field} className="flex flex-col gap-1">
            <TextField
              id={`retention-${field}`}
              label={t(`admin.retention.field.${field}`)}
              data-test={`retention-${field}`}
              inputMode="numeric"
              aria-invalid={problems.includes(field)}
              value={draft[field]}
              onChange={(e) => setDraft((d) => ({ ...d, [field]: e.target.value }))}
            />
            {problems.includes(field) ? (
              <p className="text-xs font-semibold text-red-700" data-test={`problem-${field}`}>
                {t('admin.retention.invalid')}
              </p>
            ) : null}
          </div>
        ))}
      </div>
      <div>
        <Button type="submit" disabled={busy} data-test="retention-save">
          {busy ? t('admin.retention.saving') : t('admin.retention.save')}
        </Button>
      </div>
    </form>
  );
}
