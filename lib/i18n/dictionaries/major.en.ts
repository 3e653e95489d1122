/** Messages of major-incident mode (issue #18 §1), English. */
import type { majorId } from './major.id';

export const majorEn = {
  'dispatch.event.major_declared': 'Declared a major incident',
  'dispatch.event.major_changed': 'Major incident changed',
  'dispatch.event.major_ended': 'Major incident ended',
  'dispatch.event.majorEndedBy.incident_closed': 'because the ticket was closed',
  'dispatch.event.majorEndedBy.incident_cancelled': 'because the ticket was cancelled',

  'major.template.chemical_explosion': 'Chemical plant explosion',
  'major.template.tsunami_warning': 'Tsunami warning',
  'major.template.flood': 'Flood',
  'major.template.large_fire': 'Large fire',
  'major.template.other': 'Other',

  'stats.major.title': 'Major incidents',
  'stats.major.none': 'No major incident in this period.',
  'stats.major.col.title': 'Incident',
  'stats.major.col.ticket': 'Ticket',
  'stats.major.col.declared': 'Declared (WIB)',
  'stats.major.col.ended': 'Ended (WIB)',
  'stats.major.col.calls': 'Calls',
  'stats.major.col.peak': 'Peak/minute',
  'stats.major.col.agencies': 'Agencies',
  'stats.major.col.casualties': 'Casualties (dead/serious/light/evac.)',
  'stats.major.ongoing': 'ongoing',
  'stats.major.summary': 'Major incidents: {count} · calls joined: {calls} (each incident counted once).',

} satisfies Record<keyof typeof majorId, string>;
