import { type Config, ConfigError, loadConfig } from './config/load-config.ts';
import { jsonLogger } from './logging/logger.ts';
import { startCollector } from './start-collector.ts';

const log = jsonLogger();

let config: Config;
try {
  config = loadConfig(process.env);
} catch (err) {
  if (!(err instanceof ConfigError)) throw err;
  console.error(err.message);
  process.exit(1);
}

const collector = await startCollector({ config, log }).catch((err: Error) => {
  console.error(`collector failed to start: ${err.message}`);
  process.exit(1);
});
log.info({ event: 'listening', url: collector.url, databaseUrl: config.databaseUrl.replace(/\/\/[^@/]*@/, '//***@') });
if (config.exportTokenGenerated)
  console.log(`EXPORT_TOKEN (generated for this run, set it to keep one): ${config.exportToken}`);

let stopping = false;
for (const signal of ['SIGTERM', 'SIGINT'] as const)
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    log.info({ event: 'stopping', signal });
    collector.close().then(
      () => {
        log.info({ event: 'stopped' });
        process.exit(0);
      },
      (err: Error) => {
        log.error({ event: 'stop_failed', error: err.message });
        process.exit(1);
      },
    );
  });
