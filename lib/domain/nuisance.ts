/**
 * Nuisance-number rules the screens need, pure: where a block stands at a given database time (an
 * approved block stops being in force at expires_at even before the database marks it expired), the
 * call-back outcomes and which of them close a call-back, and the note and reason limits the
 * workflow functions enforce (…_nuisance_numbers.sql).
 */
import { Constants, type Enums } from '@/lib/supabase/database.types';

export type NumberBlockStatus = Enums<'number_block_status'>;
export type CallbackOutcome = Enums<'callback_outcome'>;

/** decision_reason, lift_reason and a call-back's note: at most this many characters (the database refuses more). */
export const NUISANCE_TEXT_MAX = 500;

export type BlockState = 'proposed' | 'active' | 'rejected' | 'lifted' | 'expired';

export interface BlockTimes {
  status: NumberBlockStatus;
  expires_at: string | null;
}

export function blockState(block: BlockTimes, nowMs: number): BlockState {
  switch (block.status) {
    case 'approved':
      return block.expires_at !== null && Date.parse(block.expires_at) > nowMs ? 'active' : 'expired';
    case 'proposed':
      return 'proposed';
    case 'rejected':
      return 'rejected';
    case 'lifted':
      return 'lifted';
    case 'expired':
      return 'expired';
  }
}

/** Seconds left of a block in force, 0 once it has run out. */
export function blockSecondsLeft(block: BlockTimes, nowMs: number): number {
  if (blockState(block, nowMs) !== 'active' || block.expires_at === null) return 0;
  return Math.max(0, Math.ceil((Date.parse(block.expires_at) - nowMs) / 1000));
}

/** In the order the call-back form offers them. */
export const CALLBACK_OUTCOMES: readonly CallbackOutcome[] = Constants.public.Enums.callback_outcome;

/** No answer and busy leave the call-back open for another try (as record_callback does). */
export function closesCallback(outcome: CallbackOutcome): boolean {
  return outcome !== 'no_answer' && outcome !== 'busy';
}

/** The trimmed note as record_callback takes it: empty is no note; too long is refused here first. */
export function callbackNote(text: string): { ok: true; value: string | null } | { ok: false } {
  const trimmed = text.trim();
  if (trimmed.length > NUISANCE_TEXT_MAX) return { ok: false };
  return { ok: true, value: trimmed === '' ? null : trimmed };
}
