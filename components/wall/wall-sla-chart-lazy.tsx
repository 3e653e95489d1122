'use client';
/**
 * The wall's SLA chart loaded on its own: recharts is the largest script of the wall (~400 kB), and
 * parsing it before the wall's first render held back the live data requests by about a second
 * (bench/wall-render.ts). The counters above it show at once; the chart follows when its code is in.
 */
import dynamic from 'next/dynamic';

export const WallSlaChartLazy = dynamic(() => import('@/components/charts/sla-share-chart').then((m) => m.SlaShareChart), {
  ssr: false,
  loading: () => <div className="h-full w-full" aria-busy="true" />,
});
