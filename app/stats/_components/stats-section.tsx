/** A titled card on the statistics page. */
import type { ReactNode } from 'react';

export function StatsSection({ title, test, children }: { title: string; test: string; children: ReactNode }) {
  return (
    <section className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm" data-test={test}>
      <h2 className="mb-2 text-lg font-semibold">{title}</h2>
      {children}
    </section>
  );
}
