/**
 * Page objects of the admin's configuration screens (/admin/posts, /admin/run-cards): dragging a
 * post's marker on the map, confirming the move, ticking the kinds of a run card.
 */
import { expect, type Locator, type Page } from '@playwright/test';

export class AdminPostsPage {
  readonly confirm: Locator;
  readonly notice: Locator;

  constructor(readonly page: Page) {
    this.confirm = page.getByTestId('move-confirm');
    this.notice = page.getByTestId('admin-notice');
  }

  async goto(): Promise<void> {
    await this.page.goto('/admin/posts');
    await expect(this.page.getByTestId('connection-status').first()).toHaveAttribute('data-status', 'live');
    await expect(this.page.locator('[data-test="admin-post-marker"]').first()).toBeAttached();
  }

  marker(postId: string): Locator {
    return this.page.locator(`[data-test="admin-post-marker"][data-post-id="${postId}"]`);
  }

  /** Drags a marker by a screen offset, the way a mouse does (Leaflet follows mousemove). */
  async drag(postId: string, dx: number, dy: number): Promise<void> {
    const box = await this.marker(postId).boundingBox();
    if (!box) throw new Error(`marker of post ${postId} is not on screen`);
    const x = box.x + box.width / 2;
    const y = box.y + box.height / 2;
    await this.page.mouse.move(x, y);
    await this.page.mouse.down();
    await this.page.mouse.move(x + dx / 2, y + dy / 2, { steps: 5 });
    await this.page.mouse.move(x + dx, y + dy, { steps: 5 });
    await this.page.mouse.up();
  }
}

export class AdminRunCardsPage {
  readonly notice: Locator;

  constructor(readonly page: Page) {
    this.notice = page.getByTestId('admin-notice');
  }

  async goto(): Promise<void> {
    await this.page.goto('/admin/run-cards');
    await expect(this.page.getByTestId('connection-status').first()).toHaveAttribute('data-status', 'live');
    await expect(this.card('fire')).toBeVisible();
  }

  card(category: string): Locator {
    return this.page.locator(`[data-test="run-card"][data-category="${category}"]`);
  }

  kind(category: string, list: 'lead' | 'support', kind: string): Locator {
    return this.card(category).getByTestId(`run-card-${list}-${kind}`);
  }

  save(category: string): Locator {
    return this.card(category).getByTestId('run-card-save');
  }
}
