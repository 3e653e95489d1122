/**
 * One line for where an incident is: the address, then the kelurahan and kecamatan unless the
 * address already names them (operators often type "Kel. Deringo, Kec. Citangkil" into it).
 */
export function placeLine(address: string | null, kelurahan: string | null, kecamatan: string | null): string {
  const text = (address ?? '').trim();
  const named = text.toLowerCase();
  const extra = [kelurahan, kecamatan].filter((p): p is string => !!p && !named.includes(p.toLowerCase()));
  return [text, ...extra].filter(Boolean).join(', ');
}
