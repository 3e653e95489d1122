/**
 * TextAreaField and TextField as the server renders them: the label tied to the control, the hint
 * and error read out with it under their ids, the control invalid only while an error shows, and the
 * caller's own attributes (data-test, limits) kept — the e2e page objects select by them.
 */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { TextAreaField } from './text-area-field';
import { TextField } from './text-field';

function attr(html: string, tag: string, name: string): string | undefined {
  return new RegExp(`<${tag}[^>]*\\s${name}="([^"]*)"`).exec(html)?.[1];
}

describe('TextAreaField', () => {
  it('ties the label to the text and keeps the caller attributes', () => {
    const html = renderToStaticMarkup(createElement(TextAreaField, { id: 'note', label: 'Catatan', rows: 4, maxLength: 500, 'data-test': 'the-note', readOnly: true }));
    expect(attr(html, 'label', 'for')).toBe('note');
    expect(attr(html, 'textarea', 'id')).toBe('note');
    expect(attr(html, 'textarea', 'rows')).toBe('4');
    expect(attr(html, 'textarea', 'maxLength')).toBe('500');
    expect(attr(html, 'textarea', 'data-test')).toBe('the-note');
    expect(attr(html, 'textarea', 'aria-describedby')).toBeUndefined();
    expect(attr(html, 'textarea', 'aria-invalid')).toBeUndefined();
    expect(html).not.toContain('note-problem');
  });

  it('reads out the hint and the error with the text and marks it invalid', () => {
    const html = renderToStaticMarkup(
      createElement(TextAreaField, { id: 'note', label: 'Catatan', hint: 'Paling banyak 500 karakter', error: 'Wajib diisi', errorTest: 'problem-note', readOnly: true }),
    );
    expect(attr(html, 'textarea', 'aria-describedby')).toBe('note-hint note-problem');
    expect(attr(html, 'textarea', 'aria-invalid')).toBe('true');
    expect(html).toMatch(/<p id="note-hint"[^>]*>Paling banyak 500 karakter<\/p>/);
    expect(html).toMatch(/<p id="note-problem"[^>]*data-test="problem-note"[^>]*>Wajib diisi<\/p>/);
  });

  it('keeps text the caller shows elsewhere in the description, and the caller verdict on validity', () => {
    const html = renderToStaticMarkup(
      createElement(TextAreaField, { id: 'r', label: 'Alasan', 'aria-describedby': 'r-elsewhere', 'aria-invalid': true, readOnly: true }),
    );
    expect(attr(html, 'textarea', 'aria-describedby')).toBe('r-elsewhere');
    expect(attr(html, 'textarea', 'aria-invalid')).toBe('true');
  });

  it('has the compact look in the desk density', () => {
    const form = renderToStaticMarkup(createElement(TextAreaField, { id: 'a', label: 'A', readOnly: true }));
    const desk = renderToStaticMarkup(createElement(TextAreaField, { id: 'a', label: 'A', density: 'desk', readOnly: true }));
    expect(attr(form, 'label', 'class')).toContain('text-sm');
    expect(attr(desk, 'label', 'class')).toContain('text-xs');
    expect(attr(desk, 'textarea', 'class')).toContain('text-sm');
  });
});

describe('TextField', () => {
  it('shares the frame: hint and error under their ids', () => {
    const html = renderToStaticMarkup(createElement(TextField, { id: 'day', label: 'Tanggal', type: 'date', hint: 'WIB', error: 'Terlalu lama', errorTest: 'problem-day', readOnly: true }));
    expect(attr(html, 'input', 'id')).toBe('day');
    expect(attr(html, 'input', 'type')).toBe('date');
    expect(attr(html, 'input', 'aria-describedby')).toBe('day-hint day-problem');
    expect(attr(html, 'input', 'aria-invalid')).toBe('true');
    expect(html).toContain('data-test="problem-day"');
  });
});
