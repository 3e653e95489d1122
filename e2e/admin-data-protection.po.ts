/** Page objects of the data-protection screens: /admin/retention, /admin/legal-holds, /admin/data-subject, and the hold panel of /incidents/[id]. */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { expect, type Download, type Locator, type Page } from '@playwright/test';

/**
 * How long a retention run may take to show its outcome: the job pseudonymises and deletes in one
 * transaction, and on a loaded 2-core CI machine that took longer than the default 10 s.
 */
export const RUN_OUTCOME_TIMEOUT = 30_000;

export class AdminRetentionPage {
  readonly root: Locator;
  readonly current: Locator;
  readonly notice: Locator;
  readonly runResult: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('admin-retention');
    this.current = page.getByTestId('retention-current');
    this.notice = page.getByTestId('retention-form').getByTestId('admin-notice');
    this.runResult = page.getByTestId('retention-run-result').getByTestId('admin-notice');
  }

  async goto(): Promise<void> {
    await this.page.goto('/admin/retention');
    await this.root.waitFor();
  }

  async save(incidentDays: string, nuisanceDays: string): Promise<void> {
    await this.page.getByTestId('retention-incidentDays').fill(incidentDays);
    await this.page.getByTestId('retention-nuisanceDays').fill(nuisanceDays);
    await this.page.getByTestId('retention-save').click();
  }

  /**
   * Runs retention and waits for its real outcome rather than a fixed time: the database's answer to
   * run_retention, then the message that says what it did. (A run that changed nothing leaves no row
   * in the audited runs, so the row is not the signal.)
   */
  async runNow(): Promise<void> {
    const answered = this.page.waitForResponse((r) => new URL(r.url()).pathname.endsWith('/rest/v1/rpc/run_retention'), { timeout: RUN_OUTCOME_TIMEOUT });
    await this.page.getByTestId('retention-run-button').click();
    await answered;
    await expect(this.runResult).toBeVisible({ timeout: RUN_OUTCOME_TIMEOUT });
  }
}

export class LegalHoldsPage {
  readonly root: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('admin-legal-holds');
  }

  async goto(): Promise<void> {
    await this.page.goto('/admin/legal-holds');
    await this.root.waitFor();
  }

  async find(ticket: string): Promise<void> {
    await this.page.getByTestId('hold-ticket').fill(ticket);
    await this.page.getByTestId('hold-find').click();
  }

  row(ticket: string): Locator {
    return this.page.locator(`[data-test="hold-row"][data-ticket="${ticket}"]`);
  }
}

/** The hold form and list inside a container (the admin's found incident or the incident's panel). */
export class HoldControls {
  constructor(readonly scope: Locator) {}

  async place(reason: string, expiresOn: string): Promise<void> {
    await this.scope.getByTestId('hold-reason').fill(reason);
    await this.scope.getByTestId('hold-expires').fill(expiresOn);
    await this.scope.getByTestId('hold-place').click();
  }

  async lift(row: Locator, reason: string): Promise<void> {
    await row.getByTestId('hold-lift-open').click();
    await row.getByTestId('hold-lift-reason').fill(reason);
    await row.getByTestId('hold-lift-submit').click();
  }

  get notice(): Locator {
    return this.scope.getByTestId('admin-notice');
  }
}

export class DataSubjectPage {
  readonly root: Locator;
  readonly summary: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('admin-data-subject');
    this.summary = page.getByTestId('dsr-summary');
  }

  async search(phone: string): Promise<void> {
    await this.page.goto('/admin/data-subject');
    await this.page.getByTestId('dsr-phone').fill(phone);
    await this.page.getByTestId('dsr-search').click();
    await this.root.waitFor();
  }

  section(name: string): Locator {
    return this.page.getByTestId(`dsr-section-${name}`);
  }

  /** Fills the request form (kind, requester, received day YYYY-MM-DD, note) and sends it. */
  async recordRequest(values: { kind: string; requester: string; receivedOn: string; details: string }): Promise<void> {
    await this.page.getByTestId('dsr-kind').selectOption(values.kind);
    await this.page.getByTestId('dsr-requester').fill(values.requester);
    await this.page.getByTestId('dsr-received-on').fill(values.receivedOn);
    await this.page.getByTestId('dsr-details').fill(values.details);
    await this.page.getByTestId('dsr-record').click();
  }

  get recordNotice(): Locator {
    return this.page.getByTestId('dsr-record-form').getByTestId('admin-notice');
  }

  async download(format: 'csv' | 'json'): Promise<{ file: Download; text: string }> {
    const [file] = await Promise.all([this.page.waitForEvent('download'), this.page.getByTestId(`dsr-export-${format}`).click()]);
    const chunks: Buffer[] = [];
    for await (const chunk of await file.createReadStream()) chunks.push(chunk as Buffer);
    return { file, text: Buffer.concat(chunks).toString('utf8') };
  }
}

/** A full-page screenshot kept beside the walk's, for a person to look at after a run. */
export async function keepScreenshot(page: Page, name: string): Promise<string> {
  const dir = path.join('test-results', 'walk-screenshots');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, name);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}
