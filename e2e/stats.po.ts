/** Page object of the statistics page. */
import type { Locator, Page } from '@playwright/test';

export class StatsPage {
  readonly root: Locator;
  readonly from: Locator;
  readonly to: Locator;
  readonly apply: Locator;

  constructor(private readonly page: Page) {
    this.root = page.getByTestId('stats');
    this.from = page.getByTestId('stats-from');
    this.to = page.getByTestId('stats-to');
    this.apply = page.getByTestId('stats-apply');
  }

  section(test: 'stats-calls' | 'stats-sla' | 'stats-categories' | 'stats-kecamatan'): Locator {
    return this.page.getByTestId(test);
  }

  /** Drawn bars of a chart section (Recharts renders each bar as a path in a rectangle group). */
  bars(test: 'stats-calls' | 'stats-sla' | 'stats-categories' | 'stats-kecamatan'): Locator {
    return this.section(test).locator('.recharts-bar-rectangle path');
  }

  slaRows(): Locator {
    return this.page.getByTestId('stats-sla-row');
  }

  agencyRows(): Locator {
    return this.page.getByTestId('stats-agency-row');
  }

  operatorRows(): Locator {
    return this.page.getByTestId('stats-operator-row');
  }
}
