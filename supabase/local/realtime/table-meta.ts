/**
 * What the change fan-out needs to know about each published table: columns and their types,
 * primary key, whether RLS is on, replica identity, and which columns each API role may select.
 * Reloaded when the schema or the publication changes.
 */
import { quoteIdent, type Queryable } from '../db/database.ts';
import { API_ROLE_NAMES, type ApiRole } from '../db/request-context.ts';

export interface ColumnMeta {
  name: string;
  /** pg_type.typname, as supabase/realtime reports it (`int8`, `timestamptz`, `_text`). */
  type: string;
  /** format_type(), usable in SQL casts. */
  sqlType: string;
}

export interface TableMeta {
  relid: number;
  schema: string;
  table: string;
  columns: ColumnMeta[];
  types: Map<string, string>;
  primaryKey: string[];
  rls: boolean;
  /**
   * Columns of the replica identity, which are all the WAL (and so hosted Realtime) has of an old
   * row: the primary key by default, every column with FULL, the index's with USING INDEX.
   */
  identity: string[];
  /** Columns each role may select; a role missing here may not select the table at all. */
  selectable: Map<string, Set<string>>;
  /** Roles that bypass RLS. */
  bypassRls: Set<string>;
  /**
   * Per role, the generated function that applies its SELECT policies (permissive ones or'ed,
   * restrictive ones and'ed) to row images as each of a list of callers, or null when no permissive
   * policy applies: then RLS shows it nothing.
   */
  rlsFunction: Map<string, string | null>;
}

interface Row {
  relid: number;
  schema: string;
  table: string;
  rls: boolean;
  replident: string;
  columns: Array<{ name: string; type: string; sqltype: string; roles: string[] }>;
  pk: string[] | null;
  replica_index: string[] | null;
  bypass: string[] | null;
  policies: Array<{ permissive: boolean; roles: string[]; qual: string | null }> | null;
}

const ROLES = API_ROLE_NAMES;

export async function loadTableMeta(db: Queryable): Promise<Map<number, TableMeta>> {
  const { rows } = await db.query<Row>(
    `select c.oid::int as relid, n.nspname as schema, c.relname as table, c.relrowsecurity as rls,
            c.relreplident::text as replident,
            (select json_agg(json_build_object(
                      'name', a.attname, 'type', t.typname, 'sqltype', format_type(a.atttypid, a.atttypmod),
                      'roles', array(select r from unnest($1::text[]) r
                                     where has_column_privilege(r, c.oid, a.attnum, 'SELECT')))
                    order by a.attnum)
               from pg_attribute a join pg_type t on t.oid = a.atttypid
              where a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped) as columns,
            (select json_agg(a.attname order by array_position(i.indkey::int2[], a.attnum))
               from pg_index i join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any(i.indkey::int2[])
              where i.indrelid = c.oid and i.indisprimary) as pk,
            (select json_agg(a.attname order by array_position(i.indkey::int2[], a.attnum))
               from pg_index i join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any(i.indkey::int2[])
              where i.indrelid = c.oid and i.indisreplident) as replica_index,
            (select array_agg(rolname::text) from pg_roles where rolname = any($1::text[]) and rolbypassrls) as bypass,
            (select json_agg(json_build_object(
                      'permissive', p.polpermissive,
                      'roles', array(select case when r = 0 then 'public' else r::regrole::text end from unnest(p.polroles) r),
                      'qual', pg_get_expr(p.polqual, p.polrelid)))
               from pg_policy p where p.polrelid = c.oid and p.polcmd in ('r', '*')) as policies
       from pg_publication_tables pt
       join pg_namespace n on n.nspname = pt.schemaname
       join pg_class c on c.relnamespace = n.oid and c.relname = pt.tablename
      where pt.pubname = 'supabase_realtime'`,
    [ROLES],
  );
  const out = new Map<number, TableMeta>();
  const ddl: string[] = [];
  for (const r of rows) {
    const columns = (r.columns ?? []).map((c) => ({ name: c.name, type: c.type, sqlType: c.sqltype }));
    const selectable = new Map<string, Set<string>>();
    for (const role of ROLES) {
      const cols = (r.columns ?? []).filter((c) => c.roles.includes(role)).map((c) => c.name);
      if (cols.length) selectable.set(role, new Set(cols));
    }
    out.set(Number(r.relid), {
      relid: Number(r.relid),
      schema: r.schema,
      table: r.table,
      columns,
      types: new Map(columns.map((c) => [c.name, c.type])),
      primaryKey: r.pk ?? [],
      rls: r.rls,
      identity: replicaIdentity(r, columns),
      selectable,
      bypassRls: new Set(r.bypass ?? []),
      rlsFunction: new Map(ROLES.map((role) => [role, null])),
    });
    const meta = out.get(Number(r.relid))!;
    for (const role of ROLES) {
      const condition = policyCondition(r.policies ?? [], role);
      if (!condition || !meta.rls) continue;
      const name = `realtime.${quoteIdent(`rls_${meta.relid}_${role}`)}`;
      // The earlier one-caller form (int, jsonb) was executable by its role; it must not linger.
      ddl.push(`drop function if exists ${name}(int, jsonb);`, rlsFunctionSql(name, meta, role, condition));
      meta.rlsFunction.set(role, name);
    }
  }
  if (ddl.length) await db.exec(ddl.join('\n'));
  return out;
}

