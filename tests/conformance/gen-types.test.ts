/**
 * The type generator (scripts/gen-types.ts, driving @supabase/postgrest-typegen): the shape
 * `supabase gen types typescript` gives for a small schema that has every kind of object, and the
 * committed lib/supabase/database.types.ts being what the current migrations produce.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateTypes } from '../../scripts/gen-types.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'gen-types-'));
const migrations = path.join(dir, 'migrations');
mkdirSync(migrations);
writeFileSync(
  path.join(migrations, '20260101000000_fixture.sql'),
  `create type public.mood as enum ('calm', 'busy');
   create type public.pair as (a integer, b text);
   create table public.teams (id uuid primary key default gen_random_uuid(), code text not null unique, tags text[],
                               settings jsonb not null default '{}');
   create table public.people (
     id bigint generated always as identity primary key,
     team_id uuid references public.teams (id),
     name text not null,
     mood public.mood not null default 'calm',
     shout text generated always as (upper(name)) stored,
     meta jsonb
   );
   create table public.badges (person_id bigint primary key references public.people (id), since date not null);
   create view public.team_codes as select id, code from public.teams;
   create function public.count_people(p_team uuid, p_limit integer default 10)
     returns table (team uuid, people bigint) language sql as $$ select p_team, 0::bigint $$;
   create function public.all_teams() returns setof public.teams language sql as $$ select * from public.teams $$;
   create function public.ping() returns void language sql as $$ select $$;
   create function public.touch() returns trigger language plpgsql as $$ begin return new; end $$;`,
);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('gen:types', () => {
  it('renders tables, views, functions, enums and composite types as the Supabase CLI does', async () => {
    const out = await generateTypes(migrations);
    const people = out.slice(out.indexOf('      people: {'), out.indexOf('      teams: {'));
    expect(people).toContain('id: number\n');
    expect(people).toContain('mood: Database["public"]["Enums"]["mood"]\n');
    expect(people).toContain('meta: Json | null\n');
    // Identity "always" and generated columns can never be written.
    expect(people).toMatch(/Insert: \{[^}]*id\?: never[^}]*shout\?: never/);
    expect(people).toMatch(/Insert: \{[^}]*mood\?: Database\["public"\]\["Enums"\]\["mood"\][^}]*name: string/);
    expect(people).toContain('foreignKeyName: "people_team_id_fkey"');
    expect(people).toContain('isOneToOne: false');
    expect(out).toMatch(/badges: \{[\s\S]*?isOneToOne: true[\s\S]*?referencedRelation: "people"/);
    expect(out).toContain('tags: string[] | null');
    expect(out).toMatch(/Views: \{\n\s+team_codes: \{\n\s+Row: \{\n\s+code: string \| null\n\s+id: string \| null/);
    // Arguments and `returns table` columns come sorted by name, as the CLI prints them.
    expect(out).toContain('Args: { p_limit?: number; p_team: string }');
    expect(out).toMatch(/count_people: \{\n\s+Args: [^\n]+\n\s+Returns: \{\n\s+people: number\n\s+team: string\n\s+\}\[\]\n\s+\}/);
    // A function returning table rows carries SetofOptions, which lets postgrest-js type `.rpc().select()`.
    expect(out).toMatch(
      /all_teams: \{\n\s+Args: Record<PropertyKey, never>\n\s+Returns: \{\n\s+code: string\n\s+id: string\n\s+settings: NonNullable<Json>\n\s+tags: string\[\] \| null\n\s+\}\[\]\n\s+SetofOptions: \{\n\s+from: "\*"\n\s+to: "teams"\n\s+isOneToOne: false\n\s+isSetofReturn: true/,
    );
    expect(out).toContain('ping: { Args: Record<PropertyKey, never>; Returns: undefined }');
    // A NOT NULL jsonb column cannot hold SQL null, although the Json type includes null.
    expect(out).toMatch(/teams: \{\n\s+Row: \{\n\s+code: string\n\s+id: string\n\s+settings: NonNullable<Json>\n/);
    // PostgREST also embeds through a view that exposes the referenced key.
    expect(people).toMatch(/foreignKeyName: "people_team_id_fkey"\n\s+columns: \["team_id"\]\n\s+isOneToOne: false\n\s+referencedRelation: "team_codes"/);
    expect(out).not.toContain('touch:');
    expect(out).toContain('mood: "calm" | "busy"');
    expect(out).toMatch(/pair: \{\n\s+a: number \| null\n\s+b: string \| null/);
    expect(out).toContain('export type Tables<');
    expect(out).toContain('export type TablesInsert<');
    expect(out).toContain('export type TablesUpdate<');
    expect(out).toContain('export type Enums<');
    expect(out).toContain('mood: ["calm", "busy"],');
    expect(out).toContain('PostgrestVersion: "14.1"');
    // Deterministic: a second run gives the same bytes.
    expect(await generateTypes(migrations)).toBe(out);
  }, 240_000);

  it('the committed lib/supabase/database.types.ts is up to date with supabase/migrations', async () => {
    const committed = readFileSync(path.resolve(import.meta.dirname, '../../lib/supabase/database.types.ts'), 'utf8');
    expect(await generateTypes()).toBe(committed);
  }, 240_000);
});
