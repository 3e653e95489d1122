/**
 * Reads return their data or throw a ReadError naming what could not be read; screens show it in
 * their load-error message. A missing row is not an error: maybeSingle() answers null.
 */
export class ReadError extends Error {
  constructor(
    readonly what: string,
    readonly detail: string,
  ) {
    super(`Reading ${what} failed: ${detail}`);
    this.name = 'ReadError';
  }
}

export function readFailed(what: string, error: { message: string }): never {
  throw new ReadError(what, error.message);
}

/** The data of a supabase-js answer, or a ReadError. */
export function readData<T>(what: string, answer: { data: T | null; error: { message: string } | null }): T {
  if (answer.error) readFailed(what, answer.error);
  if (answer.data === null) throw new ReadError(what, 'empty answer');
  return answer.data;
}
