'use client';
/**
 * The two dispatch-accuracy questions of the field report (issue #18 §5): was the liaison's agency
 * needed, and should another agency have been sent (none, or chosen from the agencies not sent).
 * Controlled by the completion form, which sends the answers with the step.
 */
import type { FeedbackDraft } from '@/lib/domain/dispatch-feedback';
import { useT } from '@/lib/i18n/use-t';

export interface FeedbackAgency {
  id: string;
  name: string;
}

const choice = 'flex min-h-11 flex-1 items-center gap-2 rounded-md border border-slate-400 bg-white px-3 text-base has-[:checked]:border-blue-700 has-[:checked]:bg-blue-50 has-[:checked]:font-semibold';

export function DispatchFeedbackFields({ draft, candidates, onChange }: { draft: FeedbackDraft; candidates: readonly FeedbackAgency[]; onChange: (draft: FeedbackDraft) => void }) {
  const { t } = useT();
  const toggle = (id: string, on: boolean) => onChange({ ...draft, chosen: on ? [...draft.chosen, id] : draft.chosen.filter((c) => c !== id) });
  return (
    <fieldset className="flex flex-col gap-3 rounded-md border border-slate-300 p-2" data-test="dispatch-feedback">
      <legend className="px-1 text-sm font-semibold">{t('accuracy.form.legend')}</legend>
      <div role="radiogroup" aria-labelledby="feedback-needed-label" className="flex flex-col gap-1">
        <span id="feedback-needed-label" className="text-sm">
          {t('accuracy.form.needed')}
        </span>
        <div className="flex gap-2">
          {(['yes', 'no'] as const).map((v) => (
            <label key={v} className={choice}>
              <input type="radio" name="feedback-needed" value={v} checked={draft.needed === v} onChange={() => onChange({ ...draft, needed: v })} data-test={`feedback-needed-${v}`} />
              {t(v === 'yes' ? 'accuracy.form.yes' : 'accuracy.form.no')}
            </label>
          ))}
        </div>
      </div>
      <div role="radiogroup" aria-labelledby="feedback-missing-label" className="flex flex-col gap-1">
        <span id="feedback-missing-label" className="text-sm">
          {t('accuracy.form.missing')}
        </span>
        <div className="flex gap-2">
          {(['none', 'some'] as const).map((v) => (
            <label key={v} className={choice}>
              <input type="radio" name="feedback-missing" value={v} checked={draft.missing === v} onChange={() => onChange({ ...draft, missing: v })} data-test={`feedback-missing-${v}`} />
              {t(v === 'none' ? 'accuracy.form.none' : 'accuracy.form.some')}
            </label>
          ))}
        </div>
        {draft.missing === 'some' && (
          <ul className="flex flex-col gap-1 pl-1" data-test="feedback-agencies">
            {candidates.map((a) => (
              <li key={a.id}>
                <label className="flex min-h-10 items-center gap-2 text-sm">
                  <input type="checkbox" className="h-5 w-5" checked={draft.chosen.includes(a.id)} onChange={(e) => toggle(a.id, e.target.checked)} data-test="feedback-agency" data-agency-id={a.id} />
                  {a.name}
                </label>
              </li>
            ))}
          </ul>
        )}
      </div>
    </fieldset>
  );
}
