/**
 * /admin/shifts (issue #18 §4): the center's shift schedule — the WIB hours at which shifts start —
 * with each shift's span, when it last changed, and the form to change it. Admins only; the database
 * refuses everyone else as well (set_shift_schedule).
 */
import type { Metadata } from 'next';
import { requireRole } from '@/lib/auth/require-role';
import { readShiftSchedule } from '@/lib/data/shift';
import { shiftLengths } from '@/lib/domain/shift';
import { formatDateTime } from '@/lib/i18n/format';
import { getT } from '@/lib/i18n/server';
import { createClient } from '@/lib/supabase/server';
import { ShiftScheduleForm } from './_components/shift-schedule-form';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getT();
  return { title: t('admin.shifts.title') };
}

const hh = (h: number) => `${String(h % 24).padStart(2, '0')}:00`;

export default async function AdminShiftsPage() {
  await requireRole('admin');
  const { t, lang } = await getT();
  const schedule = await readShiftSchedule(await createClient());
  const hours = schedule.start_hours;
  const lengths = shiftLengths(hours);
  return (
    <section className="mx-auto flex w-full max-w-3xl flex-col gap-4 p-4" data-test="admin-shifts">
      <div>
        <h1 className="text-2xl font-bold" data-test="page-title">
          {t('admin.shifts.title')}
        </h1>
        <p className="text-sm text-slate-600">{t('admin.shifts.intro')}</p>
      </div>
      <section
        className="rounded-lg border border-slate-200 bg-white p-4"
        data-test="shifts-current"
        data-hours={hours.join(',')}
        data-version={schedule.version}
      >
        <h2 className="mb-1 text-lg font-semibold">{t('admin.shifts.current')}</h2>
        <ul className="text-base font-semibold">
          {hours.map((h, i) => (
            <li key={h} data-test="shift-item">
              {t('admin.shifts.item', { from: hh(h), to: hh(h + lengths[i]), hours: lengths[i] })}
            </li>
          ))}
        </ul>
        <p className="text-sm text-slate-600">{t('admin.shifts.lastChanged', { at: formatDateTime(schedule.updated_at, lang) })}</p>
      </section>
      <ShiftScheduleForm hours={hours} version={schedule.version} />
    </section>
  );
}
