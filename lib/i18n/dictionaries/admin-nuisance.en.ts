/** Messages of the admin's nuisance-number rules screen (/admin/nuisance), English. */
import type { adminNuisanceId } from './admin-nuisance.id';

export const adminNuisanceEn = {
  'admin.section.nuisance': 'Nuisance numbers',
  'admin.section.nuisance.description': 'How many ghost/prank calls within how many hours propose blocking a number, and how long a block lasts.',
  'admin.nuisance.title': 'Nuisance-number rules',
  'admin.nuisance.intro':
    'When one number reaches the threshold of ghost/prank calls within the window, the supervisor gets a block proposal. New rules apply to later proposals and decisions.',
  'admin.nuisance.current': 'Rules in force',
  'admin.nuisance.meaning': '{threshold} ghost/prank calls within {window} h → block proposed for {block} h',
  'admin.nuisance.lastChanged': 'Last changed {at} by {by}',
  'admin.nuisance.defaults': 'Product defaults: 3 calls within 24 h, block 24 h.',
  'admin.nuisance.system': 'system',
  'admin.nuisance.field.threshold': 'Threshold (calls, 2–50)',
  'admin.nuisance.field.windowHours': 'Window (hours, 1–720)',
  'admin.nuisance.field.blockHours': 'Block length (hours, 1–720)',
  'admin.nuisance.save': 'Save rules',
  'admin.nuisance.saving': 'Saving…',
  'admin.nuisance.saved': 'Rules saved: {meaning}.',
  'admin.nuisance.unchanged': 'Those rules are already in force.',
} satisfies Record<keyof typeof adminNuisanceId, string>;
