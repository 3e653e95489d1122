'use client';
/** Demo mode only: the seeded accounts grouped by role, each signing in with one click. */
import { useActionState } from 'react';
import { signInAsDemoUser } from '@/lib/auth/actions';
import { INITIAL_LOGIN_STATE, type LoginErrorCode } from '@/lib/auth/login-state';
import { Alert } from '@/components/ui/alert';

export interface DemoRoleGroup {
  role: string;
  label: string;
  users: Array<{ email: string; fullName: string }>;
}

export function DemoUserList({
  groups,
  errors,
  next,
}: {
  groups: DemoRoleGroup[];
  errors: Record<LoginErrorCode, string>;
  next: string | null;
}) {
  const [state, action, pending] = useActionState(signInAsDemoUser, INITIAL_LOGIN_STATE);
  return (
    <form action={action} className="flex flex-col gap-4" data-test="demo-users">
      {state.error ? (
        <Alert tone="error" data-test="demo-login-error">
          {errors[state.error]}
        </Alert>
      ) : null}
      {next ? <input type="hidden" name="next" value={next} /> : null}
      {groups.map((group) => (
        <fieldset key={group.role} className="flex flex-col gap-1" data-test={`demo-group-${group.role}`}>
          <legend className="mb-1 text-xs font-bold uppercase tracking-wide text-slate-600">{group.label}</legend>
          {group.users.map((user) => (
            <button
              key={user.email}
              type="submit"
              name="email"
              value={user.email}
              disabled={pending}
              data-test={`demo-login-${user.email.split('@')[0]}`}
              className="flex min-h-10 flex-col items-start rounded-md border border-slate-300 bg-white px-3 py-1.5 text-left hover:border-brand-600 hover:bg-brand-50 disabled:opacity-60"
            >
              <span className="text-sm font-semibold text-slate-950">{user.fullName}</span>
              <span className="text-xs text-slate-600">{user.email}</span>
            </button>
          ))}
        </fieldset>
      ))}
    </form>
  );
}
