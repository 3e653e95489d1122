'use client';
/** Calls per WIB day, stacked by call type: how many were emergencies and how many nuisance. */
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { CallType } from '@/lib/domain/workflow';
import { eachOnce } from '@/lib/domain/value-lists';

export interface CallsByTypeDay {
  label: string;
  counts: Record<CallType, number>;
}

export const CALL_TYPE_COLOURS: Record<CallType, string> = {
  emergency: '#dc2626',
  info: '#2563eb',
  ghost: '#94a3b8',
  prank: '#f59e0b',
};

// Display order; every call type exactly once (compile-checked).
const ORDER = eachOnce<CallType>()(['emergency', 'info', 'ghost', 'prank']);

export function CallsByTypeChart({ days, typeLabels }: { days: readonly CallsByTypeDay[]; typeLabels: Record<CallType, string> }) {
  const data = days.map((d) => ({ label: d.label, ...d.counts }));
  return (
    <ResponsiveContainer width="100%" height={280}>
      <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
        <CartesianGrid vertical={false} stroke="#e2e8f0" />
        <XAxis dataKey="label" tick={{ fontSize: 11 }} tickLine={false} minTickGap={8} />
        <YAxis allowDecimals={false} width={36} tick={{ fontSize: 11 }} tickLine={false} axisLine={false} />
        <Tooltip />
        <Legend />
        {ORDER.map((type) => (
          <Bar key={type} dataKey={type} name={typeLabels[type]} stackId="calls" fill={CALL_TYPE_COLOURS[type]} isAnimationActive={false} />
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}
