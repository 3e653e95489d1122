/**
 * The caller's number as the PBX sends it. A 112 call is recorded whatever the number looks like:
 * a withheld or unusual one ("anonymous", a SIP URI) is kept as "no number", never a reason to refuse
 * the event. Separators are kept as the operator would read them; only the shape is checked, the
 * same shape the calls table accepts.
 */
const PHONE = /^\+?[0-9][0-9 ()-]{1,31}$/;

export function callerPhoneFromPbx(raw: string): string | null {
  const trimmed = raw.trim();
  return PHONE.test(trimmed) ? trimmed : null;
}
