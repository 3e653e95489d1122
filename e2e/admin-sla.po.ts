/** Page object of the admin's SLA targets screen (/admin/sla). */
import type { Locator, Page } from '@playwright/test';
import type { IncidentPriority, SlaStage } from '../lib/domain/sla';

export class AdminSlaPage {
  readonly root: Locator;
  readonly notice: Locator;
  readonly historyRows: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('admin-sla');
    this.notice = page.getByTestId('sla-notice');
    this.historyRows = page.getByTestId('sla-history-row');
  }

  async goto(): Promise<void> {
    await this.page.goto('/admin/sla');
    await this.root.waitFor();
  }

  row(stage: SlaStage): Locator {
    return this.page.locator(`[data-test="sla-target-row"][data-stage="${stage}"]`);
  }

  current(stage: SlaStage): Locator {
    return this.row(stage).getByTestId('sla-current');
  }

  async setTarget(stage: SlaStage, value: string): Promise<void> {
    await this.row(stage).getByTestId('sla-input').fill(value);
    await this.row(stage).getByTestId('sla-save').click();
  }

  priorityCell(stage: SlaStage, priority: IncidentPriority): Locator {
    return this.page.locator(`[data-test="sla-priority-cell"][data-stage="${stage}"][data-priority="${priority}"]`);
  }

  /** Types a per-priority target (empty removes the override) and saves it. */
  async setPriorityTarget(stage: SlaStage, priority: IncidentPriority, value: string): Promise<void> {
    await this.priorityCell(stage, priority).getByTestId('sla-priority-input').fill(value);
    await this.priorityCell(stage, priority).getByTestId('sla-priority-save').click();
  }
}
