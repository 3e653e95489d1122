'use client';
/** The message of one field's problem, under the field. */
import type { AccountProblem } from '@/lib/domain/account-input';
import { useT } from '@/lib/i18n/use-t';

export function FieldProblem({ problem }: { problem: AccountProblem | undefined }) {
  const { t } = useT();
  if (!problem) return null;
  return (
    <p className="mt-1 text-sm font-medium text-brand-800" data-test="field-problem" data-problem={problem}>
      {t(`accounts.problem.${problem}`)}
    </p>
  );
}
