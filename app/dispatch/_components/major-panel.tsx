'use client';
/**
 * The supervisor's major-incident panel, in the drawer's place beside the dispatch map while it is
 * open (so it hides none of the map): the active major incidents (change, end) and the form that
 * declares the selected ticket one or changes one, while the area is drawn on the map (a circle around a clicked centre, or a polygon clicked corner by corner).
 */
import { useId } from 'react';
import { Siren, X } from 'lucide-react';
import type { MajorIncident, MajorTemplate } from '@/lib/data/major-incidents';
import { AREA_RADII_M, POLYGON_MAX_CORNERS } from '@/lib/domain/area';
import { MAJOR_TEXT_LIMITS } from '@/lib/domain/major-incident';
import type { MessageKey } from '@/lib/i18n/dictionaries/id';
import { formatTime } from '@/lib/i18n/format';
import { useT } from '@/lib/i18n/use-t';
import { Button } from '@/components/ui/button';
import { ReasonForm } from '@/components/ui/reason-form';
import { TextAreaField } from '@/components/ui/text-area-field';
import type { MajorDesk } from './use-major-desk';

const TEMPLATES: readonly MajorTemplate[] = ['chemical_explosion', 'tsunami_warning', 'flood', 'large_fire', 'other'];
const FIELD = 'rounded border border-slate-300 px-2 py-1 text-sm';

export interface MajorPanelProps {
  desk: MajorDesk;
  /** The ticket selected on the board, which a declaration is made on. */
  selected: { id: string; ticket_no: string; lat: number; lng: number } | null;
  ticketOf: (incidentId: string) => string | undefined;
  onClose: () => void;
}

export function MajorPanel({ desk, selected, ticketOf, onClose }: MajorPanelProps) {
  const { t } = useT();
  const majors = desk.live.rows;
  const alreadyMajor = selected ? majors.some((m) => m.incident_id === selected.id) : false;
  return (
    <section
      className="flex h-full flex-col gap-2 overflow-y-auto border-t-4 border-red-600 p-3 text-sm"
      data-test="major-panel"
      aria-label={t('major.desk.title')}
    >
      <header className="flex items-center gap-2">
        <Siren className="h-4 w-4 text-red-700" aria-hidden="true" focusable={false} />
        <h2 className="font-bold">{t('major.desk.title')}</h2>
        <button type="button" className="ml-auto rounded p-1 hover:bg-slate-100" onClick={onClose} aria-label={t('major.desk.close')} data-test="major-panel-close">
          <X className="h-4 w-4" aria-hidden="true" focusable={false} />
        </button>
      </header>
      {desk.notice && (
        <p
          role={desk.notice.kind === 'ok' ? 'status' : 'alert'}
          className={desk.notice.kind === 'ok' ? 'text-emerald-800' : 'text-red-700'}
          data-test="major-notice"
          data-kind={desk.notice.kind}
        >
          {desk.notice.message}
        </p>
      )}
      {desk.draft ? (
        <MajorForm desk={desk} ticket={ticketOf(desk.draft.incidentId)} />
      ) : desk.ending ? (
        <ReasonForm
          title={t('major.end.title', { title: desk.ending.title })}
          label={t('major.end.reason')}
          maxLength={MAJOR_TEXT_LIMITS.reasonMax}
          requiredMessage={t('major.end.required')}
          submitLabel={t('major.end.submit')}
          cancelLabel={t('major.desk.cancel')}
          busy={desk.busy}
          density="desk"
          tone="danger"
          submitVariant="danger"
          test={{ form: 'major-end-form', text: 'major-end-reason', submit: 'major-end-submit' }}
          onSubmit={(reason) => void desk.end(reason)}
          onCancel={desk.cancel}
        />
      ) : (
        <>
          <ActiveList majors={majors} ticketOf={ticketOf} desk={desk} />
          {selected ? (
            <Button
              variant="danger"
              size="sm"
              disabled={alreadyMajor || desk.busy}
              onClick={() => desk.startDeclare(selected)}
              data-test="major-declare-start"
            >
              {alreadyMajor ? t('major.desk.alreadyMajor', { ticket: selected.ticket_no }) : t('major.desk.declareOn', { ticket: selected.ticket_no })}
            </Button>
          ) : (
            <p className="text-slate-600" data-test="major-select-hint">
              {t('major.desk.selectHint')}
            </p>
          )}
        </>
      )}
    </section>
  );
}

function ActiveList({ majors, ticketOf, desk }: { majors: readonly MajorIncident[]; ticketOf: MajorPanelProps['ticketOf']; desk: MajorDesk }) {
  const { t } = useT();
  if (majors.length === 0) return <p className="text-slate-600" data-test="major-none">{t('major.desk.none')}</p>;
  return (
    <ul className="flex flex-col gap-2" data-test="major-list">
      {majors.map((m) => (
        <li key={m.id} className="rounded border border-red-200 bg-red-50 p-2" data-test="major-item" data-major-id={m.id} data-version={m.version}>
          <div className="font-semibold text-red-900">{m.title}</div>
          <div className="text-xs text-slate-700">
            {t(`major.template.${m.template}` as MessageKey)} · <span className="font-mono">{ticketOf(m.incident_id) ?? '—'}</span> ·{' '}
            {t('major.desk.since', { time: formatTime(m.declared_at, { seconds: false }) })}
          </div>
          <div className="mt-1 flex gap-2">
            <Button variant="secondary" size="sm" disabled={desk.busy} onClick={() => desk.startChange(m)} data-test="major-change-start">
              {t('major.desk.change')}
            </Button>
            <Button variant="dangerOutline" size="sm" disabled={desk.busy} onClick={() => desk.startEnd(m)} data-test="major-end-start">
              {t('major.desk.end')}
            </Button>
          </div>
        </li>
      ))}
    </ul>
  );
}