// pg_class.relreplident: d(efault) = primary key, f(ull), i(ndex), n(othing). Postgres itself
// refuses UPDATE and DELETE on a published table whose identity is empty.
function replicaIdentity(r: Row, columns: ColumnMeta[]): string[] {
  if (r.replident === 'f') return columns.map((c) => c.name);
  if (r.replident === 'i') return r.replica_index ?? [];
  if (r.replident === 'd') return r.pk ?? [];
  return [];
}

function policyCondition(policies: NonNullable<Row['policies']>, role: string): string | null {
  const applies = policies.filter((p) => p.roles.includes(role) || p.roles.includes('public'));
  const permissive = applies.filter((p) => p.permissive);
  if (!permissive.length) return null;
  const any = permissive.map((p) => `(${p.qual ?? 'true'})`).join(' or ');
  const all = applies.filter((p) => !p.permissive).map((p) => ` and (${p.qual ?? 'true'})`).join('');
  return `(${any})${all}`;
}

/**
 * A function applying one role's SELECT policies to row images `[{i, r}]` as each caller of a list
 * `[{g, role, claims, sub}]` in turn, returning (g, i) for the images they let through. Per caller it
 * makes the settings PostgREST makes per request, then runs one static query, whose plan Postgres
 * caches for the session: a drain with hundreds of identities costs one call per table and role,
 * not one parsed statement per identity. The row images are converted to the table's row type once,
 * before the callers' loop. Executable by no API role: only the stack (a superuser session) may
 * switch roles and claims like this. The image is aliased as the table so the policy expressions
 * resolve their columns on it.
 */
// `role` is one of the fixed API role names, never request text: it is written into the SQL as is.
function rlsFunctionSql(name: string, meta: TableMeta, role: ApiRole, condition: string): string {
  const rel = `${quoteIdent(meta.schema)}.${quoteIdent(meta.table)}`;
  const tag = `$rls_${Math.random().toString(36).slice(2, 10)}$`;
  // Named again, in order, so that no table column can clash with the ordinality column.
  const columns = meta.columns.map((c) => quoteIdent(c.name)).join(', ');
  return `create or replace function ${name}(__rt_callers jsonb, __rt_rows jsonb)
returns table (__rt_gi int, __rt_i int)
language plpgsql
as ${tag}
#variable_conflict use_column
declare
  __rt_caller jsonb;
  __rt_is int[];
  __rt_images ${rel}[];
begin
  select coalesce(array_agg((__rt_e.__rt_v ->> 'i')::int order by __rt_e.__rt_n), '{}'),
         coalesce(array_agg(jsonb_populate_record(null::${rel}, __rt_e.__rt_v -> 'r') order by __rt_e.__rt_n), '{}')
    into __rt_is, __rt_images
    from jsonb_array_elements(__rt_rows) with ordinality as __rt_e(__rt_v, __rt_n);
  -- Every caller of this function has its role: switched once, not per caller.
  perform set_config('role', '${role}', true),
          set_config('request.jwt.claim.role', '${role}', true);
  for __rt_caller in select value from jsonb_array_elements(__rt_callers) loop
    perform set_config('request.jwt.claims', __rt_caller ->> 'claims', true),
            set_config('request.jwt.claim.sub', __rt_caller ->> 'sub', true);
    return query
      select (__rt_caller ->> 'g')::int, __rt_is[__rt_n]
        from unnest(__rt_images) with ordinality as ${quoteIdent(meta.table)}(${columns}, __rt_n)
       where ${condition};
  end loop;
  perform set_config('role', 'none', true);
end
${tag};
revoke all on function ${name}(jsonb, jsonb) from public;`;
}
