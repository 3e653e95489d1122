// PLACEHOLDER — replaced by the realtime implementation.
import type { StackContext, WebSocketApi } from '../stack-context.ts';
export async function createRealtime(_ctx: StackContext): Promise<WebSocketApi> {
  return { handleUpgrade: (_req, socket) => socket.destroy(), close: async () => {} };
}
