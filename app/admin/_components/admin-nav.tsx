'use client';
/** The admin console's section navigation, built from ADMIN_SECTIONS; the current section is marked. */
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useT } from '@/lib/i18n/use-t';
import { ADMIN_SECTIONS } from './admin-sections';

const LINK = 'rounded px-3 py-1.5 text-sm font-semibold hover:bg-slate-200';
const CURRENT = 'bg-slate-900 text-white hover:bg-slate-800';

export function AdminNav() {
  const { t } = useT();
  const path = usePathname();
  const links = [{ href: '/admin', label: t('admin.nav.home') }, ...ADMIN_SECTIONS.map((s) => ({ href: s.href, label: t(s.labelKey) }))];
  return (
    <nav aria-label={t('admin.nav.label')} className="flex flex-wrap gap-1 border-b border-slate-300 bg-white px-4 py-2" data-test="admin-nav">
      {links.map((link) => {
        const current = link.href === '/admin' ? path === '/admin' : path === link.href || path.startsWith(`${link.href}/`);
        return (
          <Link key={link.href} href={link.href} aria-current={current ? 'page' : undefined} className={`${LINK} ${current ? CURRENT : ''}`}>
            {link.label}
          </Link>
        );
      })}
    </nav>
  );
}
