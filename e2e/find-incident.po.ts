/** Page object of "find an incident" (/incidents) and of one incident's read-only record. */
import type { Locator, Page } from '@playwright/test';

export class FindIncidentPage {
  readonly form: Locator;
  readonly text: Locator;
  readonly phone: Locator;
  readonly status: Locator;
  readonly submit: Locator;
  readonly results: Locator;
  readonly empty: Locator;
  readonly invalid: Locator;
  readonly record: Locator;

  constructor(readonly page: Page) {
    this.form = page.getByTestId('find-form');
    this.text = page.getByTestId('find-text');
    this.phone = page.getByTestId('find-phone');
    this.status = page.getByTestId('find-status');
    this.submit = page.getByTestId('find-submit');
    this.results = page.getByTestId('find-result');
    this.empty = page.getByTestId('find-empty');
    this.invalid = page.getByTestId('find-invalid');
    this.record = page.getByTestId('incident-record');
  }

  async goto(query = ''): Promise<void> {
    await this.page.goto(`/incidents${query}`);
    await this.form.waitFor();
  }

  result(ticket: string): Locator {
    return this.page.locator(`[data-test="find-result"][data-ticket="${ticket}"]`);
  }

  /** Fills the free-text field (and the status) and submits the form. */
  async search(text: string, status = ''): Promise<void> {
    await this.text.fill(text);
    await this.status.selectOption(status);
    await this.submit.click();
    await this.page.waitForURL(/\/incidents\?/);
  }

  /** True when nothing sticks out sideways (the 360 px phone must not scroll horizontally). */
  async fitsWidth(): Promise<boolean> {
    return this.page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
  }
}
