/**
 * Page object of the supervisor's dispatch screen (/dispatch) and of the incident report, plus
 * `DispatchApi`: supabase-js clients signed in as demo accounts, for what other screens would do
 * (an operator reporting an incident, an OPD liaison acknowledging) while /dispatch is under test.
 * The API address comes from the page's runtime configuration, so it follows the e2e server's port.
 */
import { expect, type BrowserContext, type Locator, type Page } from '@playwright/test';
import type { Database } from '../lib/supabase/database.types';
import { DemoClients, type DemoDb } from './support/demo-clients';

type Db = DemoDb;

/** A supervisor's wide screen: the board and the map side by side. */
export const DISPATCH_VIEWPORT = { width: 1600, height: 1000 };

/**
 * Holds back the realtime messages the server sends to one browser context, so a test can make a
 * supervisor act on the state they saw while another supervisor's change is still on its way —
 * a simultaneous action, made deterministic.
 */
export class RealtimeValve {
  private held: Array<() => void> | null = null;

  static async install(context: BrowserContext): Promise<RealtimeValve> {
    const valve = new RealtimeValve();
    await context.routeWebSocket(/\/realtime\/v1\/websocket/, (ws) => {
      const server = ws.connectToServer();
      ws.onMessage((message) => server.send(message));
      server.onMessage((message) => valve.pass(() => ws.send(message)));
    });
    return valve;
  }

  hold(): void {
    this.held ??= [];
  }

  release(): void {
    const held = this.held ?? [];
    this.held = null;
    for (const send of held) send();
  }

  private pass(send: () => void): void {
    if (this.held) this.held.push(send);
    else send();
  }
}

export class DispatchPage {
  readonly screen: Locator;
  readonly drawer: Locator;
  readonly conflict: Locator;

  constructor(readonly page: Page) {
    this.screen = page.getByTestId('dispatch-screen');
    this.drawer = page.getByTestId('incident-drawer');
    this.conflict = page.getByTestId('conflict-message');
  }

  async goto(): Promise<void> {
    await this.page.goto('/dispatch');
    await expect(this.page.getByTestId('connection-status').first()).toHaveAttribute('data-status', 'live');
    // The map is loaded after the board; wait for the agency posts so clicks land on markers.
    await expect(this.page.locator('[data-test="post-marker"]').first()).toBeAttached();
  }

  card(ticket: string): Locator {
    return this.page.locator(`[data-test="queue-card"][data-ticket="${ticket}"]`);
  }

  column(status: string): Locator {
    return this.page.getByTestId(`queue-column-${status}`);
  }

  postMarkers(agencyId: string): Locator {
    return this.page.locator(`[data-test="post-marker"][data-agency-id="${agencyId}"]`);
  }

  assignment(agencyCode: string): Locator {
    return this.drawer.locator(`[data-test="assignment"][data-agency-code="${agencyCode}"]`);
  }

  nearestPost(agencyCode: string): Locator {
    return this.drawer.locator(`[data-test="nearest-post"][data-agency-code="${agencyCode}"]`).first();
  }

  async open(ticket: string): Promise<void> {
    await this.card(ticket).click();
    await expect(this.drawer.getByTestId('drawer-ticket')).toHaveText(ticket);
  }
}

export interface ReportedIncident {
  id: string;
  ticket: string;
  callId: string;
}

/** supabase-js as demo accounts, one client per account. */
export class DispatchApi {
  private constructor(private readonly accounts: DemoClients) {}

  static async fromPage(page: Page): Promise<DispatchApi> {
    return new DispatchApi(await DemoClients.fromPage(page));
  }

  as(email: string): Promise<Db> {
    return this.accounts.as(email);
  }

  close(): Promise<void> {
    return this.accounts.close({ signOut: true });
  }

