/**
 * Page-object helpers of the telephony screens (issue #16 §2): the ringing calls on an operator
 * console, the dispatch board's waiting-calls strip and the wall's waiting figures. Selected by
 * data-test attributes; the numbers are read from data-count, not from the wording.
 */
import type { Locator, Page } from '@playwright/test';

export function ringingCall(page: Page, callId: string): Locator {
  return page.locator(`[data-test="ringing-call"][data-call-id="${callId}"]`);
}

export function ringingPanel(page: Page): Locator {
  return page.getByTestId('ringing-calls');
}

/** The waiting-calls figures of the dispatch strip or of the wall. */
export class WaitingFigures {
  readonly count: Locator;
  readonly longest: Locator;
  readonly abandoned: Locator;

  constructor(page: Page, screen: 'dispatch' | 'wall') {
    const prefix = screen === 'dispatch' ? 'waiting' : 'wall-waiting';
    this.count = page.getByTestId(`${prefix}-count`);
    this.longest = screen === 'dispatch' ? page.getByTestId('waiting-longest') : page.getByTestId('wall-waiting-longest').getByTestId('wall-waiting-value');
    this.abandoned = page.getByTestId(`${prefix}-abandoned`);
  }

  /** A figure's number once it has been read (data-count is empty before the first read). */
  static async number(figure: Locator): Promise<number> {
    await figure.and(figure.page().locator('[data-count]:not([data-count=""])')).waitFor();
    return Number(await figure.getAttribute('data-count'));
  }
}
