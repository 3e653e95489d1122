'use client';
/** Horizontal bars of counts per label (incidents per category or per kecamatan). */
import { Bar, BarChart, CartesianGrid, LabelList, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

export interface LabelledCount {
  key: string;
  label: string;
  value: number;
}

export function CountBarChart({ rows, colour = '#a51616', name }: { rows: readonly LabelledCount[]; colour?: string; name: string }) {
  const height = Math.max(120, rows.length * 30 + 20);
  return (
    <ResponsiveContainer width="100%" height={height}>
      <BarChart data={[...rows]} layout="vertical" margin={{ top: 4, right: 32, bottom: 4, left: 8 }}>
        <CartesianGrid horizontal={false} stroke="#e2e8f0" />
        <XAxis type="number" allowDecimals={false} tick={{ fontSize: 11 }} tickLine={false} />
        <YAxis type="category" dataKey="label" width={150} tick={{ fontSize: 12 }} tickLine={false} axisLine={false} />
        <Tooltip />
        <Bar dataKey="value" name={name} fill={colour} isAnimationActive={false} radius={[0, 3, 3, 0]}>
          <LabelList dataKey="value" position="right" fontSize={11} />
        </Bar>
      </BarChart>
    </ResponsiveContainer>
  );
}
