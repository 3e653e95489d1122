/** The telephony webhook secret the e2e server runs with and the specs sign with (test-only). */
export const E2E_TELEPHONY_SECRET = 'e2e-telephony-webhook-secret';
