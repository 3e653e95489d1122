/**
 * Rules of the wall display: which board an open call or incident sits on, its running stage timer
 * (database clock) and colour, the order on a board (most urgent, then longest waiting), the cap on what a board
 * shows, today's WIB day, and today's counters from the statistics functions.
 */
import { currentStageTimer, PRIORITY_RANK, type BoardIncident } from './dispatch-board';
import { stageResult, type SlaColour, type SlaStage, type SlaTargetSet } from './sla';
import { answerKpi, type AnswerKpi, type AnswerTimeRow } from './answer-kpi';
import type { CallType } from './workflow';

export type WallBoard = 'calls' | 'awaiting_dispatch' | 'awaiting_ack' | 'on_scene' | 'awaiting_close';
export const WALL_BOARDS: readonly WallBoard[] = ['calls', 'awaiting_dispatch', 'awaiting_ack', 'on_scene', 'awaiting_close'];

/** What `public.wall_open_calls` returns per call: no caller data exists on this side at all. */
export interface WallCall {
  id: string;
  received_at: string;
  answered_at: string | null;
  classified_at: string | null;
  recorded_at: string | null;
  call_type: CallType | null;
  stage: 'ringing' | 'answered' | 'classified' | 'recorded';
}

export interface WallIncident extends BoardIncident {
  ticket_no: string;
  category: string;
  kecamatan: string | null;
}

export interface WallCard {
  id: string;
  kind: 'call' | 'incident';
  /** Call stage (ringing/answered/classified/recorded) or the incident's status. */
  state: string;
  /** Timer stage: an SLA stage, or handling/closing for stages without a target. */
  timerStage: string;
  seconds: number;
  targetSeconds: number | null;
  colour: SlaColour | null;
  /** When the waiting began (ms), for the order. */
  sinceMs: number;
  /** The incident's priority; calls have none yet (their urgency is unknown until classified). */
  priority?: BoardIncident['priority'];
  ticketNo?: string;
  category?: string;
  kecamatan?: string | null;
  callType?: CallType | null;
}

export interface WallBoardView {
  board: WallBoard;
  cards: WallCard[];
  /** All items on the board, shown or not. */
  total: number;
}

/** Most cards one board shows: readable from across the room, and a bounded DOM for days on end. */
export const BOARD_CARD_CAP = 6;

// The running stage of a call in progress, as lib/domain/sla.ts defines the stages: while it rings
// the answer time counts; once answered, panggilan masuk (which began at the ringing); once
// classified, data laporan; once the report is recorded, penyelesaian.
const CALL_STAGE: Record<WallCall['stage'], { stage: SlaStage; from: keyof WallCall }> = {
  ringing: { stage: 'answer', from: 'received_at' },
  answered: { stage: 'classify', from: 'received_at' },
  classified: { stage: 'record', from: 'classified_at' },
  recorded: { stage: 'close_call', from: 'recorded_at' },
};

export function callCard(call: WallCall, nowMs: number, targets: Readonly<Record<SlaStage, number>>): WallCard {
  const { stage, from } = CALL_STAGE[call.stage];
  const fromIso = (call[from] as string | null) ?? call.received_at;
  const r = stageResult(stage, fromIso, null, targets[stage], nowMs);
  return {
    id: call.id,
    kind: 'call',
    state: call.stage,
    timerStage: stage,
    seconds: r.seconds ?? 0,
    targetSeconds: r.targetSeconds,
    colour: r.colour,
    sinceMs: Date.parse(call.received_at),
    callType: call.call_type,
  };
}

export function incidentCard(incident: WallIncident, nowMs: number, targets: SlaTargetSet): WallCard | null {
  const timer = currentStageTimer(incident, nowMs, targets);
  if (!timer) return null;
  return {
    id: incident.id,
    kind: 'incident',
    state: incident.status,
    timerStage: timer.stage,
    seconds: timer.seconds,
    targetSeconds: timer.targetSeconds,
    colour: timer.colour,
    sinceMs: nowMs - timer.seconds * 1000,
    priority: incident.priority,
    ticketNo: incident.ticket_no,
    category: incident.category,
    kecamatan: incident.kecamatan,
  };
}

