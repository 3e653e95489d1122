/** `npm run stack`: the embedded stack alone, configured by the environment (see config.ts). */
import { configFromEnv } from './config.ts';
import { startStack } from './server.ts';

const config = configFromEnv();
const stack = await startStack(config);
console.log(`Embedded Supabase stack on ${stack.url}
  database   ${config.databaseUrl ? config.databaseUrl.replace(/:[^:@/]*@/, ':***@') : `PGlite in ${config.dataDir}`}
  migrations ${stack.migrations.applied.length ? stack.migrations.applied.join(', ') : 'up to date'}${stack.migrations.seeded ? ' (seeded demo data)' : ''}
  anon key   ${config.anonKey}
  service    ${config.serviceRoleKey}
  jwt secret ${config.jwtSecret}`);

let closing = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (closing) return;
    closing = true;
    void stack.close().then(() => process.exit(0));
  });
}
