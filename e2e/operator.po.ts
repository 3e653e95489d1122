/**
 * Page object of the operator console (/operator), and a service-role client for checks the UI
 * cannot make (how many incidents a call produced). The client finds the API address in the page's
 * runtime configuration, so it follows whatever port the e2e server chose.
 */
import type { Locator, Page } from '@playwright/test';
import { pageSupabaseConfig, serviceRoleClient } from './support/stack';
import type { DemoDb } from './support/demo-clients';
import type { CallStage } from '../lib/domain/sla';
import type { CallType } from '../lib/domain/workflow';

export class OperatorConsolePage {
  readonly newCallButton: Locator;
  readonly activeCall: Locator;
  readonly outcome: Locator;
  readonly ticketNumber: Locator;
  readonly error: Locator;
  readonly callerPhone: Locator;
  readonly callerHistory: Locator;
  readonly infoNote: Locator;
  readonly emergencyForm: Locator;
  readonly category: Locator;
  readonly priority: Locator;
  readonly description: Locator;
  readonly address: Locator;
  readonly kecamatan: Locator;
  readonly kelurahan: Locator;
  readonly coordinates: Locator;
  readonly map: Locator;
  readonly submit: Locator;
  readonly nearbyIncidents: Locator;
  readonly shiftRows: Locator;
  readonly openIncidents: Locator;

  constructor(readonly page: Page) {
    this.newCallButton = page.getByTestId('new-call');
    this.activeCall = page.getByTestId('active-call');
    this.outcome = page.getByTestId('call-outcome');
    this.ticketNumber = page.getByTestId('ticket-number');
    this.error = page.getByTestId('operator-error');
    this.callerPhone = page.getByTestId('caller-phone');
    this.callerHistory = page.getByTestId('caller-history');
    this.infoNote = page.getByTestId('info-note');
    this.emergencyForm = page.getByTestId('emergency-form');
    this.category = page.getByTestId('emergency-category');
    this.priority = page.getByTestId('emergency-priority');
    this.description = page.getByTestId('emergency-description');
    this.address = page.getByTestId('emergency-address');
    this.kecamatan = page.getByTestId('emergency-kecamatan');
    this.kelurahan = page.getByTestId('emergency-kelurahan');
    this.coordinates = page.getByTestId('emergency-coordinates');
    this.map = page.getByTestId('location-map');
    this.submit = page.getByTestId('emergency-submit');
    this.nearbyIncidents = page.getByTestId('nearby-incident');
    this.shiftRows = page.getByTestId('shift-call-row');
    this.openIncidents = page.getByTestId('open-incident');
  }

  async goto(): Promise<void> {
    await this.page.goto('/operator');
    await this.page.getByTestId('operator-console').waitFor();
  }

  classifyButton(type: CallType): Locator {
    return this.page.getByTestId(`classify-${type}`);
  }

  timer(stage: CallStage): Locator {
    return this.page.getByTestId(`timer-${stage}`);
  }

  /** Starts a call and waits until it is answered and on screen; returns its id. */
  async startCall(): Promise<string> {
    await this.newCallButton.click();
    await this.activeCall.waitFor();
    const id = await this.activeCall.getAttribute('data-call-id');
    if (!id) throw new Error('active call has no id');
    return id;
  }

  /** The same with the console's keyboard shortcut N. */
  async startCallByKey(): Promise<string> {
    await this.page.keyboard.press('n');
    await this.activeCall.waitFor();
    const id = await this.activeCall.getAttribute('data-call-id');
    if (!id) throw new Error('active call has no id');
    return id;
  }

  async fillEmergency(fields: { category: string; description: string; coordinates?: string; kecamatan?: string; kelurahan?: string }) {
    await this.category.selectOption(fields.category);
    await this.description.fill(fields.description);
    if (fields.kecamatan) await this.kecamatan.selectOption(fields.kecamatan);
    if (fields.kelurahan) await this.kelurahan.selectOption(fields.kelurahan);
    if (fields.coordinates) await this.coordinates.fill(fields.coordinates);
  }

  async serviceClient(): Promise<DemoDb> {
    return serviceRoleClient((await pageSupabaseConfig(this.page)).url);
  }
}
