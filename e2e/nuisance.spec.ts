/**
 * Nuisance numbers end to end: three prank calls from one number make the database propose a block,
 * which the supervisor approves with a reason; a fourth call through the signed telephony webhook is
 * still recorded, answered "blocked" to the PBX, and flagged on the operator console (shift table and
 * caller-history panel); the supervisor lifts it again. A ghost call goes on the call-back list, where
 * the operator records a try without answer and then the outcome; a call-back that reaches an
 * emergency opens the new call in the console.
 */
import { signedInPage } from './support/sign-in';
import { randomUUID } from 'node:crypto';
import { expect, test } from './support/fixtures';
import { DemoClients } from './support/demo-clients';
import { postPbxEvent } from './support/telephony';
import { serviceRoleClient, pageSupabaseConfig } from './support/stack';
import { OperatorConsolePage } from './operator.po';
import { CallbackListPanel, NuisanceBoardPage, nuisanceCall, uniquePhone } from './nuisance.po';

const OPERATOR = 'operator1@112.cilegon.test';
// operator1's desk extension in the demo seed.
const OPERATOR_EXTENSION = '101';
const SUPERVISOR = 'supervisor1@112.cilegon.test';

test.describe('nuisance numbers', () => {
  test.describe.configure({ timeout: 60_000 });

  test('three prank calls propose a block; approved, the next call via the webhook is recorded, blocked and flagged', async ({ browser }) => {
    const phone = uniquePhone();
    const supervisorPage = await signedInPage(browser, SUPERVISOR);
    const board = new NuisanceBoardPage(supervisorPage);
    await board.goto();
    const clients = await DemoClients.fromPage(supervisorPage);
    const operatorDb = await clients.as(OPERATOR);
    const admin = serviceRoleClient((await pageSupabaseConfig(supervisorPage)).url);
    try {
      await nuisanceCall(operatorDb, phone, 'prank');
      await nuisanceCall(operatorDb, phone, 'prank');
      await expect(board.page.getByTestId('nuisance-proposals')).not.toContainText(phone);
      await nuisanceCall(operatorDb, phone, 'prank');

      // The proposal arrives live, with its counts.
      await expect(board.proposal(phone)).toBeVisible();
      await expect(board.proposal(phone).getByTestId('proposal-counts')).toContainText('3 prank, 0 ghost');
      await board.decide(phone, true, 'Tiga panggilan prank berturut-turut');
      await expect(board.proposal(phone)).toHaveCount(0);
      await expect(board.block(phone).getByTestId('block-decided')).toContainText('Tiga panggilan prank berturut-turut');
      const expiresAt = await board.block(phone).getAttribute('data-expires-at');
      expect(expiresAt).toBeTruthy();

      // operator1's console is open, free, when the call comes in.
      const op = new OperatorConsolePage(await signedInPage(browser, OPERATOR));
      await op.goto();

      // A fourth call through the PBX: recorded, answered at operator1's desk, and the PBX told.
      const pbxCall = `e2e-nuisance-${randomUUID()}`;
      const at = new Date(Date.now() - 3000).toISOString();
      const ringing = await postPbxEvent(supervisorPage.request, {
        event_id: randomUUID(), type: 'ringing', call_id: pbxCall, at, caller_number: phone,
      });
      expect(ringing.status()).toBe(200);
      const ringingBody = await ringing.json();
      expect(ringingBody).toMatchObject({ state: 'ringing', blocked: true });
      expect(Date.parse(ringingBody.blocked_until)).toBe(Date.parse(expiresAt!));
      const answered = await postPbxEvent(supervisorPage.request, {
        event_id: randomUUID(), type: 'answered', call_id: pbxCall, at: new Date().toISOString(), caller_number: phone, extension: OPERATOR_EXTENSION,
      });
      expect(await answered.json()).toMatchObject({ state: 'answered', blocked: true });

      const { data: stored } = await admin.from('calls').select('id, blocked_number_id, caller_phone').eq('external_id', pbxCall).single().throwOnError();
      expect(stored.blocked_number_id).toBe(await board.block(phone).getAttribute('data-block-id'));

      // The operator console flags it: in the shift table, and in the caller-history panel of the call.
      await expect(op.page.locator(`[data-test="shift-call-row"][data-call-id="${stored.id}"]`).getByTestId('shift-call-blocked')).toBeVisible();
      // Answered at operator1's desk, the call opens on their console with the number filled in.
      await expect(op.activeCall).toHaveAttribute('data-call-id', stored.id);
      await expect(op.callerPhone).toHaveValue(phone);
      const flag = op.page.getByTestId('number-blocked');
      await expect(flag).toContainText('Nomor diblokir sementara');
      await expect(flag).toContainText('3 prank, 0 ghost');
      await op.classifyButton('prank').click();
      await expect(op.outcome).toHaveAttribute('data-type', 'prank');
      await op.page.context().close();

      // Lifted early by the supervisor: gone from the blocks in force.
      await board.lift(phone, 'Pemilik nomor sudah ditegur');
      await expect(board.block(phone)).toHaveCount(0);
      const { data: block } = await admin.from('blocked_numbers').select('status, lift_reason').eq('phone', phone).single().throwOnError();
      expect(block).toEqual({ status: 'lifted', lift_reason: 'Pemilik nomor sudah ditegur' });
    } finally {
      await clients.close({ signOut: false });
      await supervisorPage.context().close();
    }
  });

  test('ghost calls go on the call-back list; the operator records no answer, then the outcome, or opens the emergency', async ({ browser }) => {
    const phone = uniquePhone();
    const op = new OperatorConsolePage(await signedInPage(browser, OPERATOR));
    await op.goto();
    const callbacks = new CallbackListPanel(op.page);
    try {
      const callId = await op.startCall();
      await op.callerPhone.fill(phone);
      await op.classifyButton('ghost').click();
      await expect(op.outcome).toHaveAttribute('data-type', 'ghost');

      const row = callbacks.row(callId);
      await expect(row).toBeVisible();
      await expect(row.getByTestId('callback-phone')).toHaveText(phone);
      await callbacks.record(callId, 'no_answer');
      await expect(row.getByTestId('callback-attempts')).toContainText('1 kali dicoba');
      await callbacks.record(callId, 'reached_ok', 'Telepon tidak sengaja, penelepon aman');
      await expect(row).toHaveCount(0);

      const admin = await op.serviceClient();
      const { data } = await admin.from('callbacks').select('status, attempts, last_outcome, last_note').eq('call_id', callId).single().throwOnError();
      expect(data).toEqual({ status: 'done', attempts: 2, last_outcome: 'reached_ok', last_note: 'Telepon tidak sengaja, penelepon aman' });

      // A call-back that reaches an emergency opens the new call in the console, number filled in.
      const secondPhone = uniquePhone();
      const secondId = await op.startCall();
      await op.callerPhone.fill(secondPhone);
      await op.classifyButton('ghost').click();
      await expect(op.outcome).toHaveAttribute('data-type', 'ghost');
      await callbacks.record(secondId, 'reached_emergency', 'Penelepon sesak napas');
      await expect(callbacks.row(secondId)).toHaveCount(0);
      await expect(op.activeCall).toBeVisible();
      await expect(op.callerPhone).toHaveValue(secondPhone);
      const { data: second } = await admin.from('callbacks').select('new_call_id').eq('call_id', secondId).single().throwOnError();
      await expect(op.activeCall).toHaveAttribute('data-call-id', second.new_call_id!);
      // This test's emergency is not real: the operator closes the new call as information.
      await op.classifyButton('info').click();
      await op.infoNote.fill('Uji e2e: panggilan balik');
      await op.infoNote.press('Enter');
      await expect(op.outcome).toHaveAttribute('data-type', 'info');
    } finally {
      await op.page.context().close();
    }
  });
});
