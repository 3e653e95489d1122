/** Page object of the shift handover screen (/dispatch/handover). */
import type { Locator, Page } from '@playwright/test';

export class HandoverPage {
  readonly board: Locator;
  readonly shift: Locator;
  readonly mine: Locator;
  readonly note: Locator;
  readonly save: Locator;
  readonly problem: Locator;
  readonly pending: Locator;
  readonly history: Locator;
  readonly openFigure: Locator;

  constructor(readonly page: Page) {
    this.board = page.getByTestId('handover-board');
    this.shift = page.getByTestId('handover-shift');
    this.mine = page.getByTestId('handover-mine');
    this.note = page.getByTestId('handover-note');
    this.save = page.getByTestId('handover-save');
    this.problem = page.getByTestId('handover-problem');
    this.pending = page.getByTestId('handover-pending-item');
    this.history = page.getByTestId('handover-acknowledged-item');
    this.openFigure = page.getByTestId('situation-open');
  }

  async goto(): Promise<void> {
    await this.page.goto('/dispatch/handover');
    await this.board.waitFor();
    await this.page.getByTestId('connection-status').first().waitFor();
  }

  async write(text: string): Promise<void> {
    await this.note.fill(text);
    await this.save.click();
  }

  /** The pending handover whose note contains `text`. */
  pendingWith(text: string): Locator {
    return this.pending.filter({ hasText: text });
  }
}
