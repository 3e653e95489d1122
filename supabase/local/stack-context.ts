/** What every API of the embedded stack is handed: the database, the settings, and a shared log. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import type { StackConfig } from './config.ts';
import type { Database } from './db/database.ts';

export interface StackContext {
  db: Database;
  config: StackConfig;
}

/** One of the HTTP APIs (`/rest/v1`, `/auth/v1`), given the path below its prefix. */
export interface HttpApi {
  handle(req: IncomingMessage, res: ServerResponse, url: URL, subpath: string): Promise<void>;
  close?(): Promise<void>;
}

export interface WebSocketApi {
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void;
  close(): Promise<void>;
}
