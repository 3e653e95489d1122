/** Page objects of the official report (/incidents/[id]/official) and its letterhead screen (/admin/letterhead). */
import type { Locator, Page } from '@playwright/test';

export class AdminLetterheadPage {
  readonly root: Locator;
  readonly notice: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('admin-letterhead');
    this.notice = page.getByTestId('admin-notice');
  }

  async goto(): Promise<void> {
    await this.page.goto('/admin/letterhead');
    await this.root.waitFor();
  }

  field(name: string): Locator {
    return this.page.getByTestId(`letterhead-${name}`);
  }

  async save(values: Record<string, string>): Promise<void> {
    for (const [name, value] of Object.entries(values)) await this.field(name).fill(value);
    await this.page.getByTestId('letterhead-save').click();
  }
}

export class OfficialReportPage {
  readonly root: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('official-report');
  }

  text(name: string): Locator {
    return this.page.getByTestId(`official-${name}`);
  }

  /** The CSS text of the @page rules named "official", as the browser parsed them. */
  async pageRules(): Promise<string[]> {
    return this.page.evaluate(() =>
      [...document.styleSheets].flatMap((sheet) =>
        [...sheet.cssRules].filter((r): r is CSSPageRule => r instanceof CSSPageRule && r.selectorText === 'official').map((r) => r.cssText),
      ),
    );
  }
}
