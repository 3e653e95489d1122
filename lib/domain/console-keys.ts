/**
 * The operator console's keyboard: one key per classification, one for a new call (a nuisance call
 * takes two keystrokes) and one to link a call inside a major incident's area to its ticket. Which key means what, without the DOM (use-console-shortcuts.ts listens).
 */
import type { CallType } from './workflow';

/**
 * One key per classification, shown on its button. Letters follow the Indonesian labels
 * (Darurat, Ghost, Prank, Informasi). No digits on purpose: a phone number typed before clicking
 * into its field would otherwise classify (and end) the call.
 */
export const CLASSIFY_KEYS: Readonly<Record<CallType, readonly string[]>> = {
  ghost: ['g'],
  prank: ['p'],
  info: ['i'],
  emergency: ['d'],
};
export const NEW_CALL_KEYS: readonly string[] = ['n'];
/** Links the call to the major incident whose area holds the caller (L for "Link"/"Gabung ke tiket Lama"). */
export const LINK_MAJOR_KEYS: readonly string[] = ['l'];

export interface KeyInput {
  key: string;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  /** True when the key was typed into a text field, select or text area. */
  inTextField: boolean;
}

export type ConsoleCommand = { kind: 'new_call' } | { kind: 'link_major' } | { kind: 'classify'; callType: CallType };

const CLASSIFY_ENTRIES = Object.entries(CLASSIFY_KEYS) as Array<[CallType, readonly string[]]>;

/**
 * What a key press means on the console. Plain keys act only outside text fields (so typing a name
 * never classifies a call); Alt+key acts everywhere. Ctrl/Meta combinations are left to the browser.
 */
export function commandForKey(input: KeyInput): ConsoleCommand | null {
  if (input.ctrlKey || input.metaKey) return null;
  if (input.inTextField && !input.altKey) return null;
  const key = input.key.toLowerCase();
  if (NEW_CALL_KEYS.includes(key)) return { kind: 'new_call' };
  if (LINK_MAJOR_KEYS.includes(key)) return { kind: 'link_major' };
  for (const [callType, keys] of CLASSIFY_ENTRIES) {
    if (keys.includes(key)) return { kind: 'classify', callType };
  }
  return null;
}
