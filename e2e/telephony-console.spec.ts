/**
 * Real calls on the screens (issue #16 §2): signed PBX events posted to the webhook make a call ring
 * on two free operators' consoles (number, ticking wait, the number's nuisance history), the
 * dispatch board's strip and the wall count it, the answer at operator1's extension (101 in the demo
 * seed) removes it everywhere and opens it on operator1's console with the number filled in, ready
 * for the one-key classification; an abandoned call leaves the consoles and is counted as
 * abandoned today. Counts are compared with what the screens showed before, so calls left by other
 * specs change nothing; "today" is recomputed if WIB midnight passes during the test.
 */
import { signedInPage } from './support/sign-in';
import { randomUUID } from 'node:crypto';
import { expect, test } from './support/fixtures';
import { postPbxEvent, type PbxEvent } from './support/telephony';
import { serviceRoleClient, stackUrl } from './support/stack';
import { DemoClients } from './support/demo-clients';
import { wibDayRange } from '../lib/domain/wall';
import { OperatorConsolePage } from './operator.po';
import { WaitingFigures, ringingCall, ringingPanel } from './telephony-console.po';
import { WALL_EMAIL } from './wall.po';

const OPERATOR1 = 'operator1@112.cilegon.test';
const OPERATOR2 = 'operator2@112.cilegon.test';
const SUPERVISOR = 'supervisor1@112.cilegon.test';

function event(type: PbxEvent['type'], callId: string, callerNumber: string, extra: Partial<PbxEvent> = {}): PbxEvent {
  return { event_id: `${callId}-${type}`, type, call_id: callId, at: new Date().toISOString(), caller_number: callerNumber, ...extra };
}

