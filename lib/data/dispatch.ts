/**
 * Typed reads of the dispatch screen: the reference data it loads once (agencies, their posts, SLA
 * targets, people's names for the timeline) and the database clock. Reads return data or throw.
 */
import type { SupabaseClient } from '@supabase/supabase-js';
import type { Database, Tables } from '@/lib/supabase/database.types';
import { targetsFromRows, type SlaStage } from '@/lib/domain/sla';

export type Db = SupabaseClient<Database>;
export type Agency = Tables<'agencies'>;
export type AgencyPost = Tables<'agency_posts'>;
export type Incident = Tables<'incidents'>;
export type Assignment = Tables<'assignments'>;
export type IncidentEvent = Tables<'incident_events'>;
export type Call = Tables<'calls'>;

export interface PersonName {
  id: string;
  full_name: string;
}

export interface DispatchReference {
  agencies: Agency[];
  posts: AgencyPost[];
  targets: Record<SlaStage, number>;
  people: PersonName[];
}

function fail(what: string, error: { message: string }): never {
  throw new Error(`Reading ${what} failed: ${error.message}`);
}

export async function loadDispatchReference(client: Db): Promise<DispatchReference> {
  const [agencies, posts, targets, people] = await Promise.all([
    client.from('agencies').select('*').order('name'),
    client.from('agency_posts').select('*').eq('active', true).order('name'),
    client.from('sla_targets').select('stage, target_seconds'),
    client.from('profiles').select('id, full_name'),
  ]);
  if (agencies.error) fail('agencies', agencies.error);
  if (posts.error) fail('agency posts', posts.error);
  if (targets.error) fail('SLA targets', targets.error);
  if (people.error) fail('profiles', people.error);
  return {
    agencies: agencies.data,
    posts: posts.data,
    targets: targetsFromRows(targets.data),
    people: people.data,
  };
}

/** The database clock (public.server_now) as an ISO string. */
export async function readServerNow(client: Db): Promise<string> {
  const { data, error } = await client.rpc('server_now');
  if (error) fail('the database clock', error);
  return data;
}
