/** Messages of the shift handover (issue #18 §4), English. */
import type { handoverId } from './handover.id';

export const handoverEn = {
  'handover.title': 'Shift handover',
  'handover.link': 'Handover',
  'handover.linkPending': 'Handovers waiting to be acknowledged: {count}',
  'handover.shift': 'Shift {from}–{to} WIB',
  'handover.changeIn': 'Shift change at {at} WIB, in {left}',
  'handover.loadError': 'Handovers could not be loaded; retrying.',
  'handover.scheduleError': 'The shift schedule could not be read; using the standard 07:00/15:00/23:00 WIB.',
  'handover.unknownUser': 'Unknown user',

  'handover.situation.title': 'Current situation',
  'handover.situation.openIncidents': 'Open incidents',
  'handover.situation.waiting': 'Waiting for an agency to acknowledge',
  'handover.situation.blocked': 'Blocked numbers',
  'handover.situation.none': 'None.',
  'handover.situation.more': '+{count} more',
  'handover.situation.waitingItem': '{ticket} · {agency}',

  'handover.mine.title': 'Note for the next shift',
  'handover.mine.hint':
    'Write what the next shift must know: incidents still running, promises of agencies, blocked numbers, equipment faults.',
  'handover.mine.label': 'Handover note',
  'handover.mine.save': 'Save note',
  'handover.mine.update': 'Update note',
  'handover.mine.saving': 'Saving…',
  'handover.mine.saved': 'Saved at {at} WIB; waiting for the next shift\'s supervisor to acknowledge it.',
  'handover.mine.acknowledged': 'Acknowledged by {name} at {at} WIB.',
  'handover.mine.required': 'Write the handover note.',
  'handover.mine.tooLong': 'The note is at most {max} characters.',
  'handover.counts': 'When written: {open} open incidents · {waiting} waiting for an agency · {blocked} blocked numbers',

  'handover.pending.title': 'Handovers to acknowledge',
  'handover.pending.empty': 'No handover is waiting.',
  'handover.pending.from': 'From {name} · change at {change} · written {written} WIB',
  'handover.ack.label': 'Acknowledgement note (optional)',
  'handover.ack.submit': 'Acknowledge handover',
  'handover.ack.saving': 'Acknowledging…',
  'handover.ack.tooLong': 'The acknowledgement note is at most {max} characters.',

  'handover.history.title': 'Acknowledged handovers',
  'handover.history.empty': 'No handover acknowledged in the last three days.',
  'handover.history.item': '{from} → {to} · acknowledged {at}',
} satisfies Record<keyof typeof handoverId, string>;
