/** The admin's caller-data access log (/admin/audit/caller-data, issue #22). */
import type { Locator, Page } from '@playwright/test';
import { expect } from './support/fixtures';

export class CallerDataLogPage {
  readonly table: Locator;
  readonly rows: Locator;

  constructor(readonly page: Page) {
    this.table = page.getByTestId('access-table');
    this.rows = page.getByTestId('access-row');
  }

  /** From the audit trail, through its tab, as an admin reaches it. */
  async openFromAuditTrail(): Promise<void> {
    await this.page.goto('/admin/audit');
    await this.page.getByTestId('audit-tab-callerData').click();
    await expect(this.page.getByTestId('audit-tab-callerData')).toHaveAttribute('aria-current', 'page');
  }

  async filterByTicket(ticket: string): Promise<void> {
    await this.page.getByTestId('access-ticket').fill(ticket);
    await this.page.getByTestId('access-filter').getByRole('button').click();
    await this.page.waitForURL((url) => url.searchParams.get('ticket') === ticket);
  }

  /** What each row says: screen label, reader's name and ticket, newest first. */
  async entries(): Promise<Array<{ screen: string | null; actor: string; ticket: string }>> {
    const out: Array<{ screen: string | null; actor: string; ticket: string }> = [];
    for (const row of await this.rows.all()) {
      out.push({
        screen: await row.getAttribute('data-screen'),
        actor: (await row.getByTestId('access-actor').innerText()).trim(),
        ticket: (await row.getByTestId('access-ticket-no').innerText()).trim(),
      });
    }
    return out;
  }
}
