/**
 * Puts the Supabase URL and anon key, read from the environment for this request, into the page as
 * JSON for lib/supabase/client.ts. Both values are public; the service-role key never goes here.
 */
import { readSupabaseConfig } from '@/lib/supabase/runtime-config';
import { SUPABASE_CONFIG_ELEMENT_ID } from '@/lib/supabase/runtime-url';

export function SupabaseConfigScript() {
  const { url, anonKey } = readSupabaseConfig();
  // Escaping `<` keeps a value from closing the script element.
  const json = JSON.stringify({ url, anonKey }).replace(/</g, '\\u003c');
  return <script id={SUPABASE_CONFIG_ELEMENT_ID} type="application/json" dangerouslySetInnerHTML={{ __html: json }} />;
}
