'use client';
/**
 * Live agency posts (stations, hospitals, puskesmas, HQs), inactive ones included so that a post
 * taken off the map leaves every screen at once (they filter on `active`; the table has some twenty
 * rows). A post added, moved or deactivated by an administrator shows without reload.
 */
import type { Db } from '@/lib/data/db';
import type { Tables } from '@/lib/supabase/database.types';
import { useLiveRows, type LiveRows } from './use-live-rows';

export type LivePost = Tables<'agency_posts'>;

const byName = (a: LivePost, b: LivePost) => a.name.localeCompare(b.name);

export function useLiveAgencyPosts(client: Db): LiveRows<LivePost> {
  return useLiveRows({ client, table: 'agency_posts', key: 'id', version: 'version', sort: byName });
}
