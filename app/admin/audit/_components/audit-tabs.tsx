/** The two views of /admin/audit: the audit trail and the caller-data access log (issue #22). */
import Link from 'next/link';
import type { Translate } from '@/lib/i18n/translate';

const TABS = [
  { key: 'trail', href: '/admin/audit', label: 'audit.tab.trail' },
  { key: 'callerData', href: '/admin/audit/caller-data', label: 'audit.tab.callerData' },
] as const;

export function AuditTabs({ current, t }: { current: (typeof TABS)[number]['key']; t: Translate }) {
  return (
    <nav className="flex gap-1 border-b border-slate-300" aria-label={t('audit.tab.label')} data-test="audit-tabs">
      {TABS.map((tab) => (
        <Link
          key={tab.key}
          href={tab.href}
          aria-current={tab.key === current ? 'page' : undefined}
          data-test={`audit-tab-${tab.key}`}
          className={
            tab.key === current
              ? '-mb-px rounded-t-md border border-b-white border-slate-300 bg-white px-4 py-2 font-semibold'
              : 'rounded-t-md px-4 py-2 text-blue-700 underline'
          }
        >
          {t(tab.label)}
        </Link>
      ))}
    </nav>
  );
}
