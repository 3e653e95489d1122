/**
 * The sections of a data-subject search as tables: per section the fields a person needs to read
 * (the exports hold every field), times in WIB, days as dates, enum values translated where the app has words.
 */
import type { DataSubjectDocument, DataSubjectRow, DataSubjectSection } from '@/lib/domain/data-subject-export';
import type { MessageKey } from '@/lib/i18n/dictionaries/id';
import { formatDate, formatDateTime } from '@/lib/i18n/format';
import { callerDataScreenKey } from '@/lib/i18n/caller-data-screens';
import { getT } from '@/lib/i18n/server';
import type { Translate } from '@/lib/i18n/translate';
import type { Language } from '@/lib/i18n/languages';

type Field = keyof typeof FIELD_LABELS;

const FIELD_LABELS = {
  received_at: 'admin.dsr.field.received_at',
  received_on: 'admin.dsr.field.received_on',
  recorded_at: 'admin.dsr.field.recorded_at',
  call_type: 'admin.dsr.field.call_type',
  caller_phone: 'admin.dsr.field.caller_phone',
  caller_name: 'admin.dsr.field.caller_name',
  caller_lat: 'admin.dsr.field.caller_lat',
  caller_lng: 'admin.dsr.field.caller_lng',
  pseudonymised_at: 'admin.dsr.field.pseudonymised_at',
  ticket_no: 'admin.dsr.field.ticket_no',
  status: 'admin.dsr.field.status',
  category: 'admin.dsr.field.category',
  reported_at: 'admin.dsr.field.reported_at',
  address: 'admin.dsr.field.address',
  proposed_at: 'admin.dsr.field.proposed_at',
  expires_at: 'admin.dsr.field.expires_at',
  reason: 'admin.dsr.field.reason',
  attempts: 'admin.dsr.field.attempts',
  call_received_at: 'admin.dsr.field.call_received_at',
  at: 'admin.dsr.field.at',
  actor_role: 'admin.dsr.field.actor_role',
  screen: 'admin.dsr.field.screen',
  kind: 'admin.dsr.field.kind',
  requester: 'admin.dsr.field.requester',
  answered_at: 'admin.dsr.field.answered_at',
} as const satisfies Record<string, MessageKey>;

const SHOWN: Record<DataSubjectSection, readonly Field[]> = {
  calls: ['received_at', 'call_type', 'caller_phone', 'caller_name', 'caller_lat', 'caller_lng', 'pseudonymised_at'],
  incidents: ['ticket_no', 'status', 'category', 'reported_at', 'address'],
  blocks: ['status', 'proposed_at', 'expires_at'],
  callbacks: ['call_received_at', 'reason', 'status', 'attempts'],
  access: ['at', 'actor_role', 'screen', 'reason'],
  requests: ['received_on', 'recorded_at', 'kind', 'requester', 'answered_at'],
};

/** The document's field a column reads: a request's received_at is when it was recorded. */
function source(section: DataSubjectSection, field: Field): string {
  return section === 'requests' && field === 'recorded_at' ? 'received_at' : field;
}

function cell(section: DataSubjectSection, row: DataSubjectRow, field: Field, t: Translate, lang: Language): string {
  const value = row[source(section, field)];
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'string' && (field === 'at' || field.endsWith('_at'))) return formatDateTime(value, lang);
  if (typeof value === 'string' && field.endsWith('_on')) return formatDate(`${value}T00:00:00+07:00`, lang);
  if (field === 'screen') {
    const key = callerDataScreenKey(String(value));
    return key ? t(key) : String(value);
  }
  if (section === 'incidents' && field === 'status') return t(`dispatch.status.${String(value)}` as MessageKey);
  if (section === 'incidents' && field === 'category') return t(`dispatch.category.${String(value)}` as MessageKey);
  if (field === 'call_type') return t(`callType.${String(value)}` as MessageKey);
  if (field === 'actor_role') return t(`role.${String(value)}` as MessageKey);
  if (field === 'kind') return t(`admin.dsr.kind.${String(value)}` as MessageKey);
  return String(value);
}

export async function SubjectSections({ doc }: { doc: DataSubjectDocument }) {
  const { t, lang } = await getT();
  const sections: DataSubjectSection[] = ['calls', 'incidents', 'blocks', 'callbacks', 'access', 'requests'];
  return (
    <>
      {sections.map((section) => (
        <section key={section} className="flex flex-col gap-2 rounded-lg border border-slate-200 bg-white p-4" data-test={`dsr-section-${section}`} data-rows={doc[section].length}>
          <h2 className="text-lg font-semibold">
            {t(`admin.dsr.section.${section}`)} ({doc[section].length})
          </h2>
          {doc[section].length === 0 ? (
            <p className="text-sm text-slate-600">{t('admin.dsr.none')}</p>
          ) : (
            <div className="overflow-x-auto">
              <table className="w-full text-left text-sm">
                <thead>
                  <tr className="border-b border-slate-300">
                    {SHOWN[section].map((f) => (
                      <th key={f} className="py-1 pr-3">
                        {t(FIELD_LABELS[f])}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {doc[section].map((row) => (
                    <tr key={String(row.id)} className="border-b border-slate-100" data-test={`dsr-row-${section}`} data-id={String(row.id)}>
                      {SHOWN[section].map((f) => (
                        <td key={f} className="py-1 pr-3 break-words">
                          {cell(section, row, f, t, lang)}
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      ))}
    </>
  );
}
