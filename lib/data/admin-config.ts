/**
 * The administrator's writes to agencies, posts and run cards, each one an admin RPC
 * (…_admin_config.sql: audited, version-checked). They return a WriteResult instead of throwing so
 * the screens can word the refusal — above all `stale_version`, two admins on one row.
 */
import type { Enums, Tables } from '@/lib/supabase/database.types';
import type { ValidAgency, ValidPost } from '@/lib/domain/admin-config-validation';
import type { LatLng } from '@/lib/domain/geo';
import type { WriteResult } from '@/lib/domain/write-failure';
import type { Db } from './db';
import { toWriteResult } from './write-result';

export type AgencyRow = Tables<'agencies'>;
export type PostRow = Tables<'agency_posts'>;
export type RunCardRow = Tables<'run_cards'>;
type Versioned = { id: string; version: number };

export async function createAgency(client: Db, a: ValidAgency): Promise<WriteResult<AgencyRow>> {
  return toWriteResult(
    await client.rpc('admin_create_agency', { p_code: a.code, p_name: a.name, p_kind: a.kind, p_phone: a.phone ?? undefined, p_color: a.color ?? undefined }),
  );
}

export async function updateAgency(client: Db, row: Versioned, a: ValidAgency): Promise<WriteResult<AgencyRow>> {
  return toWriteResult(
    await client.rpc('admin_update_agency', {
      p_agency_id: row.id,
      p_code: a.code,
      p_name: a.name,
      p_kind: a.kind,
      // null clears the phone or colour: the function stores what it is given.
      p_phone: a.phone ?? '',
      p_color: a.color ?? '',
      p_expected_version: row.version,
    }),
  );
}

export async function setAgencyActive(client: Db, row: Versioned, active: boolean): Promise<WriteResult<AgencyRow>> {
  return toWriteResult(await client.rpc('admin_set_agency_active', { p_agency_id: row.id, p_active: active, p_expected_version: row.version }));
}

export async function createPost(client: Db, p: ValidPost): Promise<WriteResult<PostRow>> {
  return toWriteResult(
    await client.rpc('admin_create_post', {
      p_agency_id: p.agency_id,
      p_name: p.name,
      p_kind: p.kind,
      p_lat: p.location.lat,
      p_lng: p.location.lng,
      p_address: p.address ?? undefined,
    }),
  );
}

export async function updatePost(client: Db, row: Versioned, p: Omit<ValidPost, 'location'>): Promise<WriteResult<PostRow>> {
  return toWriteResult(
    await client.rpc('admin_update_post', {
      p_post_id: row.id,
      p_agency_id: p.agency_id,
      p_name: p.name,
      p_kind: p.kind,
      p_address: p.address ?? '',
      p_expected_version: row.version,
    }),
  );
}

export async function movePost(client: Db, row: Versioned, to: LatLng): Promise<WriteResult<PostRow>> {
  return toWriteResult(await client.rpc('admin_move_post', { p_post_id: row.id, p_lat: to.lat, p_lng: to.lng, p_expected_version: row.version }));
}

export async function setPostActive(client: Db, row: Versioned, active: boolean): Promise<WriteResult<PostRow>> {
  return toWriteResult(await client.rpc('admin_set_post_active', { p_post_id: row.id, p_active: active, p_expected_version: row.version }));
}

export async function setRunCard(
  client: Db,
  card: Pick<RunCardRow, 'category' | 'version'>,
  lead: readonly Enums<'agency_kind'>[],
  support: readonly Enums<'agency_kind'>[],
): Promise<WriteResult<RunCardRow>> {
  return toWriteResult(
    await client.rpc('admin_set_run_card', {
      p_category: card.category,
      p_lead_kinds: [...lead],
      p_support_kinds: [...support],
      p_expected_version: card.version,
    }),
  );
}
