'use client';
/** Opens the browser's print dialog; hidden on paper. */
export function PrintButton({ label }: { label: string }) {
  return (
    <button type="button" onClick={() => window.print()} className="rounded bg-slate-900 px-3 py-1 text-sm font-semibold text-white print:hidden" data-test="report-print">
      {label}
    </button>
  );
}
