/**
 * The reason forms as the server first renders them (no DOM in the unit project: submitting is
 * covered by e2e/dispatch.spec.ts and e2e/opd.spec.ts). They keep the data-test attributes the e2e
 * page objects select by, the database's length limits and a label tied to the text.
 */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { CompleteForm } from '@/components/opd/complete-form';
import { DeclineForm } from '@/components/opd/decline-form';
import { IncidentCancelForm } from '@/components/incidents/incident-cancel-form';
import { IncidentCloseForm } from '@/components/incidents/incident-close-form';
import { ReasonForm } from './reason-form';

const noop = () => undefined;

function attr(html: string, tag: string, name: string): string | undefined {
  return new RegExp(`<${tag}[^>]*\\s${name}="([^"]*)"`).exec(html)?.[1];
}

describe('ReasonForm', () => {
  const html = renderToStaticMarkup(
    createElement(ReasonForm, {
      title: 'Judul',
      label: 'Alasan',
      maxLength: 1000,
      requiredMessage: 'Wajib',
      submitLabel: 'Kirim',
      cancelLabel: 'Batal',
      busy: true,
      busyLabel: 'Menyimpan…',
      test: { form: 'f', text: 'f-text', submit: 'f-submit' },
      onSubmit: noop,
      onCancel: noop,
    }),
  );

  it('ties the label to the text and keeps the length limit', () => {
    const id = attr(html, 'textarea', 'id');
    expect(id).toBeTruthy();
    expect(attr(html, 'label', 'for')).toBe(id);
    expect(attr(html, 'textarea', 'maxLength') ?? attr(html, 'textarea', 'maxlength')).toBe('1000');
    expect(html).toContain('<h3');
  });

  it('shows the busy label on a disabled submit and no problem or question before a submit', () => {
    expect(html).toMatch(/<button[^>]*type="submit"[^>]*disabled=""[^>]*data-test="f-submit"[^>]*>Menyimpan…<\/button>/);
    expect(html).not.toContain('role="alert"');
    expect(html).not.toContain('alertdialog');
  });

  it('shows a problem handed back by the caller', () => {
    const withProblem = renderToStaticMarkup(
      createElement(ReasonForm, {
        label: 'Laporan',
        maxLength: 10,
        requiredMessage: 'Wajib',
        problem: 'Isi semua jumlah korban',
        submitLabel: 'Kirim',
        cancelLabel: 'Batal',
        test: { form: 'f', text: 'f-text', submit: 'f-submit', problem: 'f-problem' },
        onSubmit: noop,
        onCancel: noop,
      }),
    );
    expect(withProblem).toMatch(/role="alert" data-test="f-problem">Isi semua jumlah korban</);
    expect(attr(withProblem, 'textarea', 'aria-describedby')).toBe(attr(withProblem, 'p', 'id'));
  });
});

describe('the forms built on it keep their data-test attributes', () => {
  it('OPD decline and complete', () => {
    const decline = renderToStaticMarkup(createElement(DeclineForm, { onSubmit: noop, onCancel: noop }));
    for (const test of ['decline-form', 'decline-reason', 'decline-submit']) expect(decline, test).toContain(`data-test="${test}"`);
    expect(attr(decline, 'textarea', 'maxLength') ?? attr(decline, 'textarea', 'maxlength')).toBe('1000');

    const complete = renderToStaticMarkup(createElement(CompleteForm, { category: 'fire', onSubmit: noop, onCancel: noop }));
    for (const test of ['complete-form', 'report-text', 'report-submit', 'report-counts', 'report-count-dead', 'report-count-evacuated']) {
      expect(complete, test).toContain(`data-test="${test}"`);
    }
  });

  it('incident cancel and close start as their open buttons', () => {
    const cancel = renderToStaticMarkup(createElement(IncidentCancelForm, { busy: false, onCancel: async () => true }));
    expect(cancel).toMatch(/<button[^>]*data-test="cancel-open"/);
    const close = renderToStaticMarkup(createElement(IncidentCloseForm, { unfinished: 1, busy: false, onClose: async () => true }));
    expect(close).toMatch(/<button[^>]*data-test="close-open"/);
  });
});
