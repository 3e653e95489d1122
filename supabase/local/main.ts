/** `npm run stack`: the embedded stack alone, configured by the environment (see config.ts). */
import { configFromEnv } from './config.ts';
import { withInstallSecrets } from './install-secrets.ts';
import { startStack } from './server.ts';
import { consoleProgress, exitOnDatabaseLost, exitOnDataDirError } from './start-failure.ts';

const installed = await withInstallSecrets(configFromEnv(), process.cwd());
const config = installed.config;
const stack = await startStack(config, { progress: consoleProgress, onDatabaseLost: (err) => exitOnDatabaseLost(err) }).catch(exitOnDataDirError);
console.log(`Embedded Supabase stack on ${stack.url}
  database   ${config.databaseUrl ? config.databaseUrl.replace(/:[^:@/]*@/, ':***@') : `PGlite in ${config.dataDir}`}
  migrations ${stack.migrations.applied.length ? stack.migrations.applied.join(', ') : 'up to date'}${stack.migrations.seeded ? ' (seeded demo data)' : ''}
  origins    ${config.allowedOrigins === '*' ? 'any' : config.allowedOrigins.join(', ')}
  keys       ${installed.file ? `this installation's own (${installed.file})` : 'given by the environment or STACK_KEYS=demo'}
  anon key   ${config.anonKey}
  service    ${config.serviceRoleKey}`);

let closing = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (closing) return;
    closing = true;
    void stack.close().then(() => process.exit(0));
  });
}
