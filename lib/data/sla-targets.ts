/** The SLA targets of the service standard as the database holds them (sla_targets), complete per stage. */
import { targetsFromRows, type SlaStage } from '@/lib/domain/sla';
import type { Db } from './db';
import { readData } from './read';

export type SlaTargets = Record<SlaStage, number>;

export async function readSlaTargets(client: Db): Promise<SlaTargets> {
  return targetsFromRows(readData('SLA targets', await client.from('sla_targets').select('stage, target_seconds')));
}
