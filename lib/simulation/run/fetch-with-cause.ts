/**
 * Node's fetch (undici) rejects every lost request with the same `TypeError: fetch failed`; what
 * happened is only in `cause` (UND_ERR_CONNECT_TIMEOUT: no handshake within 10 s; ECONNRESET or
 * UND_ERR_SOCKET: the connection was cut; UND_ERR_HEADERS_TIMEOUT: no answer within 300 s), and
 * supabase-js keeps only the message. The simulator's clients fetch through this, so the run's
 * error summary says which of these it was (issue #19).
 */
export const fetchWithCause: typeof fetch = async (input, init) => {
  try {
    return await fetch(input, init);
  } catch (err) {
    if (!(err instanceof TypeError) || !(err.cause instanceof Error)) throw err;
    const code = (err.cause as NodeJS.ErrnoException).code ?? err.cause.name;
    throw new TypeError(`${err.message} (${code})`, { cause: err.cause });
  }
};
