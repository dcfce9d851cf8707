import { ConfigError, DEMO_SITE_KEY, loadConfig } from '../collector/config/load-config.ts';
import { ListenError } from '../collector/listen-error.ts';
import { startCollector } from '../collector/start-collector.ts';
import { startDemo } from '../demo/start-demo.ts';

// `npm start`: the collector on COLLECTOR_PORT and the demo course site on DEMO_PORT,
// two origins so that CORS is real. Development defaults: SQLite under data/; the demo's
// site key (for DEMO_PORT's origins) is kept beside any SITE_KEYS given (load-config.ts).
try {
  const config = loadConfig(process.env);
  const collector = await startCollector({ config });
  const siteKey = DEMO_SITE_KEY in config.siteKeys ? DEMO_SITE_KEY : Object.keys(config.siteKeys)[0];
  const demo = await startDemo({ port: config.demoPort, collectorUrl: collector.url, siteKey }).catch(
    async (err: NodeJS.ErrnoException) => {
      await collector.close();
      throw new ListenError('127.0.0.1', config.demoPort, err, 'DEMO_PORT');
    },
  );
  // Printed only when set, like a given EXPORT_TOKEN: no erase or report token is ever made up.
  const erase = config.eraseToken
    ? `${config.eraseToken}   (DELETE /v1/learners/:ref only; it cannot read)`
    : 'not set: the export token also erases (set ERASE_TOKEN to separate them)';
  const report = config.reportToken
    ? `${config.reportToken}   (the reports and the dashboard only; it cannot export, read the codebook or erase)`
    : 'not set: the dashboard needs the export token, which also exports rows (set REPORT_TOKEN for aggregates only)';
  console.log(
    [
      '',
      `  Demo course page   ${demo.url}`,
      `  Collector          ${collector.url}`,
      `  Dashboard          ${collector.url}/v1/dashboard`,
      `  Export token       ${config.exportToken}${config.exportTokenGenerated ? '   (made up for this run; set EXPORT_TOKEN to keep one)' : ''}`,
      `  CSV export         curl -H "Authorization: Bearer ${config.exportToken}" "${collector.url}/v1/export?format=csv"`,
      `  Erase token        ${erase}`,
      `  Report token       ${report}`,
      `  Database           ${config.databaseUrl.startsWith('sqlite:') ? config.databaseUrl : 'postgres (DATABASE_URL)'}`,
      `  Site keys          ${Object.keys(config.siteKeys).join(', ')}   (npm run site-key -- add --origin URL issues one)`,
      '',
    ].join('\n'),
  );
  const stop = async () => {
    await Promise.all([demo.close(), collector.close()]);
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} catch (err) {
  const known = err instanceof ConfigError || err instanceof ListenError;
  console.error(known ? (err as Error).message : `cannot start: ${(err as Error).message}`);
  process.exit(1);
}
