/**
 * `GET /admin/v1/backup` (service-role JWT only): a consistent copy of the PGlite data directory
 * while the stack runs, as tar.gz, with the fingerprint of that moment in `x-backup-fingerprint`
 * (base64 JSON). One copy at a time: the copy holds every write until it is done, so a second one
 * waits its turn outside (409) instead of doubling that pause.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { HttpError, sendJson } from '../http.ts';
import { JwtError, verifyJwt } from '../jwt.ts';
import type { HttpApi, StackContext } from '../stack-context.ts';
import { fingerprintDatabase } from './fingerprint.ts';

export const BACKUP_FINGERPRINT_HEADER = 'x-backup-fingerprint';

function fail(status: number, code: string, message: string): HttpError {
  return new HttpError(status, { code, message });
}

async function requireServiceRole(req: IncomingMessage, secret: string): Promise<void> {
  const match = /^bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '');
  if (!match) throw fail(401, 'no_authorization', 'This endpoint requires the service-role key as a Bearer token');
  try {
    const claims = await verifyJwt(match[1], secret);
    if (claims.role !== 'service_role') throw fail(403, 'not_admin', 'Only the service-role key may take a backup');
  } catch (err) {
    if (err instanceof JwtError) throw fail(401, 'bad_jwt', err.message);
    throw err;
  }
}

export function createBackupApi(ctx: StackContext): HttpApi {
  let running = false;
  return {
    async handle(req: IncomingMessage, res: ServerResponse, _url: URL, subpath: string) {
      if (subpath !== 'backup') return sendJson(res, 404, { code: 'not_found', message: 'No such admin endpoint' });
      if (req.method !== 'GET') throw fail(405, 'method_not_allowed', 'Use GET');
      await requireServiceRole(req, ctx.config.jwtSecret);
      const dump = ctx.db.dumpConsistent?.bind(ctx.db);
      if (!dump) throw fail(400, 'not_pglite', 'This stack runs on Postgres (DATABASE_URL): back it up with pg_dump (npm run backup does)');
      if (running) throw fail(409, 'backup_running', 'A backup is being taken; try again when it is done');
      running = true;
      try {
        const { archive, inspected } = await dump((tx) => fingerprintDatabase(tx));
        res.writeHead(200, {
          'content-type': 'application/gzip',
          'content-length': String(archive.size),
          'cache-control': 'no-store',
          [BACKUP_FINGERPRINT_HEADER]: Buffer.from(JSON.stringify(inspected)).toString('base64'),
        });
        await pipeline(Readable.fromWeb(archive.stream() as import('node:stream/web').ReadableStream), res);
      } finally {
        running = false;
      }
    },
  };
}
