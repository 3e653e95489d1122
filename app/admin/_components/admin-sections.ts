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
  { href: '/admin/sla', labelKey: 'admin.section.sla', descriptionKey: 'admin.section.sla.description' },
];
