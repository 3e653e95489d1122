/**
 * Bounds on what one request may ask for. PostgREST itself relies on Postgres to refuse what is too
 * big (stack depth, statement_timeout); the embedded stack cannot always: PGlite runs in this
 * process, cannot cancel a running statement, and a WebAssembly stack overflow inside it leaves the
 * database hung (measured: two `match` filters with 3,000 nested parentheses, or two jsonb values
 * nested 7,000 deep). So the request is bounded before any SQL runs, the same way on both backends.
 */
export const REQUEST_LIMITS = {
  /** Characters of the decoded query string (Node's own header limit is a server setting, not ours). */
  queryLength: 16_384,
  /** Nesting of `or(...)`/`and(...)` trees, and of embedded resources in `select=`. */
  nesting: 16,
  /** Filters in one request, counting every leaf of every logic tree. */
  filters: 512,
  /** Embedded resources in one request (each is a correlated subquery to plan). */
  embeds: 64,
  /** Bracket nesting (`( [ {`) inside one value Postgres will parse: regex, jsonb, tsquery, arrays. */
  valueNesting: 64,
  /** Brackets in one value; long runs of regex groups overflow PGlite's stack without nesting. */
  valueBrackets: 1024,
  /** Characters of one `match`/`imatch` pattern; a long back-referencing pattern ran 2.8 s per row on PGlite. */
  patternLength: 1000,
  /** Nesting of a JSON request body (bound as one jsonb value, parsed recursively by Postgres). */
  jsonDepth: 100,
  /**
   * Rows of a top-level read, as PostgREST's db-max-rows; supabase/config.toml sets `max_rows = 1000`
   * for `supabase start`, and hosted projects default to 1000 too.
   */
  maxRows: 1000,
} as const;
