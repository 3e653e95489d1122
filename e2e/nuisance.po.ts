/**
 * Page objects of the nuisance-number tools: the supervisor's board (/dispatch/nuisance) and the
 * call-back list of the operator console; and a whole nuisance call made through the workflow RPCs
 * as an operator would (start, answer, classify, end), for scenarios that need several of them.
 */
import { randomUUID } from 'node:crypto';
import type { Locator, Page } from '@playwright/test';
import type { CallbackOutcome } from '../lib/domain/nuisance';
import type { DemoDb } from './support/demo-clients';

export class NuisanceBoardPage {
  constructor(readonly page: Page) {}

  async goto(): Promise<void> {
    await this.page.goto('/dispatch/nuisance');
    await this.page.getByTestId('nuisance-board').waitFor();
  }

  /** `phone` as blocks store it: digits (and a leading +) only. */
  proposal(phone: string): Locator {
    return this.page.locator(`[data-test="nuisance-proposal"][data-phone="${phone}"]`);
  }

  block(phone: string): Locator {
    return this.page.locator(`[data-test="nuisance-block"][data-phone="${phone}"]`);
  }

  async decide(phone: string, approve: boolean, reason: string): Promise<void> {
    const card = this.proposal(phone);
    await card.getByTestId(approve ? 'proposal-approve' : 'proposal-reject').click();
    await card.getByTestId('proposal-reason').fill(reason);
    await card.getByTestId('proposal-submit').click();
  }

  async lift(phone: string, reason: string): Promise<void> {
    const card = this.block(phone);
    await card.getByTestId('block-lift').click();
    await card.getByTestId('lift-reason').fill(reason);
    await card.getByTestId('lift-submit').click();
  }
}

export class CallbackListPanel {
  readonly panel: Locator;

  constructor(readonly page: Page) {
    this.panel = page.getByTestId('callbacks-panel');
  }

  row(callId: string): Locator {
    return this.panel.locator(`[data-test="callback-row"][data-call-id="${callId}"]`);
  }

  /** Opens the row's form with the keyboard, picks the outcome, types the note and saves with Enter. */
  async record(callId: string, outcome: CallbackOutcome, note = ''): Promise<void> {
    const row = this.row(callId);
    await row.getByTestId('callback-record').focus();
    await this.page.keyboard.press('Enter');
    await row.getByTestId(`callback-outcome-${outcome}`).check();
    const noteField = row.getByTestId('callback-note');
    await noteField.fill(note);
    await noteField.press('Enter');
  }
}

/** A caller number of the shape the calls table takes, different in every run. */
export function uniquePhone(): string {
  return '0859' + String(Math.floor(Math.random() * 1e8)).padStart(8, '0');
}

/** One finished ghost or prank call from `phone`, made by the signed-in operator `client`. */
export async function nuisanceCall(client: DemoDb, phone: string, type: 'ghost' | 'prank'): Promise<string> {
  const started = await client.rpc('start_call', { p_idempotency_key: randomUUID(), p_caller_phone: phone }).throwOnError();
  const answered = await client.rpc('answer_call', { p_call_id: started.data.id, p_expected_version: started.data.version }).throwOnError();
  const classified = await client
    .rpc('classify_call', { p_call_id: answered.data.id, p_call_type: type, p_expected_version: answered.data.version })
    .throwOnError();
  await client.rpc('end_call', { p_call_id: classified.data.id, p_expected_version: classified.data.version }).throwOnError();
  return classified.data.id;
}
