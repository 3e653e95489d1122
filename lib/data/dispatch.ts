/**
 * Typed reads of the dispatch screen: the reference data it loads once (agencies, their posts, SLA
 * targets, people's names for the timeline). Reads return data or throw a ReadError.
 */
import type { Tables } from '@/lib/supabase/database.types';
import type { Db } from './db';
import { readData } from './read';
import { readSlaTargets, type SlaTargets } from './sla-targets';

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
  targets: SlaTargets;
  people: PersonName[];
}

export async function loadDispatchReference(client: Db): Promise<DispatchReference> {
  const [agencies, posts, targets, people] = await Promise.all([
    client.from('agencies').select('*').order('name'),
    client.from('agency_posts').select('*').eq('active', true).order('name'),
    readSlaTargets(client),
    client.from('profiles').select('id, full_name'),
  ]);
  return {
    agencies: readData('agencies', agencies),
    posts: readData('agency posts', posts),
    targets,
    people: readData('profiles', people),
  };
}
