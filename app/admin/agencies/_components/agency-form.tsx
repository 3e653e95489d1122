'use client';
/**
 * Create or edit one agency (OPD): code, name, kind, phone and colour, checked as the database checks
 * them before the round trip; the database still decides (a code another agency has: code_taken).
 */
import { useState, type FormEvent } from 'react';
import { Constants } from '@/lib/supabase/database.types';
import { checkAgency, type AgencyDraft, type AgencyField, type ValidAgency } from '@/lib/domain/admin-config-validation';
import type { WorkflowErrorCode } from '@/lib/domain/workflow-errors';
import type { AgencyRow } from '@/lib/data/admin-config';
import { useT } from '@/lib/i18n/use-t';
import { Button } from '@/components/ui/button';
import { FieldProblem } from '../../_components/field-problem';

const INPUT = 'min-h-9 w-full rounded border border-slate-400 bg-white px-2 py-1 text-sm aria-[invalid=true]:border-red-600';

export interface AgencyFormProps {
  agency: AgencyRow | null;
  busy: boolean;
  onSubmit: (value: ValidAgency) => void;
  onCancel: () => void;
}

function draftOf(agency: AgencyRow | null): AgencyDraft {
  return {
    code: agency?.code ?? '',
    name: agency?.name ?? '',
    kind: agency?.kind ?? 'other',
    phone: agency?.phone ?? '',
    color: agency?.color ?? '',
  };
}

export function AgencyForm({ agency, busy, onSubmit, onCancel }: AgencyFormProps) {
  const { t } = useT();
  const [draft, setDraft] = useState<AgencyDraft>(() => draftOf(agency));
  const [problems, setProblems] = useState<Partial<Record<AgencyField, WorkflowErrorCode>>>({});

  function submit(event: FormEvent) {
    event.preventDefault();
    const checked = checkAgency(draft);
    if (!checked.ok) return setProblems(checked.problems);
    setProblems({});
    onSubmit(checked.value);
  }

  const text = (field: Exclude<AgencyField, 'kind'>, label: string, extra: { maxLength?: number; placeholder?: string } = {}) => (
    <label className="flex flex-col gap-1 text-sm font-semibold">
      {label}
      <input
        className={INPUT}
        value={draft[field] ?? ''}
        aria-invalid={!!problems[field]}
        onChange={(e) => setDraft((d) => ({ ...d, [field]: e.target.value }))}
        data-test={`agency-${field}`}
        {...extra}
      />
      <FieldProblem code={problems[field]} field={field} />
    </label>
  );

  return (
    <form
      className="grid gap-3 rounded border border-slate-300 bg-white p-4 shadow sm:grid-cols-2"
      onSubmit={submit}
      noValidate
      data-test="agency-form"
      aria-label={agency ? t('admin.agencies.editTitle', { code: agency.code }) : t('admin.agencies.newTitle')}
    >
      <h2 className="text-lg font-bold sm:col-span-2">{agency ? t('admin.agencies.editTitle', { code: agency.code }) : t('admin.agencies.newTitle')}</h2>
      {text('code', t('admin.agencies.code'), { maxLength: 20 })}
      {text('name', t('admin.agencies.name'), { maxLength: 160 })}
      <label className="flex flex-col gap-1 text-sm font-semibold">
        {t('admin.agencies.kind')}
        <select
          className={INPUT}
          value={draft.kind}
          onChange={(e) => setDraft((d) => ({ ...d, kind: e.target.value as AgencyDraft['kind'] }))}
          data-test="agency-kind"
        >
          {Constants.public.Enums.agency_kind.map((k) => (
            <option key={k} value={k}>
              {t(`agencyKind.${k}`)}
            </option>
          ))}
        </select>
        <FieldProblem code={problems.kind} field="kind" />
      </label>
      {text('phone', t('admin.agencies.phone'), { maxLength: 40 })}
      {text('color', t('admin.agencies.color'), { maxLength: 7, placeholder: '#d32f2f' })}
      <div className="flex items-end gap-2 sm:col-span-2">
        <Button type="submit" disabled={busy} data-test="agency-save">
          {t('admin.save')}
        </Button>
        <Button variant="secondary" onClick={onCancel} data-test="agency-cancel">
          {t('admin.cancel')}
        </Button>
      </div>
    </form>
  );
}
