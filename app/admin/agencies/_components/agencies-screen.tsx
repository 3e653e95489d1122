'use client';
/**
 * The admin's list of agencies (OPD), live: create, edit, deactivate and reactivate, each an audited
 * admin RPC with the version the admin saw. A deactivated agency stays listed for history and is no
 * longer offered by dispatch.
 */
import { useState } from 'react';
import { createAgency, setAgencyActive, updateAgency, type AgencyRow } from '@/lib/data/admin-config';
import type { ValidAgency } from '@/lib/domain/admin-config-validation';
import { useT } from '@/lib/i18n/use-t';
import { createClient } from '@/lib/supabase/client';
import { useLiveAgencies } from '@/lib/realtime/use-live-agencies';
import { ConnectionStatus } from '@/components/realtime/connection-status';
import { Button } from '@/components/ui/button';
import { AdminNoticeLine } from '../../_components/admin-notice-line';
import { useAdminWrite } from '../../_components/use-admin-write';
import { AgencyForm } from './agency-form';

type Editing = { mode: 'new' } | { mode: 'edit'; id: string } | null;

export function AgenciesScreen() {
  const { t } = useT();
  const [client] = useState(createClient);
  const agencies = useLiveAgencies(client);
  const { busy, notice, run } = useAdminWrite(agencies.refresh);
  const [editing, setEditing] = useState<Editing>(null);
  const editedRow = editing?.mode === 'edit' ? agencies.rows.find((a) => a.id === editing.id) ?? null : null;

  async function save(value: ValidAgency) {
    const saved = editedRow ? await run(() => updateAgency(client, editedRow, value)) : await run(() => createAgency(client, value));
    if (saved) setEditing(null);
  }

  const toggle = (row: AgencyRow) => void run(() => setAgencyActive(client, row, !row.active));

  return (
    <div className="flex flex-col gap-3" data-test="agencies-screen">
      <div className="flex items-center gap-3">
        <ConnectionStatus status={agencies.status} />
        <Button size="sm" onClick={() => setEditing({ mode: 'new' })} data-test="agency-new">
          {t('admin.agencies.new')}
        </Button>
        <p className="text-xs text-slate-600">{t('admin.agencies.inactiveHint')}</p>
      </div>
      <AdminNoticeLine notice={notice} />
      {editing && (
        // Keyed by row and version: a conflict reloads the form with the other admin's values.
        <AgencyForm key={editedRow ? `${editedRow.id}:${editedRow.version}` : 'new'} agency={editedRow} busy={busy} onSubmit={save} onCancel={() => setEditing(null)} />
      )}
      {agencies.error && agencies.status === 'error' && (
        <p className="text-sm text-red-700" role="alert">
          {t('admin.loadError', { message: agencies.error.message })}
        </p>
      )}
      <table className="w-full border-collapse text-sm" data-test="agencies-table">
        <thead>
          <tr className="border-b border-slate-300 text-left">
            <th className="p-2">{t('admin.agencies.code')}</th>
            <th className="p-2">{t('admin.agencies.name')}</th>
            <th className="p-2">{t('admin.agencies.kind')}</th>
            <th className="p-2">{t('admin.agencies.phone')}</th>
            <th className="p-2">{t('admin.agencies.color')}</th>
            <th className="p-2">{t('admin.agencies.status')}</th>
            <th className="p-2">{t('admin.agencies.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {agencies.rows.map((a) => (
            <tr key={a.id} className={`border-b border-slate-200 ${a.active ? '' : 'text-slate-500'}`} data-test="agency-row" data-code={a.code} data-active={String(a.active)} data-version={a.version}>
              <td className="p-2 font-semibold">{a.code}</td>
              <td className="p-2">{a.name}</td>
              <td className="p-2">{t(`agencyKind.${a.kind}`)}</td>
              <td className="p-2">{a.phone ?? '–'}</td>
              <td className="p-2">
                <span className="inline-block h-3 w-6 rounded-sm align-middle" style={{ background: a.color ?? '#64748b' }} aria-hidden="true" /> {a.color ?? '–'}
              </td>
              <td className="p-2">{a.active ? t('admin.active') : t('admin.inactive')}</td>
              <td className="flex gap-1 p-2">
                <Button size="sm" variant="secondary" onClick={() => setEditing({ mode: 'edit', id: a.id })} data-test="agency-edit">
                  {t('admin.edit')}
                </Button>
                <Button size="sm" variant={a.active ? 'dangerOutline' : 'secondary'} disabled={busy} onClick={() => toggle(a)} data-test="agency-toggle">
                  {a.active ? t('admin.deactivate') : t('admin.reactivate')}
                </Button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
