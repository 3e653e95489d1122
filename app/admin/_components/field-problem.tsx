'use client';
/** The translated problem of one form field (a refusal code of the admin functions), if any. */
import { workflowErrorKey, type WorkflowErrorCode } from '@/lib/domain/workflow-errors';
import { useT } from '@/lib/i18n/use-t';

export function FieldProblem({ code, field }: { code: WorkflowErrorCode | undefined; field: string }) {
  const { t } = useT();
  if (!code) return null;
  return (
    <p className="text-xs font-semibold text-red-700" data-test={`problem-${field}`}>
      {t(workflowErrorKey(code))}
    </p>
  );
}
