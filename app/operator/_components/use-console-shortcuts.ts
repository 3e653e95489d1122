'use client';
/**
 * The console's keys (lib/domain/console-keys.ts) on the whole window: N starts a call, G/P/I/D
 * classify the call on screen, L links it to the major incident offered for it. A key that cannot act now (N during a call, a letter with no call)
 * is left to the browser.
 */
import { useEffect, useEffectEvent } from 'react';
import { commandForKey } from '@/lib/domain/console-keys';
import type { CallType } from '@/lib/domain/workflow';

export interface ConsoleShortcuts {
  /** Null while a call is open. */
  newCall: (() => void) | null;
  /** Null while no call is on screen. */
  classify: ((callType: CallType) => void) | null;
  /** Null while no major incident is offered for the call on screen. */
  linkMajor: (() => void) | null;
}

function isTextField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

export function useConsoleShortcuts(shortcuts: ConsoleShortcuts): void {
  const onKey = useEffectEvent((event: KeyboardEvent) => {
    if (event.repeat || event.defaultPrevented) return;
    const command = commandForKey({
      key: event.key,
      altKey: event.altKey,
      ctrlKey: event.ctrlKey,
      metaKey: event.metaKey,
      inTextField: isTextField(event.target),
    });
    if (!command) return;
    if (command.kind === 'new_call' && shortcuts.newCall) {
      event.preventDefault();
      shortcuts.newCall();
    } else if (command.kind === 'link_major' && shortcuts.linkMajor) {
      event.preventDefault();
      shortcuts.linkMajor();
    } else if (command.kind === 'classify' && shortcuts.classify) {
      event.preventDefault();
      shortcuts.classify(command.callType);
    }
  });

  useEffect(() => {
    const listener = (event: KeyboardEvent) => onKey(event);
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, []);
}
