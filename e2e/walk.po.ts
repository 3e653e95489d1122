/**
 * What the walk of issue #17 needs beyond the screens' own page objects: incidents brought to each
 * dispatch-board column through the workflow RPCs (as the operator, supervisor and liaisons would),
 * an SLA target changed for one test and put back, and a PNG attached to the report for a person to
 * look at.
 */
import type { Locator, Page, TestInfo } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Database } from '../lib/supabase/database.types';
import { DispatchApi, type ReportedIncident } from './dispatch.po';
import { dispatchTo } from './opd.po';

export const SUPERVISOR = 'supervisor1@112.cilegon.test';
export const SUPERVISOR_2 = 'supervisor2@112.cilegon.test';
export const OPERATOR = 'operator2@112.cilegon.test';
export const DAMKAR = 'damkar@112.cilegon.test';
export const ADMIN = 'admin@112.cilegon.test';

export type BoardColumn = 'reported' | 'dispatched' | 'acknowledged' | 'on_scene' | 'resolved';
type Priority = Database['public']['Enums']['incident_priority'];

function unique(label: string): string {
  return `${label} ${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
}

/** Incidents taken to a board column by the people whose step each status is. */
export class WalkApi {
  private constructor(readonly dispatch: DispatchApi) {}

  static async fromPage(page: Page): Promise<WalkApi> {
    return new WalkApi(await DispatchApi.fromPage(page));
  }

  close(): Promise<void> {
    return this.dispatch.close();
  }

  async incidentIn(column: BoardColumn, n: number, priority: Priority = 'high'): Promise<ReportedIncident> {
    const incident = await this.dispatch.reportIncident(OPERATOR, {
      category: 'fire',
      description: unique(`Uji papan ${column} ${n}`),
      lat: -6.0 + n * 0.004,
      lng: 106.0 + n * 0.004,
      kecamatan: 'Citangkil',
      phone: '081200001111',
      name: 'Pelapor Uji',
      priority,
    });
    if (column === 'reported') return incident;
    const supervisor = await this.dispatch.as(SUPERVISOR);
    await dispatchTo(supervisor, incident.id, [await this.dispatch.agencyId('DPKP')]);
    if (column === 'dispatched') return incident;
    await this.dispatch.acknowledge(DAMKAR, incident.id);
    if (column === 'acknowledged') return incident;
    if (column === 'on_scene') {
      await this.onScene(incident.id);
      return incident;
    }
    await this.dispatch.finish(DAMKAR, incident.id, 'Api dipadamkan, tidak ada korban.');
    return incident;
  }

  async decline(incidentId: string, reason: string): Promise<void> {
    const db = await this.dispatch.as(DAMKAR);
    const agency = await this.dispatch.agencyId('DPKP');
    const { data, error } = await db.from('assignments').select('id, version').eq('incident_id', incidentId).eq('agency_id', agency).single();
    if (error) throw new Error(error.message);
    const r = await db.rpc('decline_assignment', { p_assignment_id: data.id, p_reason: reason, p_expected_version: data.version });
    if (r.error) throw new Error(`decline_assignment: ${r.error.message}`);
  }

  /** A change by "another supervisor": a second agency added through the RPC. */
  async addAgency(incidentId: string, code: string): Promise<void> {
    const db = await this.dispatch.as(SUPERVISOR);
    const { data, error } = await db.from('incidents').select('version').eq('id', incidentId).single();
    if (error) throw new Error(error.message);
    const r = await db.rpc('add_agency', { p_incident_id: incidentId, p_agency_id: await this.dispatch.agencyId(code), p_expected_version: data.version });
    if (r.error) throw new Error(`add_agency: ${r.error.message}`);
  }

  /** The acknowledge target in force, then `seconds`; returns how to put the old one back. */
  async withAcknowledgeTarget(seconds: number): Promise<() => Promise<void>> {
    const db = await this.dispatch.as(ADMIN);
    const { data, error } = await db.from('sla_targets').select('target_seconds').eq('stage', 'acknowledge').single();
    if (error) throw new Error(error.message);
    const set = async (value: number) => {
      const r = await db.rpc('set_sla_target', { p_stage: 'acknowledge', p_seconds: value });
      if (r.error) throw new Error(`set_sla_target: ${r.error.message}`);
    };
    await set(seconds);
    return () => set(data.target_seconds);
  }

  private async onScene(incidentId: string): Promise<void> {
    const db = await this.dispatch.as(DAMKAR);
    const { data, error } = await db.from('assignments').select('id, version').eq('incident_id', incidentId).eq('status', 'acknowledged').single();
    if (error) throw new Error(error.message);
    const r = await db.rpc('mark_on_scene', { p_assignment_id: data.id, p_expected_version: data.version });
    if (r.error) throw new Error(`mark_on_scene: ${r.error.message}`);
  }
}

/** A screenshot of the page at its current size, attached to the Playwright report and kept in test-results/. */
export async function attachScreenshot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const dir = path.join('test-results', 'walk-screenshots');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name}.png`);
  await page.screenshot({ path: file });
  await testInfo.attach(name, { path: file, contentType: 'image/png' });
}

/** The box of an element, failing loudly when it is not laid out. */
export async function box(locator: Locator): Promise<{ x: number; y: number; width: number; height: number }> {
  const b = await locator.boundingBox();
  if (!b) throw new Error('element has no box');
  return b;
}
