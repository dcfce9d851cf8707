// `tsx demo/server.ts`: the demo host site alone (npm start runs it beside the collector).
import { startDemo } from './start-demo.ts';

const port = Number(process.env.DEMO_PORT ?? 8080);
const collectorUrl = process.env.COLLECTOR_URL ?? `http://127.0.0.1:${process.env.COLLECTOR_PORT ?? 8787}`;
const siteKey = process.env.DEMO_SITE_KEY ?? 'demo-site-key';

startDemo({ port, collectorUrl, siteKey, host: process.env.DEMO_HOST ?? '127.0.0.1' })
  .then((demo) => console.log(`demo course page: ${demo.url} (collector ${collectorUrl})`))
  .catch((error: unknown) => {
    console.error(`demo: could not start on port ${port}:`, error instanceof Error ? error.message : error);
    process.exit(1);
  });
