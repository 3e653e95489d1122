/** Messages of the admin's shift schedule (/admin/shifts, issue #18 §4), English. */
import type { adminShiftsId } from './admin-shifts.id';

export const adminShiftsEn = {
  'admin.section.shifts': 'Shift schedule',
  'admin.section.shifts.description': 'The start hour of each shift (WIB); supervisors\' handovers and operators\' call lists follow it.',
  'admin.shifts.title': 'Shift schedule',
  'admin.shifts.intro': 'A shift lasts from its start hour until the next shift starts. A change applies from the next handover.',
  'admin.shifts.current': 'Schedule in force',
  'admin.shifts.item': '{from}–{to} WIB ({hours} h)',
  'admin.shifts.lastChanged': 'Last changed {at}',
  'admin.shifts.field': 'Shift start hours (WIB), comma-separated',
  'admin.shifts.hint': 'E.g. 7, 15, 23 for three 8-hour shifts; 7, 19 for two 12-hour shifts.',
  'admin.shifts.save': 'Save schedule',
  'admin.shifts.saving': 'Saving…',
  'admin.shifts.saved': 'Schedule saved: {schedule}.',
  'admin.shifts.unchanged': 'The schedule is unchanged.',
} satisfies Record<keyof typeof adminShiftsId, string>;
