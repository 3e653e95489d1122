'use client';
/** Opens the browser's print dialog; hidden on paper. */
import { Button } from '@/components/ui/button';

export function PrintButton({ label }: { label: string }) {
  return (
    <Button variant="neutral" className="print:hidden" onClick={() => window.print()} data-test="report-print">
      {label}
    </Button>
  );
}
