/** Messages of the wall display, English (same keys as wall.id.ts). */
import type { wallId } from './wall.id';

export const wallEn = {
  'wall.title': '112 Command Center Kota Cilegon',
  'wall.clockError': 'The server clock cannot be read; timers use this computer’s clock.',
  'wall.stale': 'Data may be out of date — reconnecting…',

  'wall.board.calls': 'Calls in progress',
  'wall.board.awaiting_dispatch': 'Awaiting dispatch',
  'wall.board.awaiting_ack': 'Awaiting acknowledgement',
  'wall.board.on_scene': 'En route & on scene',
  'wall.board.awaiting_close': 'Awaiting close',
  'wall.board.empty': 'None',
  'wall.board.more': '+{count} more',

  'wall.callStage.ringing': 'Ringing',
  'wall.callStage.answered': 'Answered',
  'wall.callStage.classified': 'Recording',
  'wall.callStage.recorded': 'Completing',

  'wall.timer.answer': 'answer',
  'wall.timer.classify': 'incoming call',
  'wall.timer.record': 'report data',
  'wall.timer.close_call': 'completion',
  'wall.timer.dispatch': 'dispatch',
  'wall.timer.acknowledge': 'acknowledge',
  'wall.timer.on_scene': 'arrival',
  'wall.timer.handling': 'handling',
  'wall.timer.closing': 'closing',

  'wall.counters.title': 'Today',
  'wall.counters.calls': 'Calls',
  'wall.counters.emergencies': 'Emergencies',
  'wall.counters.sla': 'Within SLA',
  'wall.counters.none': '—',
  'wall.answer.title': 'Answer time',
  'wall.answer.within': '≤ {seconds} s',
  'wall.answer.calls.one': '{count} telephone call · goal 90 %',
  'wall.answer.calls.other': '{count} telephone calls · goal 90 %',
  'wall.answer.noFeed': 'no call through the telephone feed yet',

  'wall.chart.title': 'Within target per stage (today)',
  'wall.stage.answer': 'Answer time',
  'wall.stage.classify': 'Incoming call',
  'wall.stage.record': 'Report data',
  'wall.stage.close_call': 'Completion',
  'wall.stage.call_total': 'Total',
  'wall.stage.dispatch': 'Dispatch',
  'wall.stage.acknowledge': 'Acknowledge',
  'wall.stage.on_scene': 'Arrival',
  // The wall's four columns of stage shares need one short word each (at most 7 letters) at 1080p (18 px type).
  'wall.stageShort.answer': 'Answer',
  'wall.stageShort.classify': 'Intake',
  'wall.stageShort.record': 'Report',
  'wall.stageShort.close_call': 'Close',
  'wall.stageShort.call_total': 'Total',
  'wall.stageShort.dispatch': 'Send',
  'wall.stageShort.acknowledge': 'Ack',
  'wall.stageShort.on_scene': 'Arrival',

  'wall.map.cluster.one': '{count} incident',
  'wall.map.cluster.other': '{count} incidents',
  'wall.unit.enRoute': '{agency} · ETA ~{minutes} min',
  'wall.unit.onScene': '{agency} · on scene',
  'wall.map.label': 'Map of open incidents',

  // ui (#12): counts in real plural forms; call types are callType.*.
  'wall.openIncidents.one': '{count} open incident',
  'wall.openIncidents.other': '{count} open incidents',

  // telephony (#16): calls waiting at the PBX, without caller data.
  'wall.waiting.count': 'Calls waiting',
  'wall.waiting.longest': 'Longest wait',
  'wall.waiting.abandoned': 'Abandoned today',
} satisfies Record<keyof typeof wallId, string>;
