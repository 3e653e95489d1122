'use client';
/**
 * The field report that completes an assignment: what was done and, for categories with people hurt
 * or moved, the victim counts (handed on as data beside the text; complete_assignment stores both),
 * and the dispatch-accuracy answers (DispatchFeedbackFields, sent with the step).
 */
import { useState } from 'react';
import { categoryNeedsCounts, composeReport, COUNT_KEYS, type CountKey, type Counts } from '@/lib/domain/opd-inbox';
import { useT } from '@/lib/i18n/use-t';
import { ReasonForm } from '@/components/ui/reason-form';
import { EMPTY_FEEDBACK_DRAFT, readFeedback, type DispatchFeedback } from '@/lib/domain/dispatch-feedback';
import { DispatchFeedbackFields, type FeedbackAgency } from './dispatch-feedback-fields';

// assignments.report's limit: the counts travel as columns now, not appended to the text.
const TEXT_MAX_LENGTH = 4000;

export interface CompleteFormProps {
  category: string;
  /** Agencies the liaison may name as missing (not theirs, not already sent). */
  candidates?: readonly FeedbackAgency[];
  onSubmit: (report: string, counts: Counts | null, feedback: DispatchFeedback | null) => void;
  onCancel: () => void;
}

export function CompleteForm({ category, candidates = [], onSubmit, onCancel }: CompleteFormProps) {
  const { t } = useT();
  const [counts, setCounts] = useState<Partial<Record<CountKey, string>>>({});
  const [feedback, setFeedback] = useState(EMPTY_FEEDBACK_DRAFT);
  const [problem, setProblem] = useState<string | null>(null);
  const needsCounts = categoryNeedsCounts(category);

  function submit(text: string) {
    const r = composeReport(text, category, counts);
    if (!r.ok) {
      setProblem(t(`opd.report.${r.problem}`));
      return;
    }
    const f = readFeedback(feedback, candidates.map((a) => a.id));
    if (!f.ok) {
      setProblem(t(`accuracy.form.${f.problem}`));
      return;
    }
    setProblem(null);
    onSubmit(r.report, r.counts, f.feedback);
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
      <DispatchFeedbackFields draft={feedback} candidates={candidates} onChange={setFeedback} />
    </ReasonForm>
  );
}
