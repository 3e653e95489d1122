/** Page object of the sign-in page: the email/password form and the demo-mode account list. */
import type { Locator, Page } from '@playwright/test';

export class LoginPage {
  readonly title: Locator;
  readonly email: Locator;
  readonly password: Locator;
  readonly submit: Locator;
  readonly error: Locator;
  readonly demoUsers: Locator;

  constructor(private readonly page: Page) {
    this.title = page.getByTestId('login-title');
    this.email = page.getByTestId('login-email');
    this.password = page.getByTestId('login-password');
    this.submit = page.getByTestId('login-submit');
    this.error = page.getByTestId('login-error');
    this.demoUsers = page.getByTestId('demo-users');
  }

  async goto(): Promise<void> {
    await this.page.goto('/login');
  }

  demoButton(email: string): Locator {
    return this.page.getByTestId(`demo-login-${email.split('@')[0]}`);
  }

  demoGroup(role: string): Locator {
    return this.page.getByTestId(`demo-group-${role}`);
  }

  async signInAsDemoUser(email: string): Promise<void> {
    await this.demoButton(email).click();
  }

  async signIn(email: string, password: string): Promise<void> {
    await this.email.fill(email);
    await this.password.fill(password);
    await this.submit.click();
  }
}
