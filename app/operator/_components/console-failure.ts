/**
 * Why the last step of the console failed, and its message. A lost answer, a server error and any
 * other failure keep the console's own wording (the draft is kept and the step can be resent);
 * workflow refusals read as everywhere else in the app.
 */
import type { FormProblem } from '@/lib/domain/form-problems';
import { problemKey } from '@/lib/domain/form-problems';
import type { WriteFailure } from '@/lib/domain/write-failure';
import { writeFailureMessage } from '@/lib/data/write-result';
import type { Translate } from '@/lib/i18n/translate';

export type ConsoleFailure =
  | { kind: 'write'; failure: WriteFailure }
  /** A read that is not part of a write step failed (lib/data ReadError or anything unexpected). */
  | { kind: 'read' }
  /** The caller's number or name would be refused by classify_call. */
  | { kind: 'caller'; problem: FormProblem };

export function consoleFailureMessage(failure: ConsoleFailure, t: Translate): string {
  switch (failure.kind) {
    case 'caller':
      return t(problemKey(failure.problem));
    case 'read':
      return t('operator.error.other');
    case 'write':
      switch (failure.failure.kind) {
        case 'network':
          return t('operator.error.network');
        case 'server':
          return t('operator.error.server');
        case 'other':
          return t('operator.error.other');
        case 'workflow':
          return writeFailureMessage(failure.failure, t);
      }
  }
}
