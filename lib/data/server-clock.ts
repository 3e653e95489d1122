/** The database clock (public.server_now): the one time every screen's timers count from. */
import type { Db } from './db';
import { readData } from './read';

export async function readServerNow(client: Db): Promise<string> {
  return readData('the database clock', await client.rpc('server_now'));
}
