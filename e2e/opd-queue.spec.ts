/**
 * The liaison's outbox when the steps stored on the phone cannot be read back (a write cut off, an
 * older format): nothing is dropped silently. The raw text is kept under a backup key for support,
 * and the inbox tells the liaison — also after a reload — until they dismiss the notice.
 */
import { expect, test } from './support/fixtures';
import { OpdPage, phoneContext } from './opd.po';
import { pageSupabaseConfig, serviceRoleClient } from './support/stack';

const DAMKAR = 'damkar@112.cilegon.test';

function storedUnder(prefix: string): Record<string, string | null> {
  return Object.fromEntries(
    Object.keys(localStorage)
      .filter((k) => k.startsWith(prefix))
      .map((k) => [k, localStorage.getItem(k)]),
  );
}

test('an unreadable outbox is kept for support and told to the liaison until dismissed', async ({ browser }) => {
  const phone = await phoneContext(browser, DAMKAR);
  const opd = new OpdPage(phone.page);
  try {
    await opd.gotoInbox();
    const { url } = await pageSupabaseConfig(opd.page);
    const { data, error } = await serviceRoleClient(url).auth.admin.listUsers({ perPage: 1000 });
    if (error) throw error;
    const userId = data.users.find((u) => u.email === DAMKAR)?.id;
    if (!userId) throw new Error(`no user ${DAMKAR}`);
    const key = `opd-queue:${userId}`;
    const raw = '[{"id":"s1","assignmentId":"a1","action":"mark_on';
    await opd.page.evaluate(([k, v]) => localStorage.setItem(k, v), [key, raw]);

    await opd.page.reload();
    const notice = opd.page.getByTestId('queue-unreadable');
    await expect(notice).toContainText('tidak dapat dibaca');
    const stored = await opd.page.evaluate(storedUnder, key);
    expect(Object.entries(stored).filter(([k]) => k.startsWith(`${key}:unreadable:`)).map(([, v]) => v)).toEqual([raw]);
    expect(stored[key]).toBe('[]');

    await opd.page.reload();
    await expect(notice).toBeVisible();
    await notice.getByTestId('queue-unreadable-dismiss').click();
    await expect(notice).toHaveCount(0);

    await opd.page.reload();
    await expect(opd.page.getByTestId('page-title')).toContainText('Penugasan DPKP');
    await expect(notice).toHaveCount(0);
    const after = await opd.page.evaluate(storedUnder, key);
    expect(Object.entries(after).filter(([k]) => k.startsWith(`${key}:unreadable:`)).map(([, v]) => v)).toEqual([raw]);
  } finally {
    await phone.context.close();
  }
});
