/** The typed client that every read and write of lib/data takes (browser, server or service role). */
import type { SupabaseClient } from '@supabase/supabase-js';
import type { Database } from '@/lib/supabase/database.types';

export type Db = SupabaseClient<Database>;
