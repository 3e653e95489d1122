// PLACEHOLDER — replaced by the auth implementation.
import type { HttpApi, StackContext } from '../stack-context.ts';
import { sendJson } from '../http.ts';
export function createAuthApi(_ctx: StackContext): HttpApi {
  return { handle: async (_req, res) => sendJson(res, 501, { message: 'todo' }) };
}
