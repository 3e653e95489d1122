/**
 * `npm start`: the whole product on one machine (scripts/start-center.ts). Ctrl-C stops both the
 * stack and the app.
 */
import { startCenter } from './start-center.ts';

const center = await startCenter();
let stopping = false;
async function stop(code: number): Promise<void> {
  if (stopping) return;
  stopping = true;
  await center.stop();
  process.exit(code);
}
void center.exited.then((code) => stop(code));
process.on('SIGINT', () => void stop(0));
process.on('SIGTERM', () => void stop(0));
