'use client';
/**
 * Confirmation of an assignment chosen by clicking a post on the dispatch map. A click on a crowded
 * map easily lands on the wrong marker, and an assignment alerts that agency's liaison at once, so
 * the map only proposes: the agency and the post are named, Enter (the focused button) confirms,
 * Escape or "Batal" cancels. The nearest-posts list in the drawer is the keyboard's way to the same
 * assignment without the map.
 */
import { useEffect, useId, useRef } from 'react';
import { Button } from '@/components/ui/button';
import { useT } from '@/lib/i18n/use-t';

export function PostAssignConfirm({
  agency,
  code,
  post,
  ticket,
  busy,
  onConfirm,
  onCancel,
}: {
  /** The agency's name, and its short code for the button. */
  agency: string;
  code: string;
  post: string;
  ticket: string;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const { t } = useT();
  const titleId = useId();
  const confirmRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    confirmRef.current?.focus();
  }, [agency, post]);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') onCancel();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [onCancel]);
  return (
    <div
      role="alertdialog"
      aria-modal="false"
      aria-labelledby={titleId}
      className="absolute inset-x-2 bottom-2 z-[1000] flex flex-wrap items-center gap-3 rounded-md border-2 border-blue-700 bg-white p-3 shadow-lg"
      data-test="post-assign-confirm"
    >
      <p id={titleId} className="min-w-0 flex-1 text-sm">
        {t('dispatch.posts.confirm', { agency, code, post, ticket })}
      </p>
      <Button ref={confirmRef} variant="accent" size="md" disabled={busy} onClick={onConfirm} data-test="post-assign-confirm-ok">
        {t('dispatch.posts.confirmOk', { code })}
      </Button>
      <Button variant="secondary" size="md" onClick={onCancel} data-test="post-assign-confirm-cancel">
        {t('dispatch.posts.confirmCancel')}
      </Button>
    </div>
  );
}
