// PLACEHOLDER — replaced by the REST implementation.
import type { HttpApi, StackContext } from '../stack-context.ts';
import { sendJson } from '../http.ts';
export async function createRestApi(_ctx: StackContext): Promise<HttpApi & { reloadSchema(): Promise<void> }> {
  return { handle: async (_req, res) => sendJson(res, 501, { message: 'todo' }), reloadSchema: async () => {} };
}
