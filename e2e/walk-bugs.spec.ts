/**
 * What the full walk of the workflow found (issue #17, bugs 1–4 and 6–9), each checked the way a
 * person met it: the dispatch board at 1920×1080 with four cards in every column, the conflict
 * message beside the cancel form, a declined assignment on the liaison's phone, the map's click
 * confirmation, /stats with a bad range, the wall at 1080p and 4K, the phone header and the icon,
 * and an English plural. Screenshots of dispatch and the wall are attached to the report.
 */
import { expect, test } from './support/fixtures';
import { DispatchPage, RealtimeValve } from './dispatch.po';
import { OpdPage, phoneContext } from './opd.po';
import { StatsPage } from './stats.po';
import { WALL_EMAIL, WallPage, WorkflowDriver } from './wall.po';
import { attachScreenshot, box, DAMKAR, SUPERVISOR, SUPERVISOR_2, WalkApi, type BoardColumn } from './walk.po';
import { signedInPage } from './support/sign-in';

const COLUMNS: readonly BoardColumn[] = ['reported', 'dispatched', 'acknowledged', 'on_scene', 'resolved'];
const FULL_HD = { width: 1920, height: 1080 };

test.describe('walk of issue #17', () => {
  test.setTimeout(240_000);
  test.use({ actionTimeout: 20_000 });

  test('bug 1: each dispatch column scrolls inside the board, its last card clickable above the map', async ({ browser }, testInfo) => {
    const page = await signedInPage(browser, SUPERVISOR, { viewport: FULL_HD });
    const dispatch = new DispatchPage(page);
    const api = await WalkApi.fromPage(page);
    try {
      for (const column of COLUMNS) for (let n = 0; n < 4; n++) await api.incidentIn(column, n);
      await dispatch.goto();
      const board = await box(page.getByTestId('queue-board'));
      const map = await box(page.getByTestId('dispatch-map'));
      expect(board.y + board.height).toBeLessThanOrEqual(map.y);
      for (const column of COLUMNS) {
        const cards = dispatch.column(column).getByTestId('column-cards');
        expect(await cards.locator('[data-test="queue-card"]').count(), column).toBeGreaterThanOrEqual(4);
        const area = await box(cards);
        expect(area.y + area.height, `${column} stays in the board`).toBeLessThanOrEqual(board.y + board.height + 1);
      }
      await attachScreenshot(page, testInfo, 'dispatch-1920x1080-4-per-column');
      const last = dispatch.column('dispatched').locator('[data-test="queue-card"]').last();
      const ticket = await last.getAttribute('data-ticket');
      await last.click();
      await expect(dispatch.drawer.getByTestId('drawer-ticket')).toHaveText(ticket ?? '');
    } finally {
      await api.close();
      await page.context().close();
    }
  });

  test('bug 2: the conflict message appears beside the cancel the supervisor pressed, in view', async ({ browser }) => {
    const page = await signedInPage(browser, SUPERVISOR_2, { viewport: { width: 1366, height: 768 } });
    const valve = await RealtimeValve.install(page.context());
    const dispatch = new DispatchPage(page);
    const api = await WalkApi.fromPage(page);
    try {
      const incident = await api.incidentIn('dispatched', 1);
      await dispatch.goto();
      await dispatch.open(incident.ticket);
      await dispatch.drawer.getByTestId('cancel-open').click();
      await dispatch.drawer.getByTestId('cancel-reason').fill('Pelapor membatalkan sendiri.');
      // Another supervisor adds the police meanwhile; this screen has not heard of it yet.
      valve.hold();
      await api.addAgency(incident.id, 'POLRES');
      await dispatch.drawer.getByTestId('cancel-submit').click();
      await expect(dispatch.conflict).toContainText('diubah oleh pengguna lain');
      await expect(dispatch.conflict).toBeInViewport();
      await expect(dispatch.conflict).toHaveAttribute('data-place', 'finish');
      valve.release();
    } finally {
      await api.close();
      await page.context().close();
    }
  });

  test('bug 4: a post clicked on the map is assigned only once confirmed, by keyboard too', async ({ browser }) => {
    const page = await signedInPage(browser, SUPERVISOR, { viewport: { width: 1600, height: 1000 } });
    const dispatch = new DispatchPage(page);
    const api = await WalkApi.fromPage(page);
    try {
      const incident = await api.incidentIn('reported', 7);
      await dispatch.goto();
      await dispatch.open(incident.ticket);
      const dpkp = await api.dispatch.agencyId('DPKP');
      const postId = await dispatch.nearestPost('DPKP').getAttribute('data-post-id');
      const marker = dispatch.postMarkers(dpkp).and(page.locator(`[data-post-id="${postId}"]`));
      const confirm = page.getByTestId('post-assign-confirm');

      await marker.click();
      await expect(confirm).toContainText('DPKP');
      await expect(confirm).toContainText(incident.ticket);
      await expect(dispatch.assignment('DPKP')).toHaveCount(0);
      await page.keyboard.press('Escape');
      await expect(confirm).toHaveCount(0);
      await expect(dispatch.assignment('DPKP')).toHaveCount(0);

      await marker.click();
      await expect(page.getByTestId('post-assign-confirm-ok')).toBeFocused();
      await page.keyboard.press('Enter');
      await expect(dispatch.assignment('DPKP')).toHaveAttribute('data-status', 'assigned');
      await expect(confirm).toHaveCount(0);
    } finally {
      await api.close();
      await page.context().close();
    }
  });

  test('bug 9: an overdue agency reads "1 agency not responding" in English', async ({ browser }) => {
    const page = await signedInPage(browser, SUPERVISOR, { viewport: { width: 1600, height: 1000 } });
    const dispatch = new DispatchPage(page);
    const api = await WalkApi.fromPage(page);
    const restore = await api.withAcknowledgeTarget(1);
    try {
      const incident = await api.incidentIn('dispatched', 9);
      await page.getByTestId('lang-en').click();
      await expect(page.locator('html')).toHaveAttribute('lang', 'en');
      await dispatch.goto();
      await expect(dispatch.card(incident.ticket).getByTestId('card-overdue')).toHaveText('1 agency not responding');
    } finally {
      await restore();
      await api.close();
      await page.context().close();
    }
  });

  test("bug 3: a declined assignment's acknowledge timer stops on the liaison's phone", async ({ browser }) => {
    const supervisor = await signedInPage(browser, SUPERVISOR);
    const api = await WalkApi.fromPage(supervisor);
    const phone = await phoneContext(browser, DAMKAR);
    try {
      const incident = await api.incidentIn('dispatched', 3);
      const opd = new OpdPage(phone.page);
      await opd.gotoIncident(incident.id);
      await expect(opd.myAssignment.getByTestId('ack-timer')).toHaveAttribute('data-running', 'true');
      await api.decline(incident.id, 'Unit sedang menangani kebakaran lain.');
      const timer = opd.myAssignment.getByTestId('ack-timer');
      await expect(timer).toHaveAttribute('data-running', 'false');
      await expect(timer).toHaveAttribute('data-ended', 'declined');
      await expect(timer).toContainText('Ditolak setelah');
      const shown = await timer.textContent();
      await expect.poll(() => timer.textContent(), { intervals: [1500, 1500] }).toBe(shown);
    } finally {
      await api.close();
      await phone.context.close();
      await supervisor.context().close();
    }
  });

  test('bug 6: /stats says when the requested range is not valid and which range it shows', async ({ browser }) => {
    const page = await signedInPage(browser, 'pimpinan@112.cilegon.test');
    const stats = new StatsPage(page);
    const notice = page.getByTestId('stats-range-problem');
    try {
      for (const [query, problem, words] of [
        ['from=2026-11-20&to=2026-11-01', 'reversed', 'setelah tanggal akhirnya'],
        ['from=abc&to=2026-11-01', 'invalid_date', 'tidak valid'],
        ['from=1996-01-01&to=2026-01-01', 'too_long', 'lebih dari 400 hari'],
      ] as const) {
        await page.goto(`/stats?${query}`);
        await expect(stats.root).toBeVisible();
        await expect(notice, query).toHaveAttribute('data-problem', problem);
        await expect(notice, query).toContainText(words);
        await expect(notice, query).toContainText('30 hari terakhir');
      }
      await page.goto('/stats?from=2026-11-01&to=2026-11-02');
      await expect(stats.root).toBeVisible();
      await expect(notice).toHaveCount(0);
    } finally {
      await page.context().close();
    }
  });

  test('bug 7: the wall counts what it shows, most urgent first, readable at 1080p, scaled at 4K', async ({ page }, testInfo) => {
    await page.setViewportSize(FULL_HD);
    const wall = new WallPage(page);
    await wall.signInAndOpen();
    const driver = await WorkflowDriver.fromPage(page);
    const api = await WalkApi.fromPage(page);
    try {
      await driver.quietCenter();
      const older = await api.incidentIn('reported', 1, 'high');
      const critical = await api.incidentIn('reported', 2, 'critical');
      const resolved = await api.incidentIn('resolved', 3);
      await api.incidentIn('on_scene', 4);

      const open = page.getByTestId('wall-open-count');
      await expect(open).toHaveAttribute('data-count', '4');
      const boards = page.locator('[data-test="wall-board"]:not([data-board="calls"])');
      await expect.poll(async () => (await boards.evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-count'))))).reduce((a, b) => a + b, 0)).toBe(4);
      await expect(page.locator('[data-test="wall-board"][data-board="awaiting_close"] [data-test="wall-card"]')).toHaveAttribute('data-id', resolved.id);
      const waiting = page.locator('[data-test="wall-board"][data-board="awaiting_dispatch"] [data-test="wall-card"]');
      await expect(waiting).toHaveCount(2);
      await expect(waiting.first()).toHaveAttribute('data-id', critical.id);
      await expect(waiting.nth(1)).toHaveAttribute('data-id', older.id);

      // Every text on the boards, counters and header is at least 18 px at 1080p.
      // (CSS zoom, which the shared status badge uses, counts: it is what a person sees.)
      const small = await wall.root.evaluate((root) => {
        const found: string[] = [];
        for (const el of root.querySelectorAll<HTMLElement>('*')) {
          if (el.closest('.leaflet-container, svg')) continue;
          const own = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent?.trim());
          if (!own) continue;
          let zoom = 1;
          for (let a: HTMLElement | null = el; a; a = a.parentElement) zoom *= parseFloat(getComputedStyle(a).zoom || '1') || 1;
          const px = parseFloat(getComputedStyle(el).fontSize) * zoom;
          if (px < 18) found.push(`${px}px: ${el.textContent?.trim().slice(0, 30)}`);
        }
        return found;
      });
      expect(small).toEqual([]);
      // The share of each stage: its name and figure on one line of their own, inside the screen, none
      // overlapping another (a bar chart squeezed the eight names onto one axis, where they overlapped).
      const stages = page.getByTestId('wall-sla-stage');
      await expect(stages).toHaveCount(8);
      const rects = await stages.evaluateAll((els) =>
        els.map((e) => {
          const r = e.getBoundingClientRect();
          const atCentre = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
          const cut = [...e.children].some((c) => c.scrollWidth > c.clientWidth);
          return { left: r.left, right: r.right, top: r.top, bottom: r.bottom, shown: !!atCentre && e.contains(atCentre), cut };
        }),
      );
      for (const [i, r] of rects.entries()) {
        expect(r.cut, `stage ${i}: its name or figure is cut`).toBe(false);
        expect(r.shown, `stage ${i} is hidden behind another part of the wall`).toBe(true);
        for (const other of rects.slice(i + 1)) {
          const apart = r.right <= other.left || other.right <= r.left || r.bottom <= other.top || other.bottom <= r.top;
          expect(apart, `stage ${i} overlaps another`).toBe(true);
        }
      }
      await page.waitForTimeout(800);
      await attachScreenshot(page, testInfo, 'wall-1920x1080');

      await page.setViewportSize({ width: 3840, height: 2160 });
      await expect.poll(async () => (await box(wall.map.locator('.leaflet-control-zoom-in'))).width).toBeGreaterThanOrEqual(58);
      expect((await box(wall.map.locator('[data-test="post-marker"]').first())).width).toBeGreaterThanOrEqual(28);
      const attribution = wall.map.locator('.leaflet-control-attribution');
      if (await attribution.count()) expect(parseFloat(await attribution.evaluate((e) => getComputedStyle(e).fontSize))).toBeGreaterThanOrEqual(20);
      const pill = page.getByTestId('wall-status-pill');
      const pillBox = await box(pill);
      const inner = await box(pill.getByTestId('connection-status'));
      expect(pillBox.height).toBeLessThanOrEqual(inner.height * 1.5 + 4);
      expect(pillBox.width).toBeLessThanOrEqual(inner.width * 1.5 + 4);
      await page.waitForTimeout(800);
      await attachScreenshot(page, testInfo, 'wall-3840x2160');
    } finally {
      await api.close();
      await driver.dispose();
    }
  });

  test('bug 7: the wall account signing in at /login lands on the wall', async ({ page, loginPage }) => {
    await loginPage.goto();
    await loginPage.signInAsDemoUser(WALL_EMAIL);
    await expect(page).toHaveURL(/\/wall$/);
    await expect(page.locator('[data-theme="dark"]')).toBeVisible();
  });

  test('bug 8: the icon is served and the phone header is one short row', async ({ browser, request }) => {
    const icon = await request.get('/favicon.ico');
    expect(icon.status()).toBe(200);
    expect(icon.headers()['content-type']).toMatch(/icon/);
    const phone = await phoneContext(browser, DAMKAR);
    try {
      await new OpdPage(phone.page).gotoInbox();
      const header = await box(phone.page.getByTestId('app-header'));
      expect(header.height).toBeLessThanOrEqual(740 * 0.12);
      const signOut = phone.page.getByTestId('sign-out');
      const lineHeight = await signOut.evaluate((e) => parseFloat(getComputedStyle(e).lineHeight));
      const text = await signOut.evaluate((e) => {
        const range = document.createRange();
        range.selectNodeContents(e);
        return range.getClientRects().length;
      });
      expect(text, 'Keluar on one line').toBe(1);
      expect((await box(signOut)).height).toBeLessThan(lineHeight * 2 + 20);
    } finally {
      await phone.context.close();
    }
  });
});
