'use client';
/**
 * Earlier calls of the number being typed, and the nuisance block in force for it, fetched a moment
 * after typing stops.
 */
import { useEffect, useState } from 'react';
import { summariseCallerHistory, type CallerHistory } from '@/lib/domain/caller-history';
import { normalisePhone } from '@/lib/domain/phone';
import type { Db } from '@/lib/data/db';
import { readCallerHistory } from '@/lib/data/operator-calls';
import { readActiveBlock, type ActiveBlock } from '@/lib/data/nuisance';

const DEBOUNCE_MS = 350;

export function useCallerHistory(
  client: Db,
  phone: string,
  callId: string | undefined,
): { history: CallerHistory | null; block: ActiveBlock | null; loading: boolean; error: Error | null } {
  const [state, setState] = useState<{ phone: string; history: CallerHistory | null; block: ActiveBlock | null; error: Error | null }>({
    phone: '',
    history: null,
    block: null,
    error: null,
  });
  const parsed = normalisePhone(phone);
  const number = parsed.ok && parsed.value && parsed.value.replace(/\D/g, '').length >= 4 ? parsed.value : null;

  useEffect(() => {
    if (!number) return;
    let alive = true;
    const timer = setTimeout(() => {
      Promise.all([readCallerHistory(client, number, callId), readActiveBlock(client, number)]).then(
        ([rows, block]) => alive && setState({ phone: number, history: summariseCallerHistory(rows), block, error: null }),
        (err: unknown) =>
          alive && setState({ phone: number, history: null, block: null, error: err instanceof Error ? err : new Error(String(err)) }),
      );
    }, DEBOUNCE_MS);
    return () => {
      alive = false;
      clearTimeout(timer);
    };
  }, [client, number, callId]);

  if (!number) return { history: null, block: null, loading: false, error: null };
  const current = state.phone === number;
  return {
    history: current ? state.history : null,
    block: current ? state.block : null,
    loading: !current,
    error: current ? state.error : null,
  };
}
