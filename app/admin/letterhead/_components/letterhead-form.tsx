'use client';
/**
 * The admin's form for the official report's letterhead. Checked on the screen with the database's
 * bounds first (nothing is sent while a field is at fault), then saved with the version the screen
 * showed, so a second admin is told of the conflict and sees the fresh letterhead instead of
 * overwriting it.
 */
import { useState, useTransition } from 'react';
import { useRouter } from 'next/navigation';
import { createClient } from '@/lib/supabase/client';
import { setLetterhead, type Letterhead } from '@/lib/data/letterhead';
import { LETTERHEAD_FIELDS, letterheadDraft, parseLetterhead, type LetterheadDraft, type LetterheadField, type LetterheadProblem } from '@/lib/domain/letterhead-input';
import { useT } from '@/lib/i18n/use-t';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/text-field';
import { AdminNoticeLine } from '../../_components/admin-notice-line';
import { FieldProblem } from '../../_components/field-problem';
import { useAdminWrite } from '../../_components/use-admin-write';

const KOP: readonly LetterheadField[] = LETTERHEAD_FIELDS.slice(0, 7);
const SIGNATURE: readonly LetterheadField[] = LETTERHEAD_FIELDS.slice(7);

// Browser limits a little above the database's, so an over-long paste is still told, not cut.
const MAX_LENGTH: Record<LetterheadField, number> = {
  governmentName: 130,
  agencyName: 170,
  addressLine: 210,
  phone: 70,
  email: 130,
  website: 130,
  city: 70,
  signatoryTitle: 170,
  signatoryName: 130,
  signatoryNip: 30,
};

export function LetterheadForm({ letterhead }: { letterhead: Letterhead }) {
  const { t } = useT();
  const router = useRouter();
  const [, startTransition] = useTransition();
  const [draft, setDraft] = useState<LetterheadDraft>(() => letterheadDraft(letterhead));
  const [shownVersion, setShownVersion] = useState(letterhead.version);
  const [problems, setProblems] = useState<Partial<Record<LetterheadField, LetterheadProblem>>>({});
  // After a save or a conflict the server renders the letterhead in force again: start from it.
  if (letterhead.version !== shownVersion) {
    setShownVersion(letterhead.version);
    setDraft(letterheadDraft(letterhead));
  }
  const { busy, notice, setNotice, run } = useAdminWrite(async () => startTransition(() => router.refresh()));

  async function save() {
    const parsed = parseLetterhead(draft);
    if (!parsed.ok) {
      setProblems(parsed.problems);
      const first = LETTERHEAD_FIELDS.find((f) => parsed.problems[f]);
      setNotice({ kind: 'error', message: t(`workflow.${first ? (parsed.problems[first] ?? 'invalid_letterhead') : 'invalid_letterhead'}`) });
      return;
    }
    setProblems({});
    if (LETTERHEAD_FIELDS.every((f) => parsed.value[f] === letterhead[f])) {
      setNotice({ kind: 'ok', message: t('admin.letterhead.unchanged') });
      return;
    }
    // Made on use, not during render: the server renders this component too, and has no browser client.
    const saved = await run(() => setLetterhead(createClient(), parsed.value, letterhead.version), t('admin.letterhead.saved'));
    if (saved) startTransition(() => router.refresh());
  }

  const field = (name: LetterheadField) => (
    <div key={name} className="flex flex-col gap-1">
      <TextField
        id={`letterhead-${name}`}
        label={t(`admin.letterhead.field.${name}`)}
        data-test={`letterhead-${name}`}
        inputMode={name === 'signatoryNip' ? 'numeric' : undefined}
        type={name === 'email' ? 'email' : 'text'}
        maxLength={MAX_LENGTH[name]}
        aria-invalid={problems[name] !== undefined}
        value={draft[name]}
        onChange={(e) => setDraft((d) => ({ ...d, [name]: e.target.value }))}
      />
      <FieldProblem code={problems[name]} field={name} />
    </div>
  );

  return (
    <form
      className="flex flex-col gap-4 rounded-lg border border-slate-200 bg-white p-4"
      data-test="letterhead-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <AdminNoticeLine notice={notice} />
      <fieldset className="flex flex-col gap-3">
        <legend className="mb-1 text-lg font-semibold">{t('admin.letterhead.kop')}</legend>
        {KOP.map(field)}
      </fieldset>
      <fieldset className="flex flex-col gap-3">
        <legend className="mb-1 text-lg font-semibold">{t('admin.letterhead.signature')}</legend>
        {SIGNATURE.map(field)}
      </fieldset>
      <div>
        <Button type="submit" disabled={busy} data-test="letterhead-save">
          {busy ? t('admin.letterhead.saving') : t('admin.letterhead.save')}
        </Button>
      </div>
    </form>
  );
}
