'use client';
/** The database clock estimate (local clock plus measured offset), re-read every `intervalMs`. */
import { useEffect, useState } from 'react';

export function useDbNow(offsetMs: number, intervalMs = 500): number {
  const [localMs, setLocalMs] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setLocalMs(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return localMs + offsetMs;
}
