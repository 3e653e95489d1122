'use client';
/**
 * Add a post at the point clicked on the map, or edit one (agency, name, kind, address); checked as
 * the database checks it (an active agency, a name, inside the service area) before the round trip.
 */
import { useState, type FormEvent } from 'react';
import { Constants } from '@/lib/supabase/database.types';
import { checkPost, type PostDraft, type PostField, type ValidPost } from '@/lib/domain/admin-config-validation';
import type { WorkflowErrorCode } from '@/lib/domain/workflow-errors';
import type { LatLng } from '@/lib/domain/geo';
import type { AgencyRow, PostRow } from '@/lib/data/admin-config';
import { useT } from '@/lib/i18n/use-t';
import { Button } from '@/components/ui/button';
import { FieldProblem } from '../../_components/field-problem';

const INPUT = 'min-h-9 w-full rounded border border-slate-400 bg-white px-2 py-1 text-sm aria-[invalid=true]:border-red-600';

export interface PostFormProps {
  /** The post edited, or null for a new one at `point`. */
  post: PostRow | null;
  point: LatLng;
  agencies: readonly AgencyRow[];
  busy: boolean;
  onSubmit: (value: ValidPost) => void;
  onCancel: () => void;
}

export function PostForm({ post, point, agencies, busy, onSubmit, onCancel }: PostFormProps) {
  const { t } = useT();
  const [draft, setDraft] = useState<PostDraft>(() => ({
    agency_id: post?.agency_id ?? '',
    name: post?.name ?? '',
    kind: post?.kind ?? 'other',
    address: post?.address ?? '',
    location: point,
  }));
  const [problems, setProblems] = useState<Partial<Record<PostField, WorkflowErrorCode>>>({});
  // Posts of inactive agencies are refused (agency_inactive): offer only active ones, plus the current.
  const choices = agencies.filter((a) => a.active || a.id === post?.agency_id);

  function submit(event: FormEvent) {
    event.preventDefault();
    const checked = checkPost({ ...draft, location: point });
    if (!checked.ok) return setProblems(checked.problems);
    setProblems({});
    onSubmit(checked.value);
  }

  const title = post ? t('admin.posts.editTitle', { name: post.name }) : t('admin.posts.newTitle', { lat: point.lat.toFixed(5), lng: point.lng.toFixed(5) });
  return (
    <form className="flex flex-col gap-2 rounded border border-slate-300 bg-white p-3 shadow" onSubmit={submit} noValidate data-test="post-form" aria-label={title}>
      <h2 className="text-base font-bold">{title}</h2>
      <FieldProblem code={problems.location} field="location" />
      <label className="flex flex-col gap-1 text-sm font-semibold">
        {t('admin.posts.agency')}
        <select
          className={INPUT}
          value={draft.agency_id}
          aria-invalid={!!problems.agency_id}
          onChange={(e) => setDraft((d) => ({ ...d, agency_id: e.target.value }))}
          data-test="post-agency"
        >
          <option value="">{t('admin.posts.choose')}</option>
          {choices.map((a) => (
            <option key={a.id} value={a.id}>
              {a.code} — {a.name}
            </option>
          ))}
        </select>
        <FieldProblem code={problems.agency_id} field="agency_id" />
      </label>
      <label className="flex flex-col gap-1 text-sm font-semibold">
        {t('admin.posts.kind')}
        <select className={INPUT} value={draft.kind} onChange={(e) => setDraft((d) => ({ ...d, kind: e.target.value as PostDraft['kind'] }))} data-test="post-kind">
          {Constants.public.Enums.post_kind.map((k) => (
            <option key={k} value={k}>
              {t(`postKind.${k}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="flex flex-col gap-1 text-sm font-semibold">
        {t('admin.posts.name')}
        <input
          className={INPUT}
          value={draft.name}
          maxLength={160}
          aria-invalid={!!problems.name}
          onChange={(e) => setDraft((d) => ({ ...d, name: e.target.value }))}
          data-test="post-name"
        />
        <FieldProblem code={problems.name} field="name" />
      </label>
      <label className="flex flex-col gap-1 text-sm font-semibold">
        {t('admin.posts.address')}
        <input className={INPUT} value={draft.address} maxLength={300} onChange={(e) => setDraft((d) => ({ ...d, address: e.target.value }))} data-test="post-address" />
      </label>
      <div className="flex gap-2">
        <Button type="submit" size="sm" disabled={busy} data-test="post-save">
          {t('admin.save')}
        </Button>
        <Button size="sm" variant="secondary" onClick={onCancel} data-test="post-cancel">
          {t('admin.cancel')}
        </Button>
      </div>
    </form>
  );
}
