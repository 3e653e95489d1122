/** Sign-in page; in demo mode it also lists the demo accounts by role. */
import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getSession } from '@/lib/auth/session';
import { isDemoMode } from '@/lib/auth/demo-mode';
import { safeReturnPath } from '@/lib/auth/return-path';
import type { LoginErrorCode } from '@/lib/auth/login-state';
import { DEMO_USERS, type AppRole } from '@/lib/demo-users';
import { eachOnce } from '@/lib/domain/value-lists';
import { getT } from '@/lib/i18n/server';
import type { Translate } from '@/lib/i18n/translate';
import { Card } from '@/components/ui/card';
import { LanguageSwitch } from '@/app/_components/language-switch';
import { DemoUserList, type DemoRoleGroup } from './demo-user-list';
import { LoginForm } from './login-form';

const ROLE_ORDER = eachOnce<AppRole>()(['operator', 'supervisor', 'opd', 'leadership', 'admin']);

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t('login.title') };
}

function demoGroups(t: Translate): DemoRoleGroup[] {
  return ROLE_ORDER.map((role) => ({
    role,
    label: t(`role.${role}`),
    users: DEMO_USERS.filter((user) => user.role === role).map(({ email, fullName }) => ({ email, fullName })),
  })).filter((group) => group.users.length > 0);
}

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ next?: string | string[] }> }) {
  const next = safeReturnPath((await searchParams).next);
  const session = await getSession();
  if (session.status !== 'signed_out') redirect(next ?? '/');
  const { t } = await getT();
  const errors: Record<LoginErrorCode, string> = {
    invalid: t('login.error.invalid'),
    missing: t('login.error.missing'),
    unavailable: t('login.error.unavailable'),
    demoOff: t('login.error.demoOff'),
    rateLimited: t('login.error.rateLimited'),
  };
  const demo = isDemoMode();

  return (
    <div className="flex min-h-screen flex-col">
      <header className="flex items-center gap-3 border-b-4 border-brand-600 bg-slate-900 px-4 py-2 text-white">
        <span className="rounded bg-brand-600 px-1.5 py-0.5 text-sm font-black">112</span>
        <span className="font-bold tracking-tight" data-test="app-name">
          {t('app.name')}
        </span>
        <div className="ml-auto">
          <LanguageSwitch />
        </div>
      </header>
      <main className={`mx-auto grid w-full flex-1 items-start gap-6 p-6 ${demo ? 'max-w-5xl md:grid-cols-2' : 'max-w-md'}`}>
        <Card className="flex flex-col gap-4">
          <div>
            <h1 className="text-2xl font-bold" data-test="login-title">
              {t('login.title')}
            </h1>
            <p className="text-sm text-slate-700">{t('login.subtitle')}</p>
          </div>
          <LoginForm
            labels={{
              email: t('login.email'),
              password: t('login.password'),
              submit: t('login.submit'),
              submitting: t('login.submitting'),
              errors,
            }}
            next={next}
          />
        </Card>
        {demo ? (
          <Card className="flex flex-col gap-4">
            <div>
              <h2 className="text-lg font-bold">{t('login.demo.title')}</h2>
              <p className="text-sm text-slate-700">{t('login.demo.hint')}</p>
            </div>
            <DemoUserList groups={demoGroups(t)} errors={errors} next={next} />
          </Card>
        ) : null}
      </main>
    </div>
  );
}