/**
 * The board of an incident. Every open incident has one, so the boards add up to the open count in
 * the header: a resolved one waits for the supervisor's close on its own board.
 */
export function incidentBoard(status: WallIncident['status']): WallBoard | null {
  switch (status) {
    case 'reported':
      return 'awaiting_dispatch';
    case 'dispatched':
      return 'awaiting_ack';
    case 'acknowledged':
    case 'on_scene':
      return 'on_scene';
    case 'resolved':
      return 'awaiting_close';
    default:
      return null;
  }
}

const NO_PRIORITY = Object.keys(PRIORITY_RANK).length;

/** Most urgent first (a KRITIS above an older TINGGI), then longest waiting; ties by id so the order is stable between ticks. */
export function compareWallCards(a: WallCard, b: WallCard): number {
  const rank = (c: WallCard) => (c.priority ? PRIORITY_RANK[c.priority] : NO_PRIORITY);
  return rank(a) - rank(b) || a.sinceMs - b.sinceMs || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

export function buildWallBoards(
  calls: readonly WallCall[],
  callsTotal: number,
  incidents: readonly WallIncident[],
  nowMs: number,
  targets: SlaTargetSet,
  cap: number = BOARD_CARD_CAP,
): WallBoardView[] {
  const groups: Record<WallBoard, WallCard[]> = { calls: [], awaiting_dispatch: [], awaiting_ack: [], on_scene: [], awaiting_close: [] };
  for (const c of calls) groups.calls.push(callCard(c, nowMs, targets.general));
  for (const i of incidents) {
    const board = incidentBoard(i.status);
    if (!board) continue;
    const card = incidentCard(i, nowMs, targets);
    if (card) groups[board].push(card);
  }
  return WALL_BOARDS.map((board) => {
    const all = groups[board].sort(compareWallCards);
    const total = board === 'calls' ? Math.max(callsTotal, all.length) : all.length;
    return { board, cards: all.slice(0, cap), total };
  });
}

/** Start and end of the WIB calendar day containing `nowMs` (Asia/Jakarta is UTC+7, no DST). */
export function wibDayRange(nowMs: number): { from: string; to: string } {
  const WIB_OFFSET_MS = 7 * 3600_000;
  const dayMs = 86_400_000;
  const start = Math.floor((nowMs + WIB_OFFSET_MS) / dayMs) * dayMs - WIB_OFFSET_MS;
  return { from: new Date(start).toISOString(), to: new Date(start + dayMs).toISOString() };
}

export interface CallsByTypeRow {
  call_type: CallType;
  calls: number;
}

export interface SlaComplianceRow {
  stage: SlaStage;
  target_seconds: number;
  samples: number;
  within_target: number;
  within_target_share: number | null;
}

export interface TodayCounters {
  byType: Record<CallType, number>;
  totalCalls: number;
  emergencies: number;
  /** Share of all measured stages of today within their targets, 0–1; null with nothing measured. */
  slaShare: number | null;
  stages: Array<{ stage: SlaStage; share: number | null; samples: number; targetSeconds: number }>;
  /** Today's answer-time KPI (telephony calls only). */
  answer: AnswerKpi;
}

export function todayCounters(
  callRows: readonly CallsByTypeRow[],
  slaRows: readonly SlaComplianceRow[],
  answerRow?: AnswerTimeRow,
): TodayCounters {
  const byType: Record<CallType, number> = { emergency: 0, ghost: 0, prank: 0, info: 0 };
  // PostgREST returns bigint counts as numbers; numeric shares may come as strings.
  for (const r of callRows) byType[r.call_type] += Number(r.calls);
  let samples = 0;
  let within = 0;
  const stages = slaRows.map((r) => {
    samples += Number(r.samples);
    within += Number(r.within_target);
    return {
      stage: r.stage,
      share: r.within_target_share === null ? null : Number(r.within_target_share),
      samples: Number(r.samples),
      targetSeconds: r.target_seconds,
    };
  });
  const totalCalls = byType.emergency + byType.ghost + byType.prank + byType.info;
  return {
    byType,
    totalCalls,
    emergencies: byType.emergency,
    slaShare: samples > 0 ? within / samples : null,
    stages,
    answer: answerKpi(answerRow),
  };
}
