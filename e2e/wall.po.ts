/**
 * Page object of the wall display, and a small workflow driver that acts as the demo operator,
 * supervisor and OPD accounts through the workflow RPCs (supabase-js, as the other screens do), so a
 * wall test can change incidents from "another context" and watch the wall follow.
 */
import type { Locator, Page, TestInfo } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { LoginPage } from './login.po';
import { DemoClients, type DemoDb } from './support/demo-clients';
import { controlUrl } from './support/stack';

type Db = DemoDb;
type Board = 'calls' | 'awaiting_dispatch' | 'awaiting_ack' | 'on_scene' | 'awaiting_close';

export const WALL_EMAIL = 'wall@112.cilegon.test';

export class WallPage {
  readonly root: Locator;
  readonly counters: Locator;
  readonly map: Locator;

  constructor(readonly page: Page) {
    this.root = page.getByTestId('wall');
    this.counters = page.getByTestId('wall-counters');
    this.map = page.getByTestId('wall-map');
  }

  async signInAndOpen(): Promise<void> {
    const login = new LoginPage(this.page);
    await login.goto();
    await login.signInAsDemoUser(WALL_EMAIL);
    await this.page.waitForURL((url) => url.pathname !== '/login');
    await this.page.goto('/wall');
    await this.waitLive();
    // Marks this document: a reload would lose it, so the tests can prove there was none.
    await this.page.evaluate(() => ((window as unknown as { __wallMark: number }).__wallMark = 42));
  }

  async waitLive(timeout = 20_000): Promise<void> {
    await this.root.and(this.page.locator('[data-status="live"]')).waitFor({ timeout });
  }

  async notReloaded(): Promise<boolean> {
    return this.page.evaluate(() => (window as unknown as { __wallMark?: number }).__wallMark === 42);
  }

  board(board: Board): Locator {
    return this.page.locator(`[data-test="wall-board"][data-board="${board}"]`);
  }

  card(board: Board, id: string): Locator {
    return this.board(board).locator(`[data-test="wall-card"][data-id="${id}"]`);
  }

  marker(incidentId: string): Locator {
    return this.map.locator(`[data-test="incident-marker"][data-incident-id="${incidentId}"]`);
  }

  async count(test: 'wall-count-calls' | 'wall-count-emergencies'): Promise<number> {
    const text = await this.page.getByTestId(test).getByTestId('wall-figure-value').textContent();
    return Number(text);
  }

  /** A full-page screenshot at the given size, attached to the report and kept in test-results/. */
  async screenshot(testInfo: TestInfo, width: number, height: number): Promise<void> {
    await this.page.setViewportSize({ width, height });
    await this.page.waitForTimeout(800);
    const dir = path.join('test-results', 'wall-screenshots');
    mkdirSync(dir, { recursive: true });
    const file = path.join(dir, `wall-${width}x${height}.png`);
    await this.page.screenshot({ path: file });
    await testInfo.attach(`wall-${width}x${height}`, { path: file, contentType: 'image/png' });
  }
}

function unwrap<T>(result: { data: T; error: { message: string } | null }, what: string): NonNullable<T> {
  if (result.error) throw new Error(`${what} failed: ${result.error.message}`);
  if (result.data === null || result.data === undefined) throw new Error(`${what} returned nothing`);
  return result.data;
}

/** Acts as demo accounts through the workflow RPCs, like the operator, dispatch and OPD screens. */
export class WorkflowDriver {
  private constructor(private readonly accounts: DemoClients) {}

  static async fromPage(page: Page): Promise<WorkflowDriver> {
    return new WorkflowDriver(await DemoClients.fromPage(page));
  }

  as(email: string): Promise<Db> {
    return this.accounts.as(email);
  }

  /** Forgets the sessions (e.g. after the stack restarted, sign in again). */
  reset(): void {
    this.accounts.forget();
  }

  async startCall(): Promise<{ id: string; version: number }> {
    const db = await this.as('operator1@112.cilegon.test');
    return unwrap(await db.rpc('start_call', { p_idempotency_key: crypto.randomUUID(), p_caller_phone: '081299990000' }), 'start_call');
  }

  /**
   * Cancels every open incident, as a supervisor would, so the boards (capped at 6 cards, oldest
   * first) show this spec's incidents whatever the specs before it left open on the shared server.
   */
  async quietCenter(): Promise<void> {
    const db = await this.as('supervisor1@112.cilegon.test');
    const open = unwrap(await db.from('incidents').select('id, version').not('status', 'in', '(closed,cancelled)'), 'read open incidents');
    for (const i of open) {
      unwrap(
        await db.rpc('cancel_incident', { p_incident_id: i.id, p_reason: 'Uji layar dinding: pusat dikosongkan', p_expected_version: i.version }),
        'cancel_incident',
      );
    }
  }

