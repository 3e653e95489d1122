/**
 * Stage timers as the service standard defines them (issue #16 §2): an emergency call classified
 * quickly whose form takes a while runs *data laporan* during the form and starts *penyelesaian* only
 * when the report is recorded, and at a realistic pace every stage stays green. (Before, the form
 * counted against the 30-s completion stage, so a normal emergency call always showed red.)
 */
import { signedInPage } from './support/sign-in';
import { expect, test } from './support/fixtures';
import { OperatorConsolePage } from './operator.po';

const OPERATOR = 'operator2@112.cilegon.test';
/** How long the operator spends on the form in this test: long enough to tell the stages apart. */
const FORM_SECONDS = 8;

test.describe('call stage timers', () => {
  test.describe.configure({ timeout: 60_000 });

  test('a typical emergency call stays green: the form is data laporan, penyelesaian starts at the report', async ({ browser }) => {
    const op = new OperatorConsolePage(await signedInPage(browser, OPERATOR));
    try {
      await op.goto();
      const callId = await op.startCall();
      await expect(op.timer('classify')).toHaveAttribute('data-running', 'true');
      await op.classifyButton('emergency').click();
      await expect(op.emergencyForm).toBeVisible();

      // While the form is filled: panggilan masuk has stopped, data laporan runs, penyelesaian has not begun.
      await expect(op.timer('classify')).toHaveAttribute('data-running', 'false');
      await expect(op.timer('classify')).toHaveAttribute('data-colour', 'within');
      await expect(op.timer('record')).toHaveAttribute('data-running', 'true');
      await expect(op.timer('close_call')).toHaveAttribute('data-running', 'false');
      await expect(op.timer('close_call')).toHaveAttribute('data-colour', 'none');
      const description = `Motor terbakar di Jl. Cilegon ${Date.now().toString(36)}`;
      await op.fillEmergency({ category: 'fire', description, coordinates: '-6.012300, 106.054500' });
      await op.page.waitForTimeout(FORM_SECONDS * 1000);
      await expect(op.timer('record')).toHaveAttribute('data-colour', 'within');
      await expect(op.timer('close_call')).toHaveAttribute('data-running', 'false');
      await op.submit.click();
      await expect(op.ticketNumber).toBeVisible();

      const row = op.page.locator(`[data-test="shift-call-row"][data-call-id="${callId}"]`);
      for (const stage of ['answer', 'classify', 'record', 'close_call', 'call_total'] as const) {
        await expect(row.getByTestId(`shift-stage-${stage}`), stage).toHaveAttribute('data-colour', 'within');
      }

      const db = await op.serviceClient();
      const { data: call } = await db
        .from('calls')
        .select('classified_at, recorded_at, ended_at, incident:incidents(reported_at)')
        .eq('id', callId)
        .single();
      if (!call?.classified_at || !call.recorded_at || !call.ended_at || !call.incident) throw new Error('call not finished');
      const ms = (a: string, b: string) => Date.parse(b) - Date.parse(a);
      // The report is the record; the form time went to data laporan, not to penyelesaian.
      expect(call.recorded_at).toBe(call.incident.reported_at);
      expect(ms(call.classified_at, call.recorded_at)).toBeGreaterThanOrEqual(FORM_SECONDS * 1000);
      expect(ms(call.recorded_at, call.ended_at)).toBeLessThan(FORM_SECONDS * 1000);
    } finally {
      await op.page.context().close();
    }
  });
});
