/** Admin: the agencies' posts on the map — add by clicking, move by dragging, edit, deactivate. */
import type { Metadata } from 'next';
import { requireRole } from '@/lib/auth/require-role';
import { getT } from '@/lib/i18n/server';
import { tileConfigFromEnv } from '@/lib/map/tile-config';
import { AdminPageFrame } from '../_components/admin-page-frame';
import { PostsScreenLazy } from './_components/posts-screen-lazy';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t('admin.posts.title') };
}

export default async function AdminPostsPage() {
  await requireRole('admin');
  const { t } = await getT();
  return (
    <AdminPageFrame title={t('admin.posts.title')} backLabel={t('admin.back')}>
      <PostsScreenLazy tiles={tileConfigFromEnv()} />
    </AdminPageFrame>
  );
}
