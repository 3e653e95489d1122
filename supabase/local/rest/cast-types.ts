/**
 * Resolves the type names of `select=` casts (`col::text`, `x::double precision`) in the catalog.
 * The request's text is only ever a bound parameter of `to_regtype`; the statement then carries the
 * catalog's own spelling (`format_type`), so no cast can smuggle SQL. Results are kept until the
 * schema cache reloads, since migrations may create types.
 */
import { sqlStateOf, type Database } from '../db/database.ts';
import { REQUEST_SEARCH_PATH } from '../db/request-context.ts';
import { unknownType } from './errors.ts';

/** Distinct cast texts remembered; hostile requests with endless new names only evict old ones. */
const MAX_ENTRIES = 1000;


export class TypeResolver {
  /** Canonical name by cast text; null when the catalog has no such type. */
  private readonly names = new Map<string, string | null>();

  constructor(private readonly db: Database) {}

  clear(): void {
    this.names.clear();
  }

  /** Canonical names for every cast, or 400 42704 (as Postgres answers) for the first unknown one. */
  async resolve(casts: Iterable<string>): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    for (const cast of casts) {
      let name = this.names.get(cast);
      if (name === undefined) {
        name = await this.lookup(cast);
        if (this.names.size >= MAX_ENTRIES) this.names.delete(this.names.keys().next().value as string);
        this.names.set(cast, name);
      }
      if (name === null) throw unknownType(cast);
      out.set(cast, name);
    }
    return out;
  }

  private async lookup(cast: string): Promise<string | null> {
    try {
      return await this.db.transaction(async (tx) => {
        // Resolve as a request would see names, so `format_type` qualifies exactly what the request's
        // search path would not find.
        await tx.query(`select set_config('search_path', $1, true)`, [REQUEST_SEARCH_PATH]);
        const { rows } = await tx.query<{ name: string | null }>('select format_type(to_regtype($1), null) as name', [cast]);
        return rows[0]?.name ?? null;
      });
    } catch (err) {
      // to_regtype raises a syntax error (42601) for text that is no type name at all (`text as x`);
      // that is an unknown type too. Anything else (database gone) is not the request's fault.
      const code = sqlStateOf(err);
      if (code?.startsWith('42') || code?.startsWith('22')) return null;
      throw err;
    }
  }
}
