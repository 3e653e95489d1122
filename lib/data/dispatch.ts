/**
 * Typed reads of the dispatch screen: the reference data read on the server for the first paint
 * (agencies, their posts, run cards — all three then followed live in the browser — SLA targets and
 * people's names for the timeline). Reads return data or throw a ReadError.
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
export type RunCardRow = Tables<'run_cards'>;

export interface PersonName {
  id: string;
  full_name: string;
}

export interface DispatchReference {
  agencies: Agency[];
  posts: AgencyPost[];
  runCards: RunCardRow[];
  targets: SlaTargets;
  people: PersonName[];
}

export async function loadDispatchReference(client: Db): Promise<DispatchReference> {
  const [agencies, posts, runCards, targets, people] = await Promise.all([
    client.from('agencies').select('*').order('name'),
    client.from('agency_posts').select('*').eq('active', true).order('name'),
    client.from('run_cards').select('*'),
    readSlaTargets(client),
    client.from('profiles').select('id, full_name'),
  ]);
  return {
    agencies: readData('agencies', agencies),
    posts: readData('agency posts', posts),
    runCards: readData('run cards', runCards),
    targets,
    people: readData('profiles', people),
  };
}
