'use client';
/**
 * Share of durations within their SLA target per stage, as bars from 0 to 100 %, coloured like the
 * timers (green from 90 %, amber from 75 %, red below). Used by the statistics page and the monthly
 * report; the wall shows the same shares as figures (components/wall/wall-stage-shares.tsx). Animation
 * is off: a chart that redraws on every refresh should not spend frames on it.
 */
import { Bar, BarChart, CartesianGrid, Cell, LabelList, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import { useViewportFontSize } from './use-viewport-font-size';

export interface StageShare {
  key: string;
  label: string;
  /** 0–1, or null when nothing was measured. */
  share: number | null;
}

export function shareColour(share: number | null): string {
  if (share === null) return '#475569';
  if (share >= 0.9) return '#10b981';
  if (share >= 0.75) return '#f59e0b';
  return '#dc2626';
}

export function SlaShareChart({ stages }: { stages: readonly StageShare[] }) {
  const fontSize = useViewportFontSize(0.0065);
  const data = stages.map((s) => ({ key: s.key, label: s.label, percent: s.share === null ? 0 : Math.round(s.share * 1000) / 10, share: s.share }));
  const ink = '#334155';
  return (
    <ResponsiveContainer width="100%" height="100%" minHeight={80}>
      <BarChart data={data} margin={{ top: fontSize * 1.4, right: 4, bottom: 0, left: 0 }}>
        <CartesianGrid vertical={false} stroke="#e2e8f0" />
        <XAxis dataKey="label" interval={0} height={fontSize * 2} tick={{ fill: ink, fontSize }} tickLine={false} axisLine={false} />
        <YAxis domain={[0, 100]} ticks={[0, 50, 100]} width={fontSize * 3.8} tick={{ fill: ink, fontSize }} tickLine={false} axisLine={false} unit="%" />
        <Bar dataKey="percent" isAnimationActive={false} radius={[3, 3, 0, 0]}>
          {data.map((d) => (
            <Cell key={d.key} fill={shareColour(d.share)} />
          ))}
          <LabelList
            dataKey="percent"
            position="top"
            fill={ink}
            fontSize={fontSize}
            formatter={(v: unknown) => (typeof v === 'number' ? `${Math.round(v)}%` : '')}
          />
        </Bar>
      </BarChart>
    </ResponsiveContainer>
  );
}
