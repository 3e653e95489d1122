'use client';
/**
 * The supervisor's queue board: one column per open status, cards ordered by priority and waiting
 * time. Everything comes in as props so the wall display can reuse it read-only.
 */
import { useMemo } from 'react';
import type { Agency, Assignment, Incident } from '@/lib/data/dispatch';
import { BOARD_COLUMNS, groupByColumn } from '@/lib/domain/dispatch-board';
import type { SlaTargetSet } from '@/lib/domain/sla';
import { useT } from '@/lib/i18n/use-t';
import { QueueCard } from './queue-card';

export interface QueueBoardProps {
  incidents: readonly Incident[];
  /** Active assignments of those incidents (any others are ignored). */
  assignments: readonly Assignment[];
  agencies: ReadonlyMap<string, Agency>;
  nowMs: number;
  targets: SlaTargetSet;
  selectedId?: string | null;
  freshIds?: ReadonlySet<string>;
  /** Names of other people looking at each incident. */
  viewers?: ReadonlyMap<string, readonly string[]>;
  onSelect?: (id: string) => void;
}

const NONE: readonly string[] = [];
const EMPTY_SET: ReadonlySet<string> = new Set();

export function QueueBoard({ incidents, assignments, agencies, nowMs, targets, selectedId, freshIds = EMPTY_SET, viewers, onSelect }: QueueBoardProps) {
  const { t } = useT();
  const columns = useMemo(() => groupByColumn(incidents), [incidents]);
  const byIncident = useMemo(() => {
    const map = new Map<string, Assignment[]>();
    for (const a of assignments) {
      const list = map.get(a.incident_id) ?? [];
      list.push(a);
      map.set(a.incident_id, list);
    }
    return map;
  }, [assignments]);
  return (
    // One row as tall as the board's box, so a long column scrolls inside itself instead of growing
    // over what lies below (the dispatch map): the grid's default auto row is as tall as its content.
    <div className="grid h-full min-h-0 grid-cols-5 grid-rows-[minmax(0,1fr)] gap-2" data-test="queue-board">
      {BOARD_COLUMNS.map((column) => (
        <section key={column} className="flex min-h-0 flex-col rounded-md bg-slate-100 p-2" data-test={`queue-column-${column}`}>
          <h2 className="mb-2 flex items-center justify-between text-sm font-semibold">
            {t(`dispatch.column.${column}`)}
            <span className="rounded-full bg-slate-300 px-2 text-xs" data-test="column-count">
              {columns[column].length}
            </span>
          </h2>
          <div className="flex min-h-0 flex-1 flex-col gap-2 overflow-y-auto overscroll-contain" data-test="column-cards">
            {columns[column].length === 0 && <p className="text-xs text-slate-500">{t('dispatch.column.empty')}</p>}
            {columns[column].map((incident) => (
              <QueueCard
                key={incident.id}
                incident={incident}
                assignments={byIncident.get(incident.id) ?? NONE_ASSIGNMENTS}
                agencies={agencies}
                nowMs={nowMs}
                targets={targets}
                selected={incident.id === selectedId}
                fresh={freshIds.has(incident.id)}
                viewers={viewers?.get(incident.id) ?? NONE}
                onSelect={onSelect ?? noop}
              />
            ))}
          </div>
        </section>
      ))}
    </div>
  );
}

const NONE_ASSIGNMENTS: readonly Assignment[] = [];
function noop() {}
