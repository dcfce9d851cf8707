import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * The order `npm test` hands files to its workers (vitest.config.ts, maxWorkers 2 on a 2-core
 * machine). Vitest's own order runs one project after another; here the browser files, which
 * spend most of their time waiting on Chromium, timers and sockets, alternate with the Node and
 * DOM files, which keep a core busy, so both cores stay used (bench/profiles/suite-time.md).
 *
 * Within each list the base order holds (last run's failures first, then the longest, else the
 * largest file), except that the chaos files go first: their length is a fixed period of
 * wall-clock chaos (CHAOS_MS), which neither their size nor a fresh clone's empty cache shows,
 * and started last they would leave a worker idle at the end of the run.
 */
export default class InterleavedSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const chaos = (spec: TestSpecification) => /\/sync-chaos[\w-]*\.test\.ts$/.test(spec.moduleId);
    const browser = sorted.filter((spec) => spec.project.name === 'e2e');
    const rest = sorted.filter((spec) => spec.project.name !== 'e2e');
    const waiting = [...browser.filter(chaos), ...browser.filter((spec) => !chaos(spec))];
    const order: TestSpecification[] = [];
    for (let i = 0; i < Math.max(waiting.length, rest.length); i++) {
      if (i < waiting.length) order.push(waiting[i]);
      if (i < rest.length) order.push(rest[i]);
    }
    return order;
  }
}
