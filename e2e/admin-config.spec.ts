/**
 * The admin's configuration reaching dispatch live (issue #13), with an admin and a supervisor at
 * once: a run card changed by the admin re-ranks the supervisor's nearest posts without reload; a
 * post dragged on the admin's map moves on the dispatch map and in its list; a post added with a
 * click is offered at once and goes when deactivated; and an admin saving a card another admin just
 * changed gets the conflict message. What the spec changes is put back at
 * the end, through the same admin functions, for the specs that share the server.
 */
import { expect, test } from './support/fixtures';
import { DispatchApi, DispatchPage, RealtimeValve, DISPATCH_VIEWPORT } from './dispatch.po';
import { signedInPage } from './support/sign-in';
import { AdminPostsPage, AdminRunCardsPage } from './admin-config.po';
import type { DemoDb } from './support/demo-clients';

const ADMIN = 'admin@112.cilegon.test';
const SUPERVISOR = 'supervisor1@112.cilegon.test';
const OPERATOR = 'operator1@112.cilegon.test';

type Kind = 'fire' | 'medical' | 'police' | 'disaster' | 'public_order' | 'transport' | 'utility' | 'social' | 'other';

async function runCard(db: DemoDb, category: 'fire' | 'crime') {
  const { data, error } = await db.from('run_cards').select('*').eq('category', category).single();
  if (error) throw new Error(error.message);
  return data;
}

async function restoreCard(db: DemoDb, category: 'fire' | 'crime', lead: Kind[], support: Kind[]): Promise<void> {
  const card = await runCard(db, category);
  const { error } = await db.rpc('admin_set_run_card', { p_category: category, p_lead_kinds: lead, p_support_kinds: support, p_expected_version: card.version });
  if (error) throw new Error(`restoring the ${category} run card: ${error.message}`);
}

