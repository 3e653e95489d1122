/** Frame of an admin section: its title, a way back to the console and the section's screen. */
import Link from 'next/link';
import type { ReactNode } from 'react';

export function AdminPageFrame({ title, backLabel, children }: { title: string; backLabel: string; children: ReactNode }) {
  return (
    <section className="mx-auto flex w-full max-w-7xl flex-col gap-3 p-4">
      <div className="flex items-baseline justify-between gap-3">
        <h1 className="text-2xl font-bold" data-test="page-title">
          {title}
        </h1>
        <Link href="/admin" className="text-sm font-semibold text-brand-700 underline" data-test="admin-back">
          {backLabel}
        </Link>
      </div>
      {children}
    </section>
  );
}
