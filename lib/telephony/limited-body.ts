/**
 * Reads a request body as UTF-8 text, stopping at a byte limit: a declared length over the limit is
 * refused before reading, and a body without one is cut off as soon as it passes it. One version
 * for a web Request (the Next.js route), one for a Node request (the signing relay).
 */
import type { IncomingMessage } from 'node:http';

export type LimitedBody = { ok: true; text: string } | { ok: false };

function declaredTooLarge(contentLength: string | null | undefined, maxBytes: number): boolean {
  return Number(contentLength ?? '0') > maxBytes;
}

function utf8(chunks: Uint8Array[]): string {
  return new TextDecoder('utf-8', { fatal: false }).decode(Buffer.concat(chunks));
}

export async function readLimitedBody(request: Request, maxBytes: number): Promise<LimitedBody> {
  if (declaredTooLarge(request.headers.get('content-length'), maxBytes)) return { ok: false };
  if (!request.body) return { ok: true, text: '' };
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      return { ok: false };
    }
    chunks.push(value);
  }
  return { ok: true, text: utf8(chunks) };
}

/**
 * The same for a Node request. On refusal the rest of the body is left unread: the caller answers
 * 413 and closes the connection rather than reading a body it has already refused.
 */
export function readLimitedNodeBody(request: IncomingMessage, maxBytes: number): Promise<LimitedBody> {
  if (declaredTooLarge(request.headers['content-length'], maxBytes)) return Promise.resolve({ ok: false });
  return new Promise((resolve, reject) => {
    const chunks: Uint8Array[] = [];
    let size = 0;
    const stop = () => {
      request.off('data', onData);
      request.off('end', onEnd);
      request.off('error', onError);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.byteLength;
      if (size > maxBytes) {
        stop();
        request.pause();
        resolve({ ok: false });
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => {
      stop();
      resolve({ ok: true, text: utf8(chunks) });
    };
    const onError = (error: Error) => {
      stop();
      reject(error);
    };
    request.on('data', onData);
    request.on('end', onEnd);
    request.on('error', onError);
  });
}