test.describe('admin configuration', () => {
  test.setTimeout(120_000);
  test.use({ actionTimeout: 20_000 });

  test('a run card re-ranks and a moved post moves on the dispatch screen, live; a stale card save gets the conflict', async ({ browser }) => {
    const adminPage = await signedInPage(browser, ADMIN, { viewport: DISPATCH_VIEWPORT });
    const valve = await RealtimeValve.install(adminPage.context());
    const sup = new DispatchPage(await signedInPage(browser, SUPERVISOR, { viewport: DISPATCH_VIEWPORT }));
    await sup.goto();
    const api = await DispatchApi.fromPage(sup.page);
    const admin = await api.as(ADMIN);
    const fireBefore = await runCard(admin, 'fire');
    const crimeBefore = await runCard(admin, 'crime');
    let moved: { id: string; lat: number; lng: number } | null = null;
    const newPostName = `Pos uji ${Date.now().toString(36)}`;
    try {
      const incident = await api.reportIncident(OPERATOR, {
        category: 'fire',
        description: `Kebakaran ruko ${Date.now().toString(36)}`,
        lat: -6.0,
        lng: 106.02,
        kecamatan: 'Citangkil',
        phone: '081233334444',
        name: 'Pelapor Admin',
      });
      await sup.open(incident.ticket);
      const rows = sup.drawer.locator('[data-test="nearest-post"]');
      // The default card of a fire: the fire brigade's nearest post first and recommended.
      await expect(rows.first()).toHaveAttribute('data-agency-code', 'DPKP');
      await expect(rows.first()).toHaveAttribute('data-recommended', 'true');
      await expect(rows.nth(1)).toHaveAttribute('data-role', 'support');

      // The admin makes the ambulance lead and the fire brigade support.
      const cards = new AdminRunCardsPage(adminPage);
      await cards.goto();
      await cards.kind('fire', 'lead', 'medical').check();
      await cards.kind('fire', 'lead', 'fire').uncheck();
      await cards.kind('fire', 'support', 'fire').check();
      await expect(cards.kind('fire', 'support', 'medical')).not.toBeChecked();
      await cards.save('fire').click();
      await expect(cards.notice).toHaveAttribute('data-kind', 'ok');
      await expect(cards.card('fire')).toHaveAttribute('data-version', String(fireBefore.version + 1));

      // The supervisor's list follows without reload: a medical post leads, the fire brigade supports.
      await expect(rows.first()).toHaveAttribute('data-role', 'lead');
      await expect(rows.first()).not.toHaveAttribute('data-agency-code', 'DPKP');
      await expect(sup.nearestPost('DPKP')).toHaveAttribute('data-role', 'support');
      await expect(sup.nearestPost('DPKP')).toHaveAttribute('data-recommended', 'true');

      // Another admin changes the crime card while this admin's screen has not heard of it yet.
      valve.hold();
      const { error: otherAdmin } = await admin.rpc('admin_set_run_card', {
        p_category: 'crime',
        p_lead_kinds: ['police'],
        p_support_kinds: ['public_order'],
        p_expected_version: crimeBefore.version,
      });
      expect(otherAdmin).toBeNull();
      await cards.kind('crime', 'support', 'social').check();
      await cards.save('crime').click();
      await expect(cards.notice).toHaveAttribute('data-kind', 'conflict');
      await expect(cards.notice).toContainText('administrator lain');
      valve.release();
      await expect(cards.kind('crime', 'support', 'public_order')).toBeChecked();
      await expect(cards.kind('crime', 'support', 'social')).not.toBeChecked();

      // The admin drags the fire brigade's nearest post on the map and confirms.
      const postId = await sup.nearestPost('DPKP').getAttribute('data-post-id');
      if (!postId) throw new Error('no DPKP post in the list');
      const supMarker = sup.page.locator(`[data-test="post-marker"][data-post-id="${postId}"]`);
      const latBefore = await supMarker.getAttribute('data-lat');
      const distanceBefore = await sup.nearestPost('DPKP').getAttribute('data-distance');
      const posts = new AdminPostsPage(adminPage);
      await posts.goto();
      const from = posts.marker(postId);
      moved = { id: postId, lat: Number(await from.getAttribute('data-lat')), lng: Number(await from.getAttribute('data-lng')) };
      await posts.drag(postId, 40, 60);
      await expect(posts.confirm).toBeVisible();
      await posts.page.getByTestId('move-save').click();
      await expect(posts.notice).toHaveAttribute('data-kind', 'ok');
      await expect(posts.marker(postId)).not.toHaveAttribute('data-lat', moved.lat.toFixed(6));

      // On the dispatch screen the marker and the distance change without reload.
      await expect(supMarker).not.toHaveAttribute('data-lat', latBefore ?? '');
      await expect(sup.drawer.locator(`[data-test="nearest-post"][data-post-id="${postId}"]`)).not.toHaveAttribute('data-distance', distanceBefore ?? '');

      // Undo puts it back, and dispatch follows again.
      await posts.page.getByTestId('move-undo').click();
      await expect(supMarker).toHaveAttribute('data-lat', latBefore ?? '');
      moved = null;

      // A post added with a click on the map is offered by dispatch at once; deactivated, it goes.
      await sup.drawer.getByTestId('posts-show-all').check();
      const box = await posts.marker(postId).boundingBox();
      if (!box) throw new Error('marker not on screen');
      await posts.page.mouse.click(box.x + box.width / 2 + 45, box.y + box.height / 2 - 35);
      const form = posts.page.getByTestId('post-form');
      await form.getByTestId('post-agency').selectOption({ label: 'DPKP — Dinas Pemadam Kebakaran dan Penyelamatan' });
      await form.getByTestId('post-kind').selectOption('fire_station');
      await form.getByTestId('post-name').fill(newPostName);
      await form.getByTestId('post-save').click();
      await expect(posts.notice).toHaveAttribute('data-kind', 'ok');
      const offered = sup.drawer.locator('[data-test="nearest-post"]', { hasText: newPostName });
      await expect(offered).toHaveAttribute('data-agency-code', 'DPKP');
      await posts.page.locator('[data-test="post-row"]', { hasText: newPostName }).getByTestId('post-toggle').click();
      await expect(posts.notice).toHaveAttribute('data-kind', 'ok');
      await expect(offered).toHaveCount(0);
    } finally {
      valve.release();
      await restoreCard(admin, 'fire', [...fireBefore.lead_kinds], [...fireBefore.support_kinds]);
      await restoreCard(admin, 'crime', [...crimeBefore.lead_kinds], [...crimeBefore.support_kinds]);
      if (moved) {
        const { data: post } = await admin.from('agency_posts').select('version').eq('id', moved.id).single();
        if (post) await admin.rpc('admin_move_post', { p_post_id: moved.id, p_lat: moved.lat, p_lng: moved.lng, p_expected_version: post.version });
      }
      // A post this test added and did not get to deactivate leaves the lists of later specs.
      const { data: leftover } = await admin.from('agency_posts').select('id, version').eq('name', newPostName).eq('active', true);
      for (const p of leftover ?? []) await admin.rpc('admin_set_post_active', { p_post_id: p.id, p_active: false, p_expected_version: p.version });
      await api.close();
      await adminPage.context().close();
      await sup.page.context().close();
    }
  });

  test('bad agency input gets a translated refusal and changes nothing', async ({ browser }) => {
    const page = await signedInPage(browser, ADMIN, { viewport: DISPATCH_VIEWPORT });
    try {
      await page.goto('/admin/agencies');
      await expect(page.getByTestId('connection-status').first()).toHaveAttribute('data-status', 'live');
      const rows = page.getByTestId('agency-row');
      await expect(rows.first()).toBeVisible();
      const count = await rows.count();
      await page.getByTestId('agency-new').click();
      const form = page.getByTestId('agency-form');
      // Checked in the browser first, with the database's own messages.
      await form.getByTestId('agency-code').fill('DP KP');
      await form.getByTestId('agency-color').fill('merah');
      await form.getByTestId('agency-save').click();
      await expect(form.getByTestId('problem-code')).toContainText('huruf kapital');
      await expect(form.getByTestId('problem-color')).toContainText('#rrggbb');
      await expect(form.getByTestId('problem-name')).toBeVisible();
      // A code another agency has is refused by the database.
      await form.getByTestId('agency-code').fill('dpkp');
      await form.getByTestId('agency-name').fill('Damkar kedua');
      await form.getByTestId('agency-color').fill('');
      await form.getByTestId('agency-save').click();
      await expect(page.getByTestId('admin-notice')).toHaveAttribute('data-kind', 'error');
      await expect(page.getByTestId('admin-notice')).toContainText('Kode ini sudah dipakai OPD lain.');
      await expect(form).toBeVisible();
      await expect(rows).toHaveCount(count);
    } finally {
      await page.context().close();
    }
  });
});
