'use client';
/** Email + password form. Labels come translated from the server so this bundle stays small. */
import { useActionState } from 'react';
import { signIn } from '@/lib/auth/actions';
import { INITIAL_LOGIN_STATE, type LoginErrorCode } from '@/lib/auth/login-state';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/text-field';

export interface LoginFormLabels {
  email: string;
  password: string;
  submit: string;
  submitting: string;
  errors: Record<LoginErrorCode, string>;
}

export function LoginForm({ labels, next }: { labels: LoginFormLabels; next: string | null }) {
  const [state, action, pending] = useActionState(signIn, INITIAL_LOGIN_STATE);
  return (
    <form action={action} className="flex flex-col gap-4" data-test="login-form">
      {state.error ? (
        <Alert tone="error" data-test="login-error" data-error={state.error}>
          {labels.errors[state.error]}
        </Alert>
      ) : null}
      {next ? <input type="hidden" name="next" value={next} /> : null}
      <TextField
        id="login-email"
        name="email"
        type="email"
        label={labels.email}
        autoComplete="username"
        required
        defaultValue={state.email}
        data-test="login-email"
      />
      <TextField
        id="login-password"
        name="password"
        type="password"
        label={labels.password}
        autoComplete="current-password"
        required
        data-test="login-password"
      />
      <Button type="submit" disabled={pending} data-test="login-submit">
        {pending ? labels.submitting : labels.submit}
      </Button>
    </form>
  );
}
