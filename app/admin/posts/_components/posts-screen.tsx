'use client';
/**
 * The admin's posts on the map, live: a click on the map opens the form of a new post there; a
 * marker dragged elsewhere asks to confirm the move (and the move can be undone); the list beside
 * the map edits, deactivates and reactivates. Every change is an audited admin RPC with the version
 * the admin saw, and dispatch and the wall follow it at once.
 */
import { useMemo, useState } from 'react';
import { createPost, movePost, setPostActive, updatePost, type AgencyRow, type PostRow } from '@/lib/data/admin-config';
import type { ValidPost } from '@/lib/domain/admin-config-validation';
import type { LatLng } from '@/lib/domain/geo';
import type { TileConfig } from '@/lib/map/tile-config';
import { useT } from '@/lib/i18n/use-t';
import { createClient } from '@/lib/supabase/client';
import { useLiveAgencies } from '@/lib/realtime/use-live-agencies';
import { useLiveAgencyPosts } from '@/lib/realtime/use-live-agency-posts';
import { ConnectionStatus } from '@/components/realtime/connection-status';
import { Button } from '@/components/ui/button';
import { AdminNoticeLine } from '../../_components/admin-notice-line';
import { useAdminWrite } from '../../_components/use-admin-write';
import { PostForm } from './post-form';
import { PostsMapLazy } from './posts-map-lazy';

interface Move {
  post: PostRow;
  to: LatLng;
}

