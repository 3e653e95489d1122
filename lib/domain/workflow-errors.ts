/**
 * The stable refusal codes of the workflow functions (supabase/migrations/…_workflow.sql); their
 * messages live in the dictionaries under `workflow.<code>` (lib/i18n/dictionaries/errors.*.ts).
 * The database raises SQLSTATE P0001 with the code as the message, so PostgREST answers `{ code: 'P0001', message: '<code>', details, hint }` (HTTP 400).
 * The statistics functions raise their role refusals with 42501 (HTTP 403) and the same codes.
 */
export const WORKFLOW_ERROR_CODES = [
  'not_authenticated',
  'forbidden_role',
  'wrong_agency',
  'not_your_call',
  'call_not_found',
  'incident_not_found',
  'assignment_not_found',
  'agency_not_found',
  'agency_inactive',
  'invalid_state',
  'stale_version',
  'call_not_classified',
  'call_not_emergency',
  'call_not_reported',
  'call_already_linked',
  'agency_already_assigned',
  'agencies_required',
  'open_assignments',
  'reason_required',
  'report_required',
  'summary_required',
  'description_required',
  'location_out_of_area',
  'invalid_kecamatan',
  'count_invalid',
  'audit_immutable',
  // Raised by the admin configuration functions (…_admin_config.sql), which share this scheme.
  'code_taken',
  'invalid_code',
  'name_required',
  'invalid_phone',
  'invalid_color',
  'post_not_found',
  'lead_kinds_required',
  'kinds_overlap',
  // Raised by the nuisance-number functions (…_nuisance_numbers.sql).
  'block_not_found',
  'callback_not_found',
  'reason_too_long',
  'note_too_long',
  'invalid_settings',
  // Raised by the statistics functions (…_statistics.sql), which share this scheme.
  'invalid_range',
  'invalid_bucket',
  // Raised by the admin account functions (…_admin_accounts.sql, issue #13).
  'account_not_found',
  'profile_exists',
  'full_name_required',
  'agency_required',
  'agency_not_allowed',
  'extension_operator_only',
  'invalid_extension',
  'extension_taken',
  'own_account',
  'invalid_filter',
  // Raised by set_sla_target (…_sla_target_history.sql).
  'invalid_sla_target',
  // Raised by set_sla_priority_target (…_sla_priority_targets.sql).
  'sla_stage_without_priority',
  // Raised by the major-incident functions (…_major_incidents.sql, issue #18 §1).
  'major_incident_not_found',
  'major_already_declared',
  'too_many_major_incidents',
  'title_invalid',
  'script_invalid',
  'template_invalid',
  'area_invalid',
  // Raised by the shift schedule and handover functions (…_shift_handover.sql, issue #18 §4).
  'invalid_schedule',
  'note_required',
  'handover_not_found',
  'own_handover',
  'handover_immutable',
  // caller data protection (issue #22)
  'hold_not_active',
  'invalid_answer',
  'invalid_calls',
  'invalid_cursor',
  'invalid_expiry',
  'invalid_limit',
  'invalid_reason',
  'invalid_request',
  'invalid_screen',
  'not_found',
  'retention_too_short',
  // Raised by set_letterhead (…_official_report.sql, issue #17).
  'invalid_letterhead',
  'invalid_nip',
  // Raised by caller_data_access_page's ticket filter (…_caller_data_reads.sql) and by legal_hold_incident
  // (…_data_protection_admin.sql), issue #22.
  'invalid_ticket',
  // Raised by answer_dispatch_feedback (…_dispatch_accuracy.sql, issue #18 §5).
  'answer_required',
  'too_many_agencies',
  'unknown_agency',
  'own_agency_missing',
  // Raised by report_assignment_position (…_assignment_positions.sql, issue #18 §3).
  'invalid_accuracy',
  'position_in_future',
  'position_too_old',
  'position_out_of_order',
  'position_rate_limited',
  // Raised by record_data_subject_request (…_data_subject_received.sql, issue #22).
  'received_in_future',
  'received_too_old',
  // Raised by data_subject_search (…_data_subject_search_limit.sql, issue #22 review).
  'data_subject_too_large',
] as const;

export type WorkflowErrorCode = (typeof WORKFLOW_ERROR_CODES)[number];

const CODES: ReadonlySet<string> = new Set(WORKFLOW_ERROR_CODES);

export function isWorkflowErrorCode(value: unknown): value is WorkflowErrorCode {
  return typeof value === 'string' && CODES.has(value);
}

/** The refusal code of a PostgREST error (`{ code: 'P0001' | '42501', message }`), or undefined for any other error. */
export function workflowErrorCode(error: { code?: string; message?: string } | null | undefined): WorkflowErrorCode | undefined {
  if (!error || (error.code !== 'P0001' && error.code !== '42501')) return undefined;
  return isWorkflowErrorCode(error.message) ? error.message : undefined;
}

/** The dictionary key of a refusal's message. */
export function workflowErrorKey(code: WorkflowErrorCode): `workflow.${WorkflowErrorCode}` {
  return `workflow.${code}`;
}
