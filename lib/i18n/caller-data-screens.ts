/**
 * The words for the screens of the caller-data access log (issue #22), the one place a screen value
 * becomes a dictionary key: the audit viewer's filter and rows and the access section of
 * /admin/data-subject read it. A Record over every value of caller_data_screen, so a screen added to
 * the enum (and so to the generated types) fails the build until it has words here.
 */
import { CALLER_DATA_SCREENS, type CallerDataScreenName } from '@/lib/domain/caller-access-query';
import type { MessageKey } from './dictionaries/id';

export const CALLER_DATA_SCREEN_LABELS = {
  operator_console: 'access.screen.operator_console',
  dispatch_drawer: 'access.screen.dispatch_drawer',
  opd_detail: 'access.screen.opd_detail',
  incident_report: 'access.screen.incident_report',
  caller_history: 'access.screen.caller_history',
  export_csv: 'access.screen.export_csv',
  export_print: 'access.screen.export_print',
  access_log: 'access.screen.access_log',
  data_subject_request: 'access.screen.data_subject_request',
  data_subject_export: 'access.screen.data_subject_export',
  official_report: 'access.screen.official_report',
  incident_record: 'access.screen.incident_record',
} as const satisfies Record<CallerDataScreenName, MessageKey>;

const SCREENS: ReadonlySet<string> = new Set(CALLER_DATA_SCREENS);

function isCallerDataScreen(value: string): value is CallerDataScreenName {
  return SCREENS.has(value);
}

/** The dictionary key of a screen value read from untyped JSON, or null when it is no known screen. */
export function callerDataScreenKey(value: string): MessageKey | null {
  return isCallerDataScreen(value) ? CALLER_DATA_SCREEN_LABELS[value] : null;
}
