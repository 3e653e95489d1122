/**
 * What an account form's server action answers: field problems (nothing was sent), a refusal in the
 * admin's language (nothing changed), or success with a message and, once, a generated password.
 */
import type { AccountProblem } from '@/lib/domain/account-input';

export type AccountFormState =
  | { status: 'idle' }
  | { status: 'invalid'; problems: Partial<Record<string, AccountProblem>> }
  | { status: 'failed'; message: string }
  | { status: 'done'; message: string; password: string | null; accountId: string | null };

export const IDLE: AccountFormState = { status: 'idle' };
