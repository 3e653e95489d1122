/**
 * Page object of the OPD liaison's phone screen (/opd inbox and /opd/incidents/[id]), a phone-sized
 * browser context with recorded alerts, and the API helpers its spec needs (supervisor RPCs, the
 * service-role audit count). Incidents are reported with DispatchApi from dispatch.po.ts.
 */
import { expect, type Browser, type BrowserContext, type Locator, type Page } from '@playwright/test';
import type { Enums } from '../lib/supabase/database.types';
import type { DemoDb as Db } from './support/demo-clients';
import { LoginPage } from './login.po';

/** The phone: 360×740, touch, mobile. */
export const PHONE = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };

/**
 * Records what the alert code asks of the browser: headless Chromium has no notification UI and no
 * vibration motor, so the test checks the calls themselves (permission granted as a liaison would).
 * Both ways of showing a notification are recorded: the service worker's and the constructor.
 */
function recordAlerts(): void {
  const w = window as unknown as { __alerts: { notifications: Array<{ title: string; body?: string }>; vibrations: number } };
  w.__alerts = { notifications: [], vibrations: 0 };
  class RecordingNotification {
    static permission: NotificationPermission = 'granted';
    static requestPermission(): Promise<NotificationPermission> {
      return Promise.resolve('granted');
    }
    constructor(title: string, options?: NotificationOptions) {
      w.__alerts.notifications.push({ title, body: options?.body });
    }
    close(): void {}
  }
  Object.defineProperty(window, 'Notification', { value: RecordingNotification, configurable: true, writable: true });
  // Phones show notifications through the service worker registration (Android refuses the constructor).
  if (typeof ServiceWorkerRegistration !== 'undefined') {
    ServiceWorkerRegistration.prototype.showNotification = function (title: string, options?: NotificationOptions) {
      w.__alerts.notifications.push({ title, body: options?.body });
      return Promise.resolve();
    };
  }
  Object.defineProperty(navigator, 'vibrate', {
    value: () => {
      w.__alerts.vibrations += 1;
      return true;
    },
    configurable: true,
  });
}

export async function phoneContext(browser: Browser, email: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ ...PHONE });
  await context.addInitScript(recordAlerts);
  const page = await context.newPage();
  const login = new LoginPage(page);
  await login.goto();
  await login.signInAsDemoUser(email);
  await page.waitForURL((url) => url.pathname !== '/login');
  return { context, page };
}

export class OpdPage {
  readonly inbox: Locator;
  readonly incident: Locator;
  readonly steps: Locator;
  readonly myAssignment: Locator;

  constructor(readonly page: Page) {
    this.inbox = page.getByTestId('opd-inbox');
    this.incident = page.getByTestId('opd-incident');
    this.steps = page.getByTestId('assignment-steps');
    this.myAssignment = page.getByTestId('my-assignment');
  }

  async gotoInbox(): Promise<void> {
    await this.page.goto('/opd');
    await this.waitLive();
  }

  async gotoIncident(incidentId: string): Promise<void> {
    await this.page.goto(`/opd/incidents/${incidentId}`);
    await this.waitLive();
  }

  async waitLive(): Promise<void> {
    await expect(this.page.getByTestId('connection-status').first()).toHaveAttribute('data-status', 'live');
  }

  item(ticket: string): Locator {
    return this.page.locator(`[data-test="inbox-item"][data-ticket="${ticket}"]`);
  }

  step(action: string): Locator {
    return this.steps.getByTestId(`step-${action}`);
  }

  async alerts(): Promise<{ notifications: Array<{ title: string; body?: string }>; vibrations: number }> {
    return this.page.evaluate(() => (window as unknown as { __alerts: { notifications: Array<{ title: string; body?: string }>; vibrations: number } }).__alerts);
  }

  /** No sideways scrolling at the phone's width. */
  async horizontalOverflow(): Promise<number> {
    return this.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  }
}

/** The audit rows of one kind for one assignment: exactly one per applied step. */
export async function countEvents(db: Db, assignmentId: string, kind: Enums<'incident_event_kind'>): Promise<number> {
  const { count, error } = await db.from('incident_events').select('id', { count: 'exact', head: true }).eq('assignment_id', assignmentId).eq('kind', kind);
  if (error) throw new Error(error.message);
  return count ?? 0;
}

export async function assignmentOf(db: Db, incidentId: string, agencyId: string): Promise<{ id: string; status: string; version: number }> {
  const { data, error } = await db.from('assignments').select('id, status, version').eq('incident_id', incidentId).eq('agency_id', agencyId).single();
  if (error) throw new Error(error.message);
  return data;
}

/** The supervisor's dispatch RPC (for tests where the supervisor's screen is not the subject). */
export async function dispatchTo(supervisor: Db, incidentId: string, agencyIds: string[]): Promise<void> {
  const { data: inc, error } = await supervisor.from('incidents').select('version').eq('id', incidentId).single();
  if (error) throw new Error(error.message);
  const r = await supervisor.rpc('dispatch_incident', { p_incident_id: incidentId, p_agency_ids: agencyIds, p_expected_version: inc.version });
  if (r.error) throw new Error(`dispatch_incident: ${r.error.message}`);
}
