'use client';
/** Earlier calls of the number being typed, fetched a moment after typing stops. */
import { useEffect, useState } from 'react';
import { summariseCallerHistory, type CallerHistory } from '@/lib/domain/caller-history';
import { normalisePhone } from '@/lib/domain/phone';
import type { Db } from '@/lib/data/db';
import { readCallerHistory } from '@/lib/data/operator-calls';

const DEBOUNCE_MS = 350;

export function useCallerHistory(
  client: Db,
  phone: string,
  callId: string | undefined,
): { history: CallerHistory | null; loading: boolean; error: Error | null } {
  const [state, setState] = useState<{ phone: string; history: CallerHistory | null; error: Error | null }>({
    phone: '',
    history: null,
    error: null,
  });
  const parsed = normalisePhone(phone);
  const number = parsed.ok && parsed.value && parsed.value.replace(/\D/g, '').length >= 4 ? parsed.value : null;

  useEffect(() => {
    if (!number) return;
    let alive = true;
    const timer = setTimeout(() => {
      readCallerHistory(client, number, callId).then(
        (rows) => alive && setState({ phone: number, history: summariseCallerHistory(rows), error: null }),
        (err: unknown) => alive && setState({ phone: number, history: null, error: err instanceof Error ? err : new Error(String(err)) }),
      );
    }, DEBOUNCE_MS);
    return () => {
      alive = false;
      clearTimeout(timer);
    };
  }, [client, number, callId]);

  if (!number) return { history: null, loading: false, error: null };
  const current = state.phone === number;
  return { history: current ? state.history : null, loading: !current, error: current ? state.error : null };
}
