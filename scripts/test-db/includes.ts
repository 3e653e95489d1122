/**
 * Inlines psql `\ir` / `\i` includes of a test file, so the runner can send PGlite and `pg` the same
 * text that psql (pg_prove, `supabase test db`) reads with the include resolved.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

export function expandIncludes(file: string, seen: Set<string> = new Set()): string {
  if (seen.has(file)) throw new Error(`include cycle at ${file}`);
  const next = new Set(seen).add(file);
  return readFileSync(file, 'utf8')
    .split('\n')
    .map((line) => {
      const m = /^\s*\\(ir|i)\s+(\S+)\s*$/.exec(line);
      if (!m) return line;
      // \ir is relative to the including file; \i to the working directory, as in psql.
      const target = m[1] === 'ir' ? path.resolve(path.dirname(file), m[2]) : path.resolve(m[2]);
      return expandIncludes(target, next);
    })
    .join('\n');
}
