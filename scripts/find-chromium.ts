/**
 * Finds a Chromium for the browser tests: PLAYWRIGHT_CHROMIUM_PATH, then Debian's /usr/bin/chromium,
 * then the one Playwright may have downloaded. Returns undefined when there is none.
 */
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

export const CHROMIUM_INSTALL_HINT =
  'No Chromium found for the browser tests. Install one of:\n' +
  '  sudo apt-get install -y chromium        (Debian/Ubuntu; gives /usr/bin/chromium)\n' +
  '  npx playwright install chromium          (Playwright\'s own build, needs internet)\n' +
  'or point PLAYWRIGHT_CHROMIUM_PATH at a Chromium or Chrome binary.';

export function findChromium(env: Record<string, string | undefined> = process.env): string | undefined {
  const candidates = [env.PLAYWRIGHT_CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', safePlaywrightPath()];
  return candidates.find((p): p is string => !!p && existsSync(p));
}

function safePlaywrightPath(): string | undefined {
  try {
    return chromium.executablePath();
  } catch {
    return undefined;
  }
}
