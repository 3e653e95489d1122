/**
 * Major-incident mode (issue #18 §1): the supervisor's declare / change / end, each one RPC that
 * checks role, state and version and writes the audit event on the ticket; and the monthly report's
 * figures (public.stats_major_incidents). Writes return a WriteResult, reads throw a ReadError.
 */
import type { Database, Tables } from '@/lib/supabase/database.types';
import type { AreaPolygon } from '@/lib/domain/area';
import type { WriteResult } from '@/lib/domain/write-failure';
import type { Db } from './db';
import { readData } from './read';
import { toWriteResult } from './write-result';

export type MajorIncident = Tables<'major_incidents'>;
export type MajorTemplate = Database['public']['Enums']['major_incident_template'];
export type MajorIncidentStats = Database['public']['Functions']['stats_major_incidents']['Returns'][number];

export interface MajorDeclaration {
  incidentId: string;
  title: string;
  template: MajorTemplate;
  script: string;
  area: AreaPolygon;
}

export async function declareMajorIncident(client: Db, d: MajorDeclaration): Promise<WriteResult<MajorIncident>> {
  return toWriteResult(
    await client.rpc('declare_major_incident', {
      p_incident_id: d.incidentId,
      p_title: d.title,
      p_template: d.template,
      p_script: d.script,
      p_area: d.area,
    }),
  );
}

export async function changeMajorIncident(
  client: Db,
  major: Pick<MajorIncident, 'id' | 'version'>,
  change: { title: string; script: string; area: AreaPolygon },
): Promise<WriteResult<MajorIncident>> {
  return toWriteResult(
    await client.rpc('change_major_incident', {
      p_id: major.id,
      p_title: change.title,
      p_script: change.script,
      p_area: change.area,
      p_expected_version: major.version,
    }),
  );
}

export async function endMajorIncident(client: Db, major: Pick<MajorIncident, 'id' | 'version'>, reason: string): Promise<WriteResult<MajorIncident>> {
  return toWriteResult(await client.rpc('end_major_incident', { p_id: major.id, p_reason: reason, p_expected_version: major.version }));
}

/** Each major incident declared in [from, to) once, with its calls, agencies and victims. */
export async function readMajorIncidentStats(client: Db, range: { from: string; to: string }): Promise<MajorIncidentStats[]> {
  return readData('major incidents', await client.rpc('stats_major_incidents', { p_from: range.from, p_to: range.to }));
}
