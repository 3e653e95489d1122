import { describe, expect, it } from 'vitest';
import { APP_ROLES } from './workflow';
import { findsIncidents, readsCallerPhones, readsPrintedReport } from './find-roles';

describe('find-roles', () => {
  it('offers the search to the roles that read incidents, never to admins', () => {
    expect(APP_ROLES.filter(findsIncidents)).toEqual(['operator', 'supervisor', 'opd', 'leadership']);
  });

  it('offers the caller-number search only to the roles that read calls (not leadership)', () => {
    expect(APP_ROLES.filter(readsCallerPhones)).toEqual(['operator', 'supervisor', 'opd']);
  });

  it('links the printed report for supervisors only, as its page allows', () => {
    expect(APP_ROLES.filter(readsPrintedReport)).toEqual(['supervisor']);
  });
});
