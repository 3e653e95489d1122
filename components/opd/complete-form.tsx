'use client';
/**
 * The field report that completes an assignment: what was done and, for categories with people hurt
 * or moved, the victim counts (handed on as data beside the text; complete_assignment stores both).
 */
import { useState, type FormEvent } from 'react';
import { categoryNeedsCounts, composeReport, COUNT_KEYS, type CountKey, type Counts } from '@/lib/domain/opd-inbox';
import { useT } from '@/lib/i18n/use-t';

export function CompleteForm({ category, onSubmit, onCancel }: { category: string; onSubmit: (report: string, counts: Counts | null) => void; onCancel: () => void }) {
  const { t } = useT();
  const [text, setText] = useState('');
  const [counts, setCounts] = useState<Partial<Record<CountKey, string>>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const needsCounts = categoryNeedsCounts(category);

  function submit(e: FormEvent) {
    e.preventDefault();
    const r = composeReport(text, category, counts);
    if (!r.ok) {
      setProblem(t(`opd.report.${r.problem}`));
      return;
    }
    setProblem(null);
    onSubmit(r.report, r.counts);
  }

  return (
    <form onSubmit={submit} className="flex flex-col gap-3 rounded-lg border border-slate-300 bg-white p-3" data-test="complete-form" noValidate>
      <h3 className="font-bold">{t('opd.report.title')}</h3>
      <label className="flex flex-col gap-1 text-sm font-semibold">
        {t('opd.report.text')}
        <textarea
          value={text}
          onChange={(e) => setText(e.target.value)}
          rows={4}
          maxLength={3800}
          placeholder={t('opd.report.placeholder')}
          className="rounded-md border border-slate-400 p-2 text-base font-normal"
          data-test="report-text"
        />
      </label>
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
      {problem && (
        <p className="text-sm text-red-800" role="alert" data-test="report-problem">
          {problem}
        </p>
      )}
      <div className="flex gap-2">
        <button type="submit" className="min-h-12 flex-1 rounded-lg bg-emerald-700 px-3 font-bold text-white" data-test="report-submit">
          {t('opd.report.submit')}
        </button>
        <button type="button" onClick={onCancel} className="min-h-12 rounded-lg border border-slate-400 px-3 font-semibold">
          {t('opd.report.cancel')}
        </button>
      </div>
    </form>
  );
}
