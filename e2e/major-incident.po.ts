/**
 * Page objects of major-incident mode: the supervisor's panel over the dispatch map, the console's
 * offer, and the wall's major layout; and a helper that ends every active major incident through
 * the supervisor's RPC, so a run starts from a center without one.
 */
import { expect, type Locator, type Page } from '@playwright/test';
import type { DemoDb } from './support/demo-clients';

export class MajorDeskPage {
  readonly toggle: Locator;
  readonly panel: Locator;
  readonly form: Locator;
  readonly notice: Locator;
  readonly map: Locator;

  constructor(readonly page: Page) {
    this.toggle = page.getByTestId('major-toggle');
    this.panel = page.getByTestId('major-panel');
    this.form = page.getByTestId('major-form');
    this.notice = page.getByTestId('major-notice');
    this.map = page.getByTestId('dispatch-map');
  }

  async open(): Promise<void> {
    if (!(await this.panel.isVisible())) await this.toggle.click();
    await expect(this.panel).toBeVisible();
  }

  item(majorId?: string): Locator {
    return majorId ? this.panel.locator(`[data-test="major-item"][data-major-id="${majorId}"]`) : this.panel.getByTestId('major-item');
  }

  area(majorId?: string): Locator {
    return majorId ? this.map.locator(`[data-test="major-area"][data-major-id="${majorId}"]`) : this.map.locator('[data-test="major-area"]');
  }

  async declare(fields: { title: string; script: string; template?: string; radius?: number }): Promise<void> {
    await this.panel.getByTestId('major-declare-start').click();
    await expect(this.form).toHaveAttribute('data-mode', 'declare');
    if (fields.template) await this.form.getByTestId('major-template').selectOption(fields.template);
    await this.form.getByTestId('major-title').fill(fields.title);
    await this.form.getByTestId('major-script').fill(fields.script);
    if (fields.radius) await this.form.getByTestId('major-radius').selectOption(String(fields.radius));
    await this.form.getByTestId('major-submit').click();
  }

  /**
   * Adds a polygon corner by clicking the map near (x, y): a click that lands on a marker selects it
   * instead, so the click moves a little until the corner count goes up.
   */
  async addCorner(x: number, y: number): Promise<void> {
    const corners = this.form.getByTestId('major-corners');
    const before = Number(await corners.getAttribute('data-count'));
    for (const [dx, dy] of [[0, 0], [14, 0], [0, 14], [-14, 0], [0, -14], [20, 20]]) {
      await this.page.mouse.click(x + dx, y + dy);
      try {
        await expect(corners).toHaveAttribute('data-count', String(before + 1), { timeout: 1500 });
        return;
      } catch {
        // On a marker: try beside it.
      }
    }
    throw new Error(`no corner added near ${x}, ${y}`);
  }
}

export function majorOffer(page: Page): Locator {
  return page.getByTestId('major-offer');
}

export class WallMajorPage {
  readonly wall: Locator;
  readonly major: Locator;

  constructor(readonly page: Page) {
    this.wall = page.getByTestId('wall');
    this.major = page.getByTestId('wall-major');
  }

  figure(test: 'wall-major-calls'): Locator {
    return this.page.getByTestId(test);
  }
}

/** Ends every active major incident as the supervisor, so the spec starts from a center without one. */
export async function endActiveMajors(supervisor: DemoDb): Promise<void> {
  const { data, error } = await supervisor.from('major_incidents').select('id, version').eq('status', 'active');
  if (error) throw new Error(error.message);
  for (const m of data) {
    const ended = await supervisor.rpc('end_major_incident', { p_id: m.id, p_reason: 'Uji kejadian besar: pusat dikosongkan', p_expected_version: m.version });
    if (ended.error) throw new Error(`end_major_incident: ${ended.error.message}`);
  }
}
