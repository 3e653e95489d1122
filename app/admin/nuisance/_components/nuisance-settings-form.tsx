'use client';
/**
 * The admin's form for the nuisance-number rules. Checked on the screen with the database's bounds
 * first (nothing is sent when a field is out of range), then saved with the version the screen showed,
 * so a second admin is told of the conflict and sees the fresh rules instead of overwriting them.
 */
import { useState, useTransition } from 'react';
import { useRouter } from 'next/navigation';
import { createClient } from '@/lib/supabase/client';
import { setNuisanceSettings, type NuisanceSettings } from '@/lib/data/nuisance-settings';
import {
  parseNuisanceSettings,
  type NuisanceSettingsDraft,
  type NuisanceSettingsField,
} from '@/lib/domain/nuisance-settings-input';
import { useT } from '@/lib/i18n/use-t';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/text-field';
import { AdminNoticeLine } from '../../_components/admin-notice-line';
import { FieldProblem } from '../../_components/field-problem';
import { useAdminWrite } from '../../_components/use-admin-write';

const FIELDS: readonly NuisanceSettingsField[] = ['threshold', 'windowHours', 'blockHours'];

function draftOf(settings: NuisanceSettings): NuisanceSettingsDraft {
  return { threshold: String(settings.threshold), windowHours: String(settings.windowHours), blockHours: String(settings.blockHours) };
}

export function NuisanceSettingsForm({ settings }: { settings: NuisanceSettings }) {
  const { t } = useT();
  const router = useRouter();
  const [, startTransition] = useTransition();
  const [draft, setDraft] = useState<NuisanceSettingsDraft>(() => draftOf(settings));
  const [shownVersion, setShownVersion] = useState(settings.version);
  const [problems, setProblems] = useState<readonly NuisanceSettingsField[]>([]);
  // After a save or a conflict the server renders the rules in force again: the fields start from
  // them, while the notice of what just happened stays (React's "adjust state on a prop change").
  if (settings.version !== shownVersion) {
    setShownVersion(settings.version);
    setDraft(draftOf(settings));
  }
  const { busy, notice, setNotice, run } = useAdminWrite(async () => startTransition(() => router.refresh()));

  async function save() {
    const parsed = parseNuisanceSettings(draft);
    if (!parsed.ok) {
      setProblems(parsed.fields);
      setNotice({ kind: 'error', message: t('workflow.invalid_settings') });
      return;
    }
    setProblems([]);
    const { threshold, windowHours, blockHours } = parsed.value;
    if (threshold === settings.threshold && windowHours === settings.windowHours && blockHours === settings.blockHours) {
      setNotice({ kind: 'ok', message: t('admin.nuisance.unchanged') });
      return;
    }
    const meaning = t('admin.nuisance.meaning', { threshold, window: windowHours, block: blockHours });
    // Made on use, not during render: the server renders this component too, and has no browser client.
    const saved = await run(() => setNuisanceSettings(createClient(), parsed.value, settings.version), t('admin.nuisance.saved', { meaning }));
    if (saved) startTransition(() => router.refresh());
  }

  return (
    <form
      className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4"
      data-test="nuisance-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <AdminNoticeLine notice={notice} />
      <div className="grid gap-3 sm:grid-cols-3">
        {FIELDS.map((field) => (
          <div key={field} className="flex flex-col gap-1">
            <TextField
              id={`nuisance-${field}`}
              label={t(`admin.nuisance.field.${field}`)}
              data-test={`nuisance-${field}`}
              inputMode="numeric"
              aria-invalid={problems.includes(field)}
              value={draft[field]}
              onChange={(e) => setDraft((d) => ({ ...d, [field]: e.target.value }))}
            />
            <FieldProblem code={problems.includes(field) ? 'invalid_settings' : undefined} field={field} />
          </div>
        ))}
      </div>
      <div>
        <Button type="submit" disabled={busy} data-test="nuisance-save">
          {busy ? t('admin.nuisance.saving') : t('admin.nuisance.save')}
        </Button>
      </div>
    </form>
  );
}
