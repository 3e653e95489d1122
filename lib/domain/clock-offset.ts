/**
 * Offset of the database clock from this machine's clock, measured with one round trip: the server
 * time is taken to belong to the middle of the request. Timers add the offset to Date.now() so a PC
 * whose clock drifts still shows the right SLA colours.
 */
export function clockOffsetMs(sentAtMs: number, serverIso: string, receivedAtMs: number): number {
  const server = Date.parse(serverIso);
  if (Number.isNaN(server)) throw new Error(`not a timestamp: ${serverIso}`);
  if (receivedAtMs < sentAtMs) throw new RangeError('the answer arrived before the request was sent');
  return server - (sentAtMs + receivedAtMs) / 2;
}
