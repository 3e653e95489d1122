'use client';
/**
 * The field report that completes an assignment: what was done and, for categories with people hurt
 * or moved, the victim counts (handed on as data beside the text; complete_assignment stores both).
 */
import { useState } from 'react';
import { categoryNeedsCounts, composeReport, COUNT_KEYS, type CountKey, type Counts } from '@/lib/domain/opd-inbox';
import { useT } from '@/lib/i18n/use-t';
import { ReasonForm } from '@/components/ui/reason-form';

// assignments.report's limit: the counts travel as columns now, not appended to the text.
const TEXT_MAX_LENGTH = 4000;

export function CompleteForm({ category, onSubmit, onCancel }: { category: string; onSubmit: (report: string, counts: Counts | null) => void; onCancel: () => void }) {
  const { t } = useT();
  const [counts, setCounts] = useState<Partial<Record<CountKey, string>>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const needsCounts = categoryNeedsCounts(category);

  function submit(text: string) {
    const r = composeReport(text, category, counts);
    if (!r.ok) {
      setProblem(t(`opd.report.${r.problem}`));
      return;
    }
    setProblem(null);
    onSubmit(r.report, r.counts);
  }

  return (
    <ReasonForm
      title={t('opd.report.title')}
      label={t('opd.report.text')}
      placeholder={t('opd.report.placeholder')}
      rows={4}
      maxLength={TEXT_MAX_LENGTH}
      requiredMessage={t('opd.report.report_required')}
      problem={problem}
      submitLabel={t('opd.report.submit')}
      cancelLabel={t('opd.report.cancel')}
      submitVariant="success"
      test={{ form: 'complete-form', text: 'report-text', submit: 'report-submit', problem: 'report-problem' }}
      onSubmit={submit}
      onCancel={onCancel}
    >
      {needsCounts && (
        <fieldset className="flex flex-col gap-2" data-test="report-counts">
          <legend className="mb-1 text-sm font-semibold">{t('opd.report.counts')}</legend>
          <div className="grid grid-cols-2 gap-2">
            {COUNT_KEYS.map((key) => (
              <label key={key} className="flex flex-col gap-1 text-sm">
                {t(`opd.report.${key}`)}
                <input
                  type="number"
                  inputMode="numeric"
                  min={0}
                  max={9999}
                  step={1}
                  value={counts[key] ?? ''}
                  onChange={(e) => setCounts((c) => ({ ...c, [key]: e.target.value }))}
                  className="min-h-10 rounded-md border border-slate-400 px-2 text-base"
                  data-test={`report-count-${key}`}
                />
              </label>
            ))}
          </div>
        </fieldset>
      )}
    </ReasonForm>
  );
}
