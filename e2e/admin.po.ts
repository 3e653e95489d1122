/** Page objects of the admin console (issue #13): landing page, accounts list, new account, account page, audit trail. */
import type { Locator, Page } from '@playwright/test';

export class AdminAccountsPage {
  readonly newForm: Locator;
  readonly generatedPassword: Locator;
  readonly formError: Locator;
  readonly formDone: Locator;

  constructor(readonly page: Page) {
    this.newForm = page.getByTestId('new-account-form');
    this.generatedPassword = page.getByTestId('generated-password');
    this.formError = page.getByTestId('form-error');
    this.formDone = page.getByTestId('form-done');
  }

  async gotoNew(): Promise<void> {
    await this.page.goto('/admin/accounts/new');
  }

  /** Fills the new-account form; an empty password asks for a generated one. */
  async fillNew(fields: { email: string; password?: string; fullName: string; role: string; agencyId?: string; extension?: string }): Promise<void> {
    const form = this.newForm;
    await form.getByTestId('account-email').fill(fields.email);
    await form.getByTestId('account-password').fill(fields.password ?? '');
    await form.getByTestId('account-full-name').fill(fields.fullName);
    await form.getByTestId('account-role').selectOption(fields.role);
    await form.getByTestId('account-agency').selectOption(fields.agencyId ?? '');
    await form.getByTestId('account-extension').fill(fields.extension ?? '');
  }

  async submitNew(): Promise<void> {
    await this.newForm.getByTestId('account-create').click();
  }

  problem(name: string): Locator {
    return this.newForm.locator(`[data-test="field-problem"][data-problem="${name}"]`);
  }

  row(email: string): Locator {
    return this.page.locator(`[data-test="account-row"][data-email="${email}"]`);
  }
}
