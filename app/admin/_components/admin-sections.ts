/**
 * The sections of the admin console, in the order the navigation shows them. Each section's
 * screen lives at its `href`; `labelKey` and `descriptionKey` are dictionary keys (id + en).
 */
import type { MessageKey } from '@/lib/i18n/dictionaries/id';

export interface AdminSection {
  href: `/admin/${string}`;
  labelKey: MessageKey;
  descriptionKey: MessageKey;
}

export const ADMIN_SECTIONS: readonly AdminSection[] = [
  { href: '/admin/accounts', labelKey: 'admin.section.accounts', descriptionKey: 'admin.section.accounts.description' },
  { href: '/admin/agencies', labelKey: 'admin.section.agencies', descriptionKey: 'admin.section.agencies.description' },
  { href: '/admin/posts', labelKey: 'admin.section.posts', descriptionKey: 'admin.section.posts.description' },
  { href: '/admin/run-cards', labelKey: 'admin.section.runCards', descriptionKey: 'admin.section.runCards.description' },
  { href: '/admin/sla', labelKey: 'admin.section.sla', descriptionKey: 'admin.section.sla.description' },
  { href: '/admin/nuisance', labelKey: 'admin.section.nuisance', descriptionKey: 'admin.section.nuisance.description' },
  { href: '/admin/shifts', labelKey: 'admin.section.shifts', descriptionKey: 'admin.section.shifts.description' },
  { href: '/admin/letterhead', labelKey: 'admin.section.letterhead', descriptionKey: 'admin.section.letterhead.description' },
  { href: '/admin/retention', labelKey: 'admin.section.retention', descriptionKey: 'admin.section.retention.description' },
  { href: '/admin/legal-holds', labelKey: 'admin.section.legalHolds', descriptionKey: 'admin.section.legalHolds.description' },
  { href: '/admin/data-subject', labelKey: 'admin.section.dataSubject', descriptionKey: 'admin.section.dataSubject.description' },
  { href: '/admin/audit', labelKey: 'admin.section.audit', descriptionKey: 'admin.section.audit.description' },
];