  /**
   * A point in the city as far as possible from every open incident, so the wall shows the test's
   * incident as its own marker rather than inside a cluster of incidents other specs left open.
   */
  async isolatedSpot(): Promise<{ lat: number; lng: number }> {
    const db = await this.as('supervisor1@112.cilegon.test');
    const open = unwrap(await db.from('incidents').select('lat, lng').not('status', 'in', '(closed,cancelled)'), 'read open incidents');
    let best = { lat: -5.99, lng: 106.02, gap: -1 };
    // On land in the fitted city view: east of about 105.97 (data/cilegon.json city.note).
    for (let lat = -6.055; lat <= -5.905; lat += 0.005) {
      for (let lng = 105.975; lng <= 106.08; lng += 0.005) {
        const gap = Math.min(...open.map((o) => Math.hypot(o.lat - lat, o.lng - lng)), Infinity);
        if (gap > best.gap) best = { lat, lng, gap };
      }
    }
    return { lat: best.lat, lng: best.lng };
  }

  /** Answers, classifies as emergency and reports the call (at an isolated spot unless given); returns the incident. */
  async reportFromCall(call: { id: string; version: number }, at?: { lat: number; lng: number }): Promise<{ id: string; version: number; callVersion: number }> {
    const { lat, lng } = at ?? (await this.isolatedSpot());
    const db = await this.as('operator1@112.cilegon.test');
    const answered = unwrap(await db.rpc('answer_call', { p_call_id: call.id, p_expected_version: call.version }), 'answer_call');
    unwrap(
      await db.rpc('classify_call', { p_call_id: call.id, p_call_type: 'emergency', p_expected_version: answered.version, p_caller_name: 'Penelepon Rahasia' }),
      'classify_call',
    );
    const incident = unwrap(
      await db.rpc('report_incident', {
        p_call_id: call.id,
        p_category: 'fire',
        p_description: 'Kebakaran gudang (uji layar dinding)',
        p_lat: lat,
        p_lng: lng,
        p_kecamatan: 'Citangkil',
      }),
      'report_incident',
    );
    const refreshed = unwrap(await db.from('calls').select('version').eq('id', call.id).single(), 'read call');
    return { id: incident.id, version: incident.version, callVersion: refreshed.version };
  }

  async endCall(callId: string, version: number): Promise<void> {
    const db = await this.as('operator1@112.cilegon.test');
    unwrap(await db.rpc('end_call', { p_call_id: callId, p_expected_version: version }), 'end_call');
  }

  async dispatch(incidentId: string, version: number, agencyCode = 'DPKP'): Promise<number> {
    const db = await this.as('supervisor1@112.cilegon.test');
    const agency = unwrap(await db.from('agencies').select('id').eq('code', agencyCode).single(), 'read agency');
    return unwrap(await db.rpc('dispatch_incident', { p_incident_id: incidentId, p_agency_ids: [agency.id], p_expected_version: version }), 'dispatch_incident')
      .version;
  }

  /** The DPKP liaison acknowledges, arrives and completes with a report. */
  async opdHandles(incidentId: string, step: 'acknowledge' | 'on_scene' | 'complete'): Promise<void> {
    const db = await this.as('damkar@112.cilegon.test');
    const a = unwrap(await db.from('assignments').select('id, version').eq('incident_id', incidentId).single(), 'read assignment');
    if (step === 'acknowledge') unwrap(await db.rpc('acknowledge_assignment', { p_assignment_id: a.id, p_expected_version: a.version }), step);
    if (step === 'on_scene') unwrap(await db.rpc('mark_on_scene', { p_assignment_id: a.id, p_expected_version: a.version }), step);
    if (step === 'complete')
      unwrap(await db.rpc('complete_assignment', { p_assignment_id: a.id, p_report: 'Api padam, tidak ada korban.', p_expected_version: a.version }), step);
  }

  async close(incidentId: string): Promise<void> {
    const db = await this.as('supervisor1@112.cilegon.test');
    const i = unwrap(await db.from('incidents').select('version').eq('id', incidentId).single(), 'read incident');
    unwrap(await db.rpc('close_incident', { p_incident_id: incidentId, p_summary: 'Selesai ditangani.', p_expected_version: i.version }), 'close_incident');
  }

  async incidentVersion(incidentId: string): Promise<number> {
    const db = await this.as('supervisor1@112.cilegon.test');
    return unwrap(await db.from('incidents').select('version').eq('id', incidentId).single(), 'read incident').version;
  }

  dispose(): Promise<void> {
    return this.accounts.close({ signOut: false });
  }
}

/** Restarts the embedded stack through the e2e server's test-only control endpoint (same data, same port). */
export async function restartStack(): Promise<void> {
  const res = await fetch(controlUrl('/restart-stack'), { method: 'POST' });
  if (!res.ok) throw new Error(`restarting the stack failed: ${res.status} ${await res.text()}`);
}
