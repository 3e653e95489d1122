/**
 * Demo mode (env DEMO_MODE=1, set by `npm start`) offers the seeded demo accounts for one-click
 * sign-in. Read at request time so that one build serves both demo and real deployments.
 */
export function isDemoMode(): boolean {
  return process.env['DEMO_MODE'] === '1';
}