function MajorForm({ desk, ticket }: { desk: MajorDesk; ticket: string | undefined }) {
  const { t } = useT();
  const id = useId();
  const draft = desk.draft;
  if (!draft) return null;
  const problem = (field: 'title' | 'script' | 'area') => desk.showProblems && desk.problems.includes(field);
  return (
    <form
      className="flex flex-col gap-2"
      data-test="major-form"
      data-mode={draft.mode}
      onSubmit={(e) => {
        e.preventDefault();
        void desk.submit();
      }}
    >
      <h3 className="font-semibold">
        {draft.mode === 'declare' ? t('major.form.declareTitle', { ticket: ticket ?? '—' }) : t('major.form.changeTitle', { ticket: ticket ?? '—' })}
      </h3>
      {draft.mode === 'declare' && (
        <label className="flex flex-col gap-0.5 text-xs font-semibold" htmlFor={`${id}-template`}>
          {t('major.form.template')}
          <select
            id={`${id}-template`}
            className={FIELD}
            value={draft.template}
            onChange={(e) => desk.edit({ template: e.target.value as MajorTemplate })}
            data-test="major-template"
          >
            {TEMPLATES.map((tpl) => (
              <option key={tpl} value={tpl}>
                {t(`major.template.${tpl}`)}
              </option>
            ))}
          </select>
        </label>
      )}
      <label className="flex flex-col gap-0.5 text-xs font-semibold">
        {t('major.form.title')}
        <input
          className={FIELD}
          value={draft.title}
          maxLength={MAJOR_TEXT_LIMITS.titleMax}
          placeholder={t('major.form.titlePlaceholder')}
          aria-invalid={problem('title')}
          onChange={(e) => desk.edit({ title: e.target.value })}
          data-test="major-title"
        />
        {problem('title') && <span className="font-normal text-red-700" data-test="major-problem-title">{t('major.form.problem.title')}</span>}
      </label>
      <TextAreaField
        id={`${id}-script`}
        label={t('major.form.script')}
        density="desk"
        rows={4}
        value={draft.script}
        maxLength={MAJOR_TEXT_LIMITS.scriptMax}
        placeholder={t('major.form.scriptPlaceholder')}
        error={problem('script') ? t('major.form.problem.script') : undefined}
        errorTest="major-problem-script"
        onChange={(e) => desk.edit({ script: e.target.value })}
        data-test="major-script"
      />
      <fieldset className="flex flex-col gap-1 rounded border border-slate-200 p-2">
        <legend className="px-1 text-xs font-semibold">{t('major.form.area')}</legend>
        <div className="flex gap-3 text-xs">
          {(['circle', 'polygon'] as const).map((shape) => (
            <label key={shape} className="flex items-center gap-1">
              <input type="radio" name={`${id}-shape`} checked={draft.shape === shape} onChange={() => desk.edit({ shape })} data-test={`major-shape-${shape}`} />
              {t(`major.form.shape.${shape}`)}
            </label>
          ))}
        </div>
        {draft.shape === 'circle' ? (
          <>
            <label className="flex items-center gap-2 text-xs">
              {t('major.form.radius')}
              <select className={FIELD} value={draft.radiusM} onChange={(e) => desk.edit({ radiusM: Number(e.target.value) })} data-test="major-radius">
                {AREA_RADII_M.map((r) => (
                  <option key={r} value={r}>
                    {r >= 1000 ? `${r / 1000} km` : `${r} m`}
                  </option>
                ))}
              </select>
            </label>
            <p className="text-xs text-slate-600">{t('major.form.circleHint')}</p>
          </>
        ) : (
          <>
            <p className="text-xs text-slate-600" data-test="major-corners" data-count={draft.corners.length}>
              {t('major.form.polygonHint', { count: draft.corners.length, max: POLYGON_MAX_CORNERS })}
            </p>
            <div className="flex gap-2">
              <Button
                type="button"
                variant="secondary"
                size="sm"
                disabled={draft.corners.length === 0}
                onClick={() => desk.edit({ corners: draft.corners.slice(0, -1) })}
                data-test="major-corner-undo"
              >
                {t('major.form.undoCorner')}
              </Button>
              <Button type="button" variant="secondary" size="sm" disabled={draft.corners.length === 0} onClick={() => desk.edit({ corners: [] })} data-test="major-corner-clear">
                {t('major.form.clearCorners')}
              </Button>
            </div>
          </>
        )}
        {problem('area') && <span className="text-xs text-red-700" data-test="major-problem-area">{t('major.form.problem.area')}</span>}
      </fieldset>
      <div className="flex gap-2">
        <Button type="submit" variant="danger" size="sm" disabled={desk.busy} data-test="major-submit">
          {draft.mode === 'declare' ? t('major.form.declare') : t('major.form.save')}
        </Button>
        <Button type="button" variant="secondary" size="sm" onClick={desk.cancel} data-test="major-cancel">
          {t('major.desk.cancel')}
        </Button>
      </div>
    </form>
  );
}