export function PostsScreen({ tiles }: { tiles: TileConfig }) {
  const { t } = useT();
  const [client] = useState(createClient);
  const agencies = useLiveAgencies(client);
  const posts = useLiveAgencyPosts(client);
  const { busy, notice, run } = useAdminWrite(() => Promise.all([posts.refresh(), agencies.refresh()]));
  const agencyById = useMemo(() => new Map<string, AgencyRow>(agencies.rows.map((a) => [a.id, a])), [agencies.rows]);
  const [draftPoint, setDraftPoint] = useState<LatLng | null>(null);
  const [editingId, setEditingId] = useState<string | null>(null);
  const [pending, setPending] = useState<Move | null>(null);
  const [undo, setUndo] = useState<{ postId: string; from: LatLng } | null>(null);
  const [resetKey, setResetKey] = useState(0);
  const [showInactive, setShowInactive] = useState(false);
  const editing = editingId ? posts.rows.find((p) => p.id === editingId) ?? null : null;
  const listed = showInactive ? posts.rows : posts.rows.filter((p) => p.active);

  const current = (id: string) => posts.rows.find((p) => p.id === id);

  function pick(point: LatLng) {
    if (pending) return;
    setEditingId(null);
    setDraftPoint(point);
  }

  async function confirmMove() {
    if (!pending) return;
    const { post, to } = pending;
    setPending(null);
    const moved = await run(() => movePost(client, post, to), t('admin.posts.moved', { name: post.name }));
    if (moved) setUndo({ postId: post.id, from: { lat: post.lat, lng: post.lng } });
    // Refused (a conflict, outside the area): the marker goes back to where the post is.
    else setResetKey((k) => k + 1);
  }

  function cancelMove() {
    setPending(null);
    setResetKey((k) => k + 1);
  }

  async function undoMove() {
    const row = undo && current(undo.postId);
    if (!undo || !row) return;
    setUndo(null);
    await run(() => movePost(client, row, undo.from));
  }

  async function save(value: ValidPost) {
    const saved = editing ? await run(() => updatePost(client, editing, value)) : await run(() => createPost(client, value));
    if (saved) {
      setDraftPoint(null);
      setEditingId(null);
    }
  }

  const toggle = (post: PostRow) => void run(() => setPostActive(client, post, !post.active));
  const formPoint = editing ? { lat: editing.lat, lng: editing.lng } : draftPoint;

  return (
    <div className="flex flex-col gap-2" data-test="posts-screen">
      <div className="flex items-center gap-3">
        <ConnectionStatus status={posts.status} />
        <p className="text-sm text-slate-600">{t('admin.posts.hint')}</p>
      </div>
      {pending && (
        <div className="flex items-center gap-2 rounded border-l-4 border-blue-600 bg-blue-50 px-3 py-2 text-sm" role="alertdialog" data-test="move-confirm">
          <span>{t('admin.posts.moveConfirm', { name: pending.post.name, lat: pending.to.lat.toFixed(5), lng: pending.to.lng.toFixed(5) })}</span>
          <Button size="sm" disabled={busy} onClick={() => void confirmMove()} data-test="move-save">
            {t('admin.save')}
          </Button>
          <Button size="sm" variant="secondary" onClick={cancelMove} data-test="move-cancel">
            {t('admin.cancel')}
          </Button>
        </div>
      )}
      <AdminNoticeLine notice={notice}>
        {undo && notice?.kind === 'ok' && (
          <Button size="sm" variant="secondary" disabled={busy} onClick={() => void undoMove()} data-test="move-undo">
            {t('admin.posts.undo')}
          </Button>
        )}
      </AdminNoticeLine>
      <div className="flex h-[calc(100vh-13rem)] min-h-[520px] gap-2">
        <div className="min-h-0 flex-1 overflow-hidden rounded border border-slate-300">
          <PostsMapLazy
            tiles={tiles}
            posts={listed}
            agencies={agencyById}
            draftPoint={draftPoint}
            resetKey={resetKey}
            onPick={pick}
            onDragEnd={(post, to) => {
              setUndo(null);
              setPending({ post, to });
            }}
          />
        </div>
        <aside className="flex w-[380px] shrink-0 flex-col gap-2 overflow-y-auto">
          {formPoint && (
            <PostForm
              key={editing ? `${editing.id}:${editing.version}` : `${formPoint.lat},${formPoint.lng}`}
              post={editing}
              point={formPoint}
              agencies={agencies.rows}
              busy={busy}
              onSubmit={(v) => void save(v)}
              onCancel={() => {
                setDraftPoint(null);
                setEditingId(null);
              }}
            />
          )}
          <div className="flex items-center justify-between">
            <h2 className="text-sm font-semibold">{t('admin.posts.list')}</h2>
            <label className="flex items-center gap-1 text-xs">
              <input type="checkbox" checked={showInactive} onChange={(e) => setShowInactive(e.target.checked)} data-test="posts-show-inactive" />
              {t('admin.posts.showInactive')}
            </label>
          </div>
          <ul className="flex flex-col gap-1" data-test="posts-list">
            {listed.map((p) => {
              const agency = agencyById.get(p.agency_id);
              return (
                <li
                  key={p.id}
                  className={`flex items-center justify-between gap-2 rounded border border-slate-200 bg-white px-2 py-1 text-sm ${p.active ? '' : 'text-slate-500'}`}
                  data-test="post-row"
                  data-post-id={p.id}
                  data-active={String(p.active)}
                  data-version={p.version}
                >
                  <div className="min-w-0">
                    <div className="truncate">
                      <span className="font-semibold">{agency?.code ?? '?'}</span> {p.name}
                    </div>
                    <div className="text-xs text-slate-600">
                      {t(`postKind.${p.kind}`)} · {p.active ? t('admin.active') : t('admin.inactive')}
                    </div>
                  </div>
                  <div className="flex shrink-0 gap-1">
                    <Button
                      size="sm"
                      variant="secondary"
                      onClick={() => {
                        setDraftPoint(null);
                        setEditingId(p.id);
                      }}
                      data-test="post-edit"
                    >
                      {t('admin.edit')}
                    </Button>
                    <Button size="sm" variant={p.active ? 'dangerOutline' : 'secondary'} disabled={busy} onClick={() => toggle(p)} data-test="post-toggle">
                      {p.active ? t('admin.deactivate') : t('admin.reactivate')}
                    </Button>
                  </div>
                </li>
              );
            })}
          </ul>
        </aside>
      </div>
    </div>
  );
}