  /** What the operator console does: a call, answered, classified emergency, reported, ended. */
  async reportIncident(operatorEmail: string, fields: { category: Database['public']['Enums']['incident_category']; description: string; lat: number; lng: number; kecamatan: string; phone: string; name: string; priority?: Database['public']['Enums']['incident_priority'] }): Promise<ReportedIncident> {
    const db = await this.as(operatorEmail);
    const started = unwrap(await within(db.rpc('start_call', { p_idempotency_key: crypto.randomUUID() }), 'start_call'), 'start_call');
    const answered = unwrap(await within(db.rpc('answer_call', { p_call_id: started.id, p_expected_version: started.version }), 'answer_call'), 'answer_call');
    unwrap(
      await db.rpc('classify_call', {
        p_call_id: started.id,
        p_call_type: 'emergency',
        p_expected_version: answered.version,
        p_caller_phone: fields.phone,
        p_caller_name: fields.name,
      }),
      'classify_call',
    );
    const incident = unwrap(
      await db.rpc('report_incident', {
        p_call_id: started.id,
        p_category: fields.category,
        p_description: fields.description,
        p_lat: fields.lat,
        p_lng: fields.lng,
        p_priority: fields.priority ?? 'high',
        p_kecamatan: fields.kecamatan,
      }),
      'report_incident',
    );
    const { data: call, error } = await db.from('calls').select('version').eq('id', started.id).single();
    if (error) throw new Error(error.message);
    unwrap(await within(db.rpc('end_call', { p_call_id: started.id, p_expected_version: call.version }), 'end_call'), 'end_call');
    return { id: incident.id, ticket: incident.ticket_no, callId: started.id };
  }

  async agencyId(code: string): Promise<string> {
    const db = await this.as('supervisor1@112.cilegon.test');
    const { data, error } = await db.from('agencies').select('id').eq('code', code).single();
    if (error) throw new Error(error.message);
    return data.id;
  }

  /** The liaison's own active assignment on the incident. */
  private async ownAssignment(liaisonEmail: string, incidentId: string) {
    const db = await this.as(liaisonEmail);
    const { data: me } = await within(db.auth.getUser(), 'getUser');
    const { data: profile, error: pe } = await within(db.from('profiles').select('agency_id').eq('id', me.user!.id).single(), 'read profile');
    if (pe) throw new Error(pe.message);
    const { data, error } = await within(
      db
        .from('assignments')
        .select('id, version, status')
        .eq('incident_id', incidentId)
        .eq('agency_id', profile.agency_id!)
        .not('status', 'in', '(declined,withdrawn)')
        .single(),
      'read assignment',
    );
    if (error) throw new Error(`assignment of ${liaisonEmail}: ${error.message}`);
    return { db, assignment: data };
  }

  /** The OPD acknowledge RPC, called as the liaison (the /opd inbox is another screen). */
  async acknowledge(liaisonEmail: string, incidentId: string): Promise<void> {
    const { db, assignment } = await this.ownAssignment(liaisonEmail, incidentId);
    unwrap(await within(db.rpc('acknowledge_assignment', { p_assignment_id: assignment.id, p_expected_version: assignment.version }), 'acknowledge'), 'acknowledge');
  }

  /** "Berangkat" as the liaison from another device (acknowledging first when needed); the assignment's id. */
  async markEnRoute(liaisonEmail: string, incidentId: string): Promise<string> {
    const { db, assignment } = await this.ownAssignment(liaisonEmail, incidentId);
    let version = assignment.version;
    if (assignment.status === 'assigned') {
      version = unwrap(await within(db.rpc('acknowledge_assignment', { p_assignment_id: assignment.id, p_expected_version: version }), 'acknowledge'), 'acknowledge').version;
    }
    unwrap(await within(db.rpc('mark_en_route', { p_assignment_id: assignment.id, p_expected_version: version }), 'en route'), 'en route');
    return assignment.id;
  }

  /** On scene and completed with a field report (acknowledging first when needed). */
  async finish(liaisonEmail: string, incidentId: string, report: string): Promise<void> {
    const own = await this.ownAssignment(liaisonEmail, incidentId);
    const db = own.db;
    let assignment = own.assignment;
    if (assignment.status === 'assigned') {
      const a = unwrap(await within(db.rpc('acknowledge_assignment', { p_assignment_id: assignment.id, p_expected_version: assignment.version }), 'acknowledge'), 'acknowledge');
      assignment = { ...assignment, version: a.version, status: a.status };
    }
    const onScene = unwrap(await within(db.rpc('mark_on_scene', { p_assignment_id: assignment.id, p_expected_version: assignment.version }), 'on scene'), 'on scene');
    unwrap(await within(db.rpc('complete_assignment', { p_assignment_id: assignment.id, p_report: report, p_expected_version: onScene.version }), 'complete'), 'complete');
  }
}

/** Fails a stuck request with its name instead of letting the test time out silently. */
async function within<T>(promise: PromiseLike<T>, what: string, ms = 20_000): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, expired]);
  } finally {
    clearTimeout(timer);
  }
}

function unwrap<T>(result: { data: T | null; error: { message: string; hint?: string } | null }, what: string): T {
  if (result.error || result.data === null) throw new Error(`${what}: ${result.error?.message ?? 'no data'} ${result.error?.hint ?? ''}`);
  return result.data;
}
