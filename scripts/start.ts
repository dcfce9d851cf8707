import { ConfigError, loadConfig } from '../collector/config/load-config.ts';
import { startCollector } from '../collector/start-collector.ts';
import { startDemo } from '../demo/start-demo.ts';

// `npm start`: the collector on COLLECTOR_PORT and the demo course site on DEMO_PORT,
// two origins so that CORS is real. Development defaults: SQLite under data/.
try {
  const demoPort = Number(process.env.DEMO_PORT ?? 8080);
  // Out of the box the demo site is the one allowed origin of the one site key.
  process.env.SITE_KEYS ??= JSON.stringify({
    'demo-site-key': { origins: [`http://localhost:${demoPort}`, `http://127.0.0.1:${demoPort}`] },
  });
  const config = loadConfig(process.env);
  const collector = await startCollector({ config });
  const siteKey = Object.keys(config.siteKeys)[0];
  const demo = await startDemo({ port: demoPort, collectorUrl: collector.url, siteKey });
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
  console.error(err instanceof ConfigError ? err.message : `cannot start: ${(err as Error).message}`);
  process.exit(1);
}
