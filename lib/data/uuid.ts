/**
 * Whether an id from a URL can be a row id at all. Reads by such an id answer "not found" without
 * asking: Postgres would refuse the malformed uuid (22P02) and the read would fail instead.
 */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID.test(value);
}
