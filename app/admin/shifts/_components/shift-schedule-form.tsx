'use client';
/**
 * The admin's form for the shift schedule: the start hours are checked on the screen by the
 * database's rule first (nothing is sent when they are not a schedule), then saved with the version
 * the screen showed, so a second admin is told of the conflict instead of overwriting it.
 */
import { useState, useTransition } from 'react';
import { useRouter } from 'next/navigation';
import { createClient } from '@/lib/supabase/client';
import { setShiftSchedule } from '@/lib/data/shift';
import { parseShiftSchedule } from '@/lib/domain/shift';
import { useT } from '@/lib/i18n/use-t';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/text-field';
import { AdminNoticeLine } from '../../_components/admin-notice-line';
import { useAdminWrite } from '../../_components/use-admin-write';

export function ShiftScheduleForm({ hours, version }: { hours: readonly number[]; version: number }) {
  const { t } = useT();
  const router = useRouter();
  const [, startTransition] = useTransition();
  const [text, setText] = useState(() => hours.join(', '));
  const [shownVersion, setShownVersion] = useState(version);
  const [invalid, setInvalid] = useState(false);
  // After a save or a conflict the server renders the schedule in force again: start from it.
  if (version !== shownVersion) {
    setShownVersion(version);
    setText(hours.join(', '));
  }
  const { busy, notice, setNotice, run } = useAdminWrite(async () => startTransition(() => router.refresh()));

  async function save() {
    const parsed = parseShiftSchedule(text);
    setInvalid(parsed === null);
    if (!parsed) return setNotice({ kind: 'error', message: t('workflow.invalid_schedule') });
    if (parsed.join(',') === hours.join(',')) return setNotice({ kind: 'ok', message: t('admin.shifts.unchanged') });
    // Made on use, not during render: the server renders this component too, and has no browser client.
    const saved = await run(() => setShiftSchedule(createClient(), parsed, version), t('admin.shifts.saved', { schedule: parsed.join(', ') }));
    if (saved) startTransition(() => router.refresh());
  }

  return (
    <form
      className="flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-4"
      data-test="shifts-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <AdminNoticeLine notice={notice} />
      <TextField
        id="shift-hours"
        label={t('admin.shifts.field')}
        data-test="shift-hours"
        aria-invalid={invalid}
        aria-describedby="shift-hours-hint"
        value={text}
        onChange={(e) => setText(e.target.value)}
      />
      <p id="shift-hours-hint" className="text-xs text-slate-600">
        {t('admin.shifts.hint')}
      </p>
      <div>
        <Button type="submit" disabled={busy} data-test="shifts-save">
          {busy ? t('admin.shifts.saving') : t('admin.shifts.save')}
        </Button>
      </div>
    </form>
  );
}
