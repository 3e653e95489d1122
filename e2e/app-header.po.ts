/** Page object of the header shown in every signed-in area. */
import type { Locator, Page } from '@playwright/test';
import type { Language } from '../lib/i18n/languages';

export class AppHeader {
  readonly userName: Locator;
  readonly userRole: Locator;
  readonly signOutButton: Locator;

  constructor(private readonly page: Page) {
    this.userName = page.getByTestId('header-user-name');
    this.userRole = page.getByTestId('header-user-role');
    this.signOutButton = page.getByTestId('sign-out');
  }

  async signOut(): Promise<void> {
    await this.signOutButton.click();
  }

  /** The switch is on the login page too, so it is looked up on the whole page. */
  languageButton(lang: Language): Locator {
    return this.page.getByTestId(`lang-${lang}`);
  }
}
