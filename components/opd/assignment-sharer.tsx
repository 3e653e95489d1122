'use client';
/**
 * The one location watcher of one claimed assignment: runs useLocationSharer and tells the layout's
 * provider what it shows (state, counts), so the status line and the incident page read the same
 * sharer. Renders nothing itself.
 */
import { useEffect } from 'react';
import type { Db } from '@/lib/data/db';
import { useLocationSharer, type LocationSharerView } from './location-sharer';

/** What the layout knows of one claimed assignment's sharing. */
export interface SharedUnit extends LocationSharerView {
  assignmentId: string;
  ticketNo: string | null;
}

export interface AssignmentSharerProps {
  client: Db;
  assignmentId: string;
  ticketNo: string | null;
  active: boolean;
  accepted: boolean;
  stopped: boolean;
  onView(assignmentId: string, unit: SharedUnit | null): void;
}

export function AssignmentSharer({ client, assignmentId, ticketNo, active, accepted, stopped, onView }: AssignmentSharerProps) {
  const { state, sent, waiting, lastFixMs } = useLocationSharer({ client, assignmentId, active, accepted, stopped });
  useEffect(() => {
    onView(assignmentId, { assignmentId, ticketNo, state, sent, waiting, lastFixMs });
  }, [assignmentId, lastFixMs, onView, sent, state, ticketNo, waiting]);
  useEffect(() => () => onView(assignmentId, null), [assignmentId, onView]);
  return null;
}
