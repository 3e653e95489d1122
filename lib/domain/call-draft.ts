/**
 * What the operator has typed for one call, kept per call (under its idempotency key) so that a
 * reload, a crashed tab or a failed submit never loses it; the console stores it in sessionStorage.
 */
import { z } from 'zod';
import { Constants, type Enums } from '@/lib/supabase/database.types';
import { KECAMATAN, type Kecamatan } from './city';

export interface EmergencyDraft {
  category: Enums<'incident_category'> | '';
  priority: Enums<'incident_priority'>;
  description: string;
  address: string;
  kecamatan: Kecamatan | '';
  kelurahan: string;
  /** Exactly what the operator typed or the map click wrote, e.g. "-6.01234, 106.04567". */
  coordinates: string;
}

export interface CallDraft {
  /** Idempotency key of the call: one draft per call. */
  key: string;
  callerPhone: string;
  callerName: string;
  infoNote: string;
  emergency: EmergencyDraft;
}

/** A change typed into the form: top-level fields and any fields of the emergency report. */
export type DraftPatch = Partial<Pick<CallDraft, 'callerPhone' | 'callerName' | 'infoNote'>> & {
  emergency?: Partial<EmergencyDraft>;
};

function emptyEmergency(): EmergencyDraft {
  return { category: '', priority: 'medium', description: '', address: '', kecamatan: '', kelurahan: '', coordinates: '' };
}

export function emptyDraft(key: string): CallDraft {
  return { key, callerPhone: '', callerName: '', infoNote: '', emergency: emptyEmergency() };
}

export function patchDraft(draft: CallDraft, patch: DraftPatch): CallDraft {
  const { emergency, ...fields } = patch;
  return { ...draft, ...fields, emergency: emergency ? { ...draft.emergency, ...emergency } : draft.emergency };
}

export const ACTIVE_CALL_STORAGE_KEY = 'operator:active-call';

export function draftStorageKey(callKey: string): string {
  return `operator:draft:${callKey}`;
}

// Every field falls back on its own: a draft written by another version of the app, or edited by
// hand, keeps whatever text is still readable — the typed text matters most.
const text = z.string().catch('');
const storedEmergency = z.object({
  category: z.enum(Constants.public.Enums.incident_category).or(z.literal('')).catch(''),
  priority: z.enum(Constants.public.Enums.incident_priority).catch('medium'),
  description: text,
  address: text,
  kecamatan: z.enum(KECAMATAN).or(z.literal('')).catch(''),
  kelurahan: text,
  coordinates: text,
});
const storedDraft = z.object({
  callerPhone: text,
  callerName: text,
  infoNote: text,
  emergency: storedEmergency.catch(emptyEmergency),
});

/** Reads a stored draft back; text that is not a draft at all gives an empty one. */
export function parseDraft(callKey: string, stored: string | null): CallDraft {
  if (!stored) return emptyDraft(callKey);
  let raw: unknown;
  try {
    raw = JSON.parse(stored);
  } catch {
    return emptyDraft(callKey);
  }
  const result = storedDraft.safeParse(raw);
  return result.success ? { key: callKey, ...result.data } : emptyDraft(callKey);
}
