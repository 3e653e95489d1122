/** The date range of the statistics page: a plain GET form, so the range lives in the URL. */
import { Button } from '@/components/ui/button';

export function StatsRangeForm({ from, to, labels }: { from: string; to: string; labels: { from: string; to: string; apply: string } }) {
  return (
    <form method="get" className="flex flex-wrap items-end gap-2" data-test="stats-range-form">
      <label className="flex flex-col text-sm">
        {labels.from}
        <input type="date" name="from" defaultValue={from} className="rounded border border-slate-300 px-2 py-1" data-test="stats-from" />
      </label>
      <label className="flex flex-col text-sm">
        {labels.to}
        <input type="date" name="to" defaultValue={to} className="rounded border border-slate-300 px-2 py-1" data-test="stats-to" />
      </label>
      <Button type="submit" data-test="stats-apply">
        {labels.apply}
      </Button>
    </form>
  );
}
