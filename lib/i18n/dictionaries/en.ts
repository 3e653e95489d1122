/** English. `satisfies Dictionary` makes a missing or extra key a type error. */
import { dispatchEn } from './dispatch.en';
import { wallEn } from './wall.en';
import { statsEn } from './stats.en';
import { operatorEn } from './operator.en';
import type { Dictionary } from './id';
import { opdEn } from './opd.en';
import { errorsEn } from './errors.en';
import { adminConfigEn } from './admin-config.en';
import { nuisanceEn } from './nuisance.en';
import { adminEn } from './admin.en';
import { adminSlaEn } from './admin-sla.en';
import { adminNuisanceEn } from './admin-nuisance.en';
import { majorEn } from './major.en';
import { handoverEn } from './handover.en';
import { adminShiftsEn } from './admin-shifts.en';
import { officialEn } from './official.en';
import { findEn } from './find.en';
import { reportEn } from './report.en';
import { dataProtectionEn } from './data-protection.en';
import { hazardEn } from './hazard.en';
import { accuracyEn } from './accuracy.en';

export const en = {
  'app.name': 'Command Center 112 Kota Cilegon',
  'app.tagline': '112 Emergency Service',

  'lang.label': 'Language',
  'lang.id': 'Bahasa Indonesia',
  'lang.en': 'English',

  'role.operator': 'Operator',
  'role.supervisor': 'Supervisor',
  'role.opd': 'Agency (OPD)',
  'role.leadership': 'Leadership',
  'role.admin': 'Administrator',

  'area.operator': 'Call Taking',
  'area.dispatch': 'Dispatch',
  'area.opd': 'Agency Assignments',
  'area.wall': 'Wall Display',
  'area.stats': 'Statistics',
  'area.admin': 'Administration',

  'login.title': 'Sign in',
  'login.subtitle': 'Sign in with your Command Center account.',
  'login.email': 'Email',
  'login.password': 'Password',
  'login.submit': 'Sign in',
  'login.submitting': 'Signing in…',
  'login.error.invalid': 'Wrong email or password.',
  'login.error.missing': 'Enter your email and password.',
  'login.error.unavailable': 'The sign-in service cannot be reached. Please try again shortly.',
  'login.error.demoOff': 'Demo mode is off.',
  'login.error.rateLimited': 'Too many failed sign-in attempts. Wait a few minutes and try again.',
  'login.demo.title': 'Demo accounts',
  'login.demo.hint': 'Demo mode: click an account to sign in.',

  'header.signOut': 'Sign out',
  'serverAway.title': 'The application server is not answering',
  'serverAway.body': 'It may be restarting. The live data on this screen keeps running; try again in a moment.',
  'serverAway.retry': 'Try again',
  'header.signedInAs': 'Signed in as {name}',

  'page.underConstruction': 'This page is under construction.',
  'page.openWall': 'Open the wall display',

  'account.noProfile.title': 'Account not ready',
  'account.noProfile.body': 'The account {email} has no profile yet. Please contact the system administrator.',
  'account.inactive.title': 'Account deactivated',
  'account.inactive.body': 'The account {email} is inactive. Please contact the system administrator.',

  'forbidden.title': 'Access denied (403)',
  'forbidden.body': 'Your role may not open this page.',
  'forbidden.home': 'Back to the home page',

  'notFound.title': 'Page not found',
  'notFound.home': 'Back to the home page',

  ...dispatchEn,
  ...wallEn,
  ...statsEn,
  ...operatorEn,
  ...opdEn,
  ...errorsEn,
  ...adminConfigEn,
  ...nuisanceEn,
  ...adminEn,
  ...adminSlaEn,
  ...adminNuisanceEn,
  ...majorEn,
  ...handoverEn,
  ...adminShiftsEn,
  ...officialEn,
  ...findEn,
  ...reportEn,
  ...dataProtectionEn,
  ...hazardEn,
  ...accuracyEn,

  // ui (#12): words several screens share — the live connection badge and the call types.
  'connection.idle': 'Not connected',
  'connection.connecting': 'Connecting…',
  'connection.syncing': 'Syncing data…',
  'connection.live': 'Live',
  'connection.reconnecting': 'Connection lost, reconnecting…',
  'connection.error': 'Connection problem',
  'connection.closed': 'Disconnected',

  'callType.emergency': 'Emergency',
  'callType.ghost': 'Ghost',
  'callType.prank': 'Prank',
  'callType.info': 'Information',
} satisfies Dictionary;
