/**
 * Renders introspected schemas as the TypeScript file `supabase gen types typescript` produces:
 * `Database` (Tables with Row/Insert/Update/Relationships, Views, Functions, Enums, CompositeTypes),
 * the helpers `Tables<>`, `TablesInsert<>`, `TablesUpdate<>`, `Enums<>`, `CompositeTypes<>` and
 * `Constants`, so the typed supabase-js client behaves exactly as it would with the CLI's output.
 */
import type { ColumnInfo, FunctionInfo, RelationInfo, SchemaInfo } from './introspect.ts';

export interface RenderOptions {
  /** Tells postgrest-js which PostgREST features to type (13+: maxAffected, spread on many). */
  postgrestVersion: string;
}

const NUMBER_TYPES = new Set(['int2', 'int4', 'int8', 'float4', 'float8', 'numeric', 'oid']);
const STRING_TYPES = new Set([
  'bytea', 'bpchar', 'varchar', 'date', 'text', 'citext', 'time', 'timetz', 'timestamp', 'timestamptz',
  'uuid', 'vector', 'interval', 'name', 'inet', 'cidr', 'macaddr',
]);

class TypeNamer {
  constructor(private readonly schemas: SchemaInfo[]) {}

  tsType(pgType: string): string {
    if (pgType === 'bool') return 'boolean';
    if (NUMBER_TYPES.has(pgType)) return 'number';
    if (STRING_TYPES.has(pgType)) return 'string';
    if (pgType === 'json' || pgType === 'jsonb') return 'Json';
    if (pgType === 'void') return 'undefined';
    if (pgType === 'record') return 'Record<string, unknown>';
    if (pgType.startsWith('_')) {
      const inner = this.tsType(pgType.slice(1));
      return /^[\w"[\]]+$/.test(inner) ? `${inner}[]` : `(${inner})[]`;
    }
    for (const s of this.schemas) {
      const schema = JSON.stringify(s.name);
      if (s.enums.some((e) => e.name === pgType)) return `Database[${schema}]["Enums"][${JSON.stringify(pgType)}]`;
      if (s.composites.some((c) => c.name === pgType)) {
        return `Database[${schema}]["CompositeTypes"][${JSON.stringify(pgType)}]`;
      }
      const rel = s.relations.find((r) => r.name === pgType);
      if (rel) {
        const group = rel.kind === 'table' ? 'Tables' : 'Views';
        return `Database[${schema}]["${group}"][${JSON.stringify(pgType)}]["Row"]`;
      }
    }
    return 'unknown';
  }
}

/** Indented line output, the layout prettier gives the CLI's file (2 spaces, no semicolons). */
class Out {
  private readonly lines: string[] = [];
  private depth = 0;
  line(text = '') {
    this.lines.push(text === '' ? '' : '  '.repeat(this.depth) + text);
  }
  open(text: string) {
    this.line(text);
    this.depth++;
  }
  close(text: string) {
    this.depth--;
    this.line(text);
  }
  toString() {
    return this.lines.join('\n') + '\n';
  }
}

const key = (name: string) => (/^[A-Za-z_$][\w$]*$/.test(name) ? name : JSON.stringify(name));

export function renderTypes(schemas: SchemaInfo[], opts: RenderOptions): string {
  const sorted = [...schemas].sort((a, b) => (a.name < b.name ? -1 : 1));
  const names = new TypeNamer(sorted);
  const o = new Out();
  o.line('export type Json =');
  for (const t of ['string', 'number', 'boolean', 'null', '{ [key: string]: Json | undefined }', 'Json[]']) {
    o.line(`  | ${t}`);
  }
  o.line();
  o.open('export type Database = {');
  o.line('// Allows to automatically instantiate createClient with right options');
  o.line("// instead of createClient<Database, { PostgrestVersion: 'XX' }>(URL, KEY)");
  o.open('__InternalSupabase: {');
  o.line(`PostgrestVersion: ${JSON.stringify(opts.postgrestVersion)}`);
  o.close('}');
  for (const schema of sorted) renderSchema(o, schema, names);
  o.close('}');
  o.line();
  return o.toString() + helpers(sorted);
}

function renderSchema(o: Out, schema: SchemaInfo, names: TypeNamer) {
  o.open(`${key(schema.name)}: {`);
  const tables = schema.relations.filter((r) => r.kind === 'table');
  const views = schema.relations.filter((r) => r.kind === 'view');

  group(o, 'Tables', tables, (t) => renderRelation(o, t, names, true));
  group(o, 'Views', views, (v) => renderRelation(o, v, names, v.insertable));

  const byName = new Map<string, FunctionInfo[]>();
  for (const fn of schema.functions) byName.set(fn.name, [...(byName.get(fn.name) ?? []), fn]);
  group(o, 'Functions', [...byName.entries()], ([name, overloads]) => renderFunction(o, name, overloads, schema, names));

  group(o, 'Enums', schema.enums, (e) => o.line(`${key(e.name)}: ${e.values.map((v) => JSON.stringify(v)).join(' | ')}`));
  group(o, 'CompositeTypes', schema.composites, (c) => {
    o.open(`${key(c.name)}: {`);
    for (const a of c.attributes) o.line(`${key(a.name)}: ${names.tsType(a.type)} | null`);
    o.close('}');
  });
  o.close('}');
}

function group<T>(o: Out, title: string, items: T[], each: (item: T) => void) {
  o.open(`${title}: {`);
  if (items.length === 0) o.line('[_ in never]: never');
  items.forEach(each);
  o.close('}');
}

function renderRelation(o: Out, rel: RelationInfo, names: TypeNamer, writable: boolean) {
  o.open(`${key(rel.name)}: {`);
  o.open('Row: {');
  for (const c of rel.columns) o.line(`${key(c.name)}: ${names.tsType(c.type)}${c.nullable ? ' | null' : ''}`);
  o.close('}');
  if (writable) {
    o.open('Insert: {');
    for (const c of rel.columns) o.line(insertField(c, rel.kind, names));
    o.close('}');
    o.open('Update: {');
    for (const c of rel.columns) o.line(updateField(c, rel.kind, names));
    o.close('}');
  }
  if (rel.relationships.length === 0) {
    o.line('Relationships: []');
  } else {
    o.open('Relationships: [');
    for (const r of rel.relationships) {
      o.open('{');
      o.line(`foreignKeyName: ${JSON.stringify(r.foreignKeyName)}`);
      o.line(`columns: [${r.columns.map((c) => JSON.stringify(c)).join(', ')}]`);
      o.line(`isOneToOne: ${r.isOneToOne}`);
      o.line(`referencedRelation: ${JSON.stringify(r.referencedRelation)}`);
      o.line(`referencedColumns: [${r.referencedColumns.map((c) => JSON.stringify(c)).join(', ')}]`);
      o.close('},');
    }
    o.close(']');
  }
  o.close('}');
}

function insertField(c: ColumnInfo, kind: RelationInfo['kind'], names: TypeNamer): string {
  if (c.identity === 'a' || c.generated || (kind === 'view' && !c.updatable)) return `${key(c.name)}?: never`;
  if (kind === 'view') return `${key(c.name)}?: ${names.tsType(c.type)} | null`;
  const optional = c.nullable || c.identity !== '' || c.hasDefault;
  return `${key(c.name)}${optional ? '?' : ''}: ${names.tsType(c.type)}${c.nullable ? ' | null' : ''}`;
}

function updateField(c: ColumnInfo, kind: RelationInfo['kind'], names: TypeNamer): string {
  if (c.identity === 'a' || c.generated || (kind === 'view' && !c.updatable)) return `${key(c.name)}?: never`;
  if (kind === 'view') return `${key(c.name)}?: ${names.tsType(c.type)} | null`;
  return `${key(c.name)}?: ${names.tsType(c.type)}${c.nullable ? ' | null' : ''}`;
}

function renderFunction(o: Out, name: string, overloads: FunctionInfo[], schema: SchemaInfo, names: TypeNamer) {
  const argTypes = overloads.map((fn) =>
    fn.args.length === 0
      ? 'never'
      : `{ ${fn.args.map((a) => `${key(a.name)}${a.hasDefault ? '?' : ''}: ${names.tsType(a.type)}`).join('; ')} }`,
  );
  // Overloads share one return type in PostgREST's eyes; the first definition stands for all.
  const fn = overloads[0];
  let returns: string;
  if (fn.tableColumns.length > 0) {
    returns = `{ ${fn.tableColumns.map((c) => `${key(c.name)}: ${names.tsType(c.type)}`).join('; ')} }`;
  } else if (fn.returnsRelation) {
    const rel = schema.relations.find((r) => r.name === fn.returnsRelation);
    returns = rel
      ? `{ ${rel.columns.map((c) => `${key(c.name)}: ${names.tsType(c.type)}${c.nullable ? ' | null' : ''}`).join('; ')} }`
      : 'unknown';
  } else {
    returns = names.tsType(fn.returnType);
  }
  o.open(`${key(name)}: {`);
  o.line(`Args: ${argTypes.join(' | ')}`);
  o.line(`Returns: ${returns}${fn.returnsSet ? '[]' : ''}`);
  o.close('}');
}

/** The helper types and `Constants`, as the CLI appends them after `Database`. */
function helpers(schemas: SchemaInfo[]): string {
  const defaultSchema = schemas.some((s) => s.name === 'public') ? 'public' : schemas[0]?.name ?? 'public';
  const lookup = (kind: string, groups: string, param: string, extract: string) => `export type ${kind}<
  ${param}OrOptions extends
    | keyof ${groups.replace(/X/g, 'DefaultSchema')}
    | { schema: keyof DatabaseWithoutInternals },
  Name extends ${param}OrOptions extends {
    schema: keyof DatabaseWithoutInternals
  }
    ? keyof ${groups.replace(/X/g, `DatabaseWithoutInternals[${param}OrOptions["schema"]]`)}
    : never = never,
> = ${param}OrOptions extends { schema: keyof DatabaseWithoutInternals }
  ? ${extract.replace(/X/g, `DatabaseWithoutInternals[${param}OrOptions["schema"]]`).replace('KEY', 'Name')}
  : ${param}OrOptions extends keyof ${groups.replace(/X/g, 'DefaultSchema')}
    ? ${extract.replace(/X/g, 'DefaultSchema').replace('KEY', `${param}OrOptions`)}
    : never
`;
  const enumsConst = schemas
    .map((s) => {
      const entries = s.enums.map((e) => `      ${key(e.name)}: [${e.values.map((v) => JSON.stringify(v)).join(', ')}],`);
      return `  ${key(s.name)}: {\n    Enums: {${entries.length ? '\n' + entries.join('\n') + '\n    ' : ''}},\n  },`;
    })
    .join('\n');
  return [
    'type DatabaseWithoutInternals = Omit<Database, "__InternalSupabase">',
    '',
    `type DefaultSchema = DatabaseWithoutInternals[Extract<keyof Database, ${JSON.stringify(defaultSchema)}>]`,
    '',
    lookup('Tables', '(X["Tables"] & X["Views"])', 'DefaultSchemaTableName', '(X["Tables"] & X["Views"])[KEY] extends { Row: infer R } ? R : never'),
    lookup('TablesInsert', 'X["Tables"]', 'DefaultSchemaTableName', 'X["Tables"][KEY] extends { Insert: infer I } ? I : never'),
    lookup('TablesUpdate', 'X["Tables"]', 'DefaultSchemaTableName', 'X["Tables"][KEY] extends { Update: infer U } ? U : never'),
    lookup('Enums', 'X["Enums"]', 'DefaultSchemaEnumName', 'X["Enums"][KEY]'),
    lookup('CompositeTypes', 'X["CompositeTypes"]', 'PublicCompositeTypeName', 'X["CompositeTypes"][KEY]'),
    `export const Constants = {\n${enumsConst}\n} as const\n`,
  ].join('\n');
}