const randomNumber = () => `0812${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;

test('a ringing call pops up on free consoles and the boards, opens on the answering operator, and an abandoned one is counted', async ({
  browser,
  request,
}) => {
  test.setTimeout(90_000);
  const admin = serviceRoleClient(await stackUrl());
  const { data: desk } = await admin.from('profiles').select('id, extension').eq('extension', '101').single();
  expect(desk, 'the demo seed gives operator1 extension 101').not.toBeNull();

  // Four people at once; signing them in side by side overlaps their page loads.
  const [op1Page, op2Page, supPage, wallPage] = await Promise.all([
    signedInPage(browser, OPERATOR1, { path: '/operator' }),
    signedInPage(browser, OPERATOR2, { path: '/operator' }),
    signedInPage(browser, SUPERVISOR, { path: '/dispatch' }),
    signedInPage(browser, WALL_EMAIL, { path: '/wall' }),
  ]);
  const op1 = new OperatorConsolePage(op1Page);
  const dispatch = new WaitingFigures(supPage, 'dispatch');
  const wall = new WaitingFigures(wallPage, 'wall');

  try {
    // A number with two prank calls this month (taken by operator2 through the workflow RPCs).
    const nuisance = randomNumber();
    const clients = await DemoClients.fromPage(op2Page);
    const op2Db = await clients.as(OPERATOR2);
    for (let i = 0; i < 2; i++) {
      const started = await op2Db.rpc('start_call', { p_idempotency_key: randomUUID(), p_caller_phone: nuisance }).throwOnError();
      const answered = await op2Db.rpc('answer_call', { p_call_id: started.data.id, p_expected_version: started.data.version }).throwOnError();
      const classified = await op2Db
        .rpc('classify_call', { p_call_id: answered.data.id, p_call_type: 'prank', p_expected_version: answered.data.version })
        .throwOnError();
      await op2Db.rpc('end_call', { p_call_id: classified.data.id, p_expected_version: classified.data.version }).throwOnError();
    }
    await clients.close({ signOut: false });

    await expect(op1Page.getByTestId('no-call')).toBeVisible();
    await expect(op2Page.getByTestId('no-call')).toBeVisible();
    // The strip counts the live ringing rows: read it once its snapshot is in.
    await expect(supPage.getByTestId('waiting-strip')).toHaveAttribute('data-status', 'live');
    const day = wibDayRange(Date.now()).from;
    const before = {
      dispatchWaiting: await WaitingFigures.number(dispatch.count),
      dispatchAbandoned: await WaitingFigures.number(dispatch.abandoned),
      wallWaiting: await WaitingFigures.number(wall.count),
      wallAbandoned: await WaitingFigures.number(wall.abandoned),
    };

    // Two calls ring: one from the nuisance number, one withheld.
    const answeredId = `e2e-ring-${randomUUID()}`;
    const abandonedId = `e2e-ring-${randomUUID()}`;
    const ringA = await postPbxEvent(request, event('ringing', answeredId, nuisance));
    expect(ringA.status()).toBe(200);
    const callA: string = (await ringA.json()).call_id;
    const ringB = await postPbxEvent(request, event('ringing', abandonedId, 'anonymous'));
    expect(ringB.status()).toBe(200);
    const callB: string = (await ringB.json()).call_id;

    for (const page of [op1Page, op2Page]) {
      const a = ringingCall(page, callA);
      await expect(a.getByTestId('ringing-phone')).toHaveText(nuisance);
      await expect(a.getByTestId('caller-history')).toHaveAttribute('data-state', 'nuisance');
      await expect(a.getByTestId('caller-history')).toHaveAttribute('data-prank', '2');
      await expect(ringingCall(page, callB).getByTestId('ringing-phone')).toHaveText('Nomor tidak ditampilkan');
      // The wait ticks on its own (no new event): it reads at least 0:02 a couple of seconds on.
      await expect(a.getByTestId('ringing-wait')).toHaveText(/menunggu 0:(0[2-9]|[1-5]\d)/, { timeout: 8000 });
    }
    await expect(dispatch.count).toHaveAttribute('data-count', String(before.dispatchWaiting + 2));
    await expect(dispatch.longest).toHaveText(/^\d+:\d\d$/);
    await expect(wall.count).toHaveAttribute('data-count', String(before.wallWaiting + 2));
    await expect(wall.longest).toHaveText(/^\d+:\d\d$/);

    // operator1 picks up at desk 101: the call leaves every console and opens on operator1's.
    expect((await postPbxEvent(request, event('answered', answeredId, nuisance, { extension: '101' }))).status()).toBe(200);
    await expect(op1.activeCall).toHaveAttribute('data-call-id', callA);
    await expect(op1.callerPhone).toHaveValue(nuisance);
    await expect(op1Page.getByTestId('call-from-pbx')).toBeVisible();
    await expect(ringingCall(op2Page, callA)).toHaveCount(0);
    // operator1 is on a call now, so no pop-up there; operator2 is still free and sees the other call.
    await expect(ringingPanel(op1Page)).toHaveCount(0);
    await expect(ringingCall(op2Page, callB)).toBeVisible();
    await expect(dispatch.count).toHaveAttribute('data-count', String(before.dispatchWaiting + 1));
    await expect(wall.count).toHaveAttribute('data-count', String(before.wallWaiting + 1));

    // Straight to classification: one key.
    await op1Page.keyboard.press('g');
    await expect(op1.outcome).toHaveAttribute('data-type', 'ghost');
    const { data: row } = await admin.from('calls').select('operator_id, answered_at, call_type, ended_at').eq('id', callA).single();
    expect(row).toMatchObject({ operator_id: desk!.id, call_type: 'ghost' });
    expect(row!.ended_at).not.toBeNull();

    // operator1 is free again and sees the call still ringing; then its caller hangs up.
    await expect(ringingCall(op1Page, callB)).toBeVisible();
    expect((await postPbxEvent(request, event('abandoned', abandonedId, 'anonymous'))).status()).toBe(200);
    for (const page of [op1Page, op2Page]) await expect(ringingCall(page, callB)).toHaveCount(0);
    // Abandoned today: one more, unless WIB midnight passed since the first count (then only this one).
    const sameDay = wibDayRange(Date.now()).from === day;
    await expect(dispatch.count).toHaveAttribute('data-count', String(before.dispatchWaiting));
    await expect(dispatch.abandoned).toHaveAttribute('data-count', String(sameDay ? before.dispatchAbandoned + 1 : 1));
    await expect(wall.count).toHaveAttribute('data-count', String(before.wallWaiting));
    await expect(wall.abandoned).toHaveAttribute('data-count', String(sameDay ? before.wallAbandoned + 1 : 1));
    // Manual entry stays for a center without a feed.
    await expect(op1.newCallButton).toBeEnabled();
  } finally {
    for (const page of [op1Page, op2Page, supPage, wallPage]) await page.context().close();
  }
});

test('a call answered at an operator\'s desk before the console was opened opens when it loads', async ({ browser, request }) => {
  // operator1 has months of seeded calls: the console's first load must still find this one.
  const callId = `e2e-ring-${randomUUID()}`;
  const number = randomNumber();
  const ring = await postPbxEvent(request, event('ringing', callId, number));
  expect(ring.status()).toBe(200);
  const call: string = (await ring.json()).call_id;
  expect((await postPbxEvent(request, event('answered', callId, number, { extension: '101' }))).status()).toBe(200);

  const page = await signedInPage(browser, OPERATOR1, { path: '/operator' });
  try {
    const op1 = new OperatorConsolePage(page);
    await expect(op1.activeCall).toHaveAttribute('data-call-id', call);
    await expect(op1.callerPhone).toHaveValue(number);
    await page.keyboard.press('g');
    await expect(op1.outcome).toHaveAttribute('data-type', 'ghost');
  } finally {
    await page.context().close();
  }
});
