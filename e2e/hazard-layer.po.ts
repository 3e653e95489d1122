/**
 * The hazard layer as a test sees it: map tiles blocked (the layer must stand on its own), the
 * features by kind, the per-user toggles, and the proximity lines of cards and forms.
 */
import { expect, type BrowserContext, type Locator, type Page } from '@playwright/test';

/** Any {z}/{x}/{y}.png tile, from OpenStreetMap or a center's own server: blocked even if one is configured. */
const TILE = /\/\d+\/\d+\/\d+\.png(\?.*)?$/;

export async function blockTiles(context: BrowserContext): Promise<{ blocked: () => number }> {
  let count = 0;
  await context.route(TILE, (route) => {
    count += 1;
    return route.abort('blockedbyclient');
  });
  return { blocked: () => count };
}

export class HazardLayer {
  readonly control: Locator;

  constructor(
    readonly page: Page,
    readonly map: Locator,
  ) {
    this.control = map.getByTestId('hazard-control');
  }

  markers(kind: string): Locator {
    return this.map.locator(`[data-test="hazard-marker"][data-kind="${kind}"]`);
  }

  areas(kind: string): Locator {
    return this.map.locator(`path.hazard-area--${kind}`);
  }

  toggle(group: string): Locator {
    return this.map.locator(`[data-test="hazard-toggle"][data-group="${group}"]`);
  }

  async openControl(): Promise<void> {
    await expect(this.control).toHaveAttribute('data-ready', 'true');
    const panel = this.control.getByTestId('hazard-control-panel');
    if (!(await panel.isVisible())) await this.control.getByTestId('hazard-control-button').click();
    await expect(panel).toBeVisible();
  }
}
