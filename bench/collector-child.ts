// Runs the collector in its own process for the bench, through collector/start-collector.ts,
// configured from the environment exactly as collector/main.ts would be.
import { loadConfig } from '../collector/config/load-config.ts';

type Started = { url: string; close(): Promise<void> };
type StartCollector = (o: { port: number; host: string; config: ReturnType<typeof loadConfig> }) => Promise<Started>;

const config = loadConfig(process.env);
const { startCollector } = (await import('../collector/start-collector.ts' as string)) as {
  startCollector: StartCollector;
};
const started = await startCollector({ port: config.port, host: config.host, config });
process.stdout.write(`bench-collector listening ${started.url}\n`);
process.on('SIGTERM', () => {
  started.close().finally(() => process.exit(0));
});
