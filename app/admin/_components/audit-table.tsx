/**
 * The table frame the two views of /admin/audit share (the audit trail and the caller-data access
 * log): the filter's problem, the empty answer, the table with its column heads, and the keyset pager
 * (back to the first page, on to the next one). The views give their rows and their data-test names.
 */
import type { ReactNode } from 'react';
import Link from 'next/link';
import { Alert } from '@/components/ui/alert';
import { buttonClasses } from '@/components/ui/button';

/** Padding of every cell of the frame's table. */
export const AUDIT_CELL = 'px-3 py-2';

export interface AuditTableTestIds {
  table: string;
  empty: string;
  invalid: string;
  next: string;
}

export interface AuditTableProps {
  /** The filter's problem in words: shown instead of the table and the pager. */
  invalid: string | null;
  headers: readonly string[];
  /** How many rows the page holds (the rows themselves are the children). */
  rowCount: number;
  emptyText: string;
  /** The first page, shown only when this is a later one. */
  firstHref: string | null;
  nextHref: string | null;
  labels: { first: string; next: string };
  test: AuditTableTestIds;
  children: ReactNode;
}

export function AuditTable({ invalid, headers, rowCount, emptyText, firstHref, nextHref, labels, test, children }: AuditTableProps) {
  if (invalid !== null) {
    return (
      <Alert tone="error" data-test={test.invalid}>
        {invalid}
      </Alert>
    );
  }
  return (
    <>
      {rowCount === 0 ? (
        <p className="text-slate-700" data-test={test.empty}>
          {emptyText}
        </p>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-300 bg-white">
          <table className="w-full text-left text-sm" data-test={test.table}>
            <thead className="bg-slate-100 text-xs uppercase text-slate-700">
              <tr>
                {headers.map((header) => (
                  <th key={header} scope="col" className={AUDIT_CELL}>
                    {header}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>{children}</tbody>
          </table>
        </div>
      )}
      <div className="flex gap-3">
        {firstHref ? (
          <Link href={firstHref} className={buttonClasses({ variant: 'secondary' })}>
            {labels.first}
          </Link>
        ) : null}
        {nextHref ? (
          <Link href={nextHref} className={buttonClasses({ variant: 'secondary' })} data-test={test.next}>
            {labels.next}
          </Link>
        ) : null}
      </div>
    </>
  );
}
