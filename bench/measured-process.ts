import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';

const GNU_TIME = '/usr/bin/time';

/** `timedOut`: killed at the time limit, so `seconds` is a lower bound. */
export type Measured = { seconds: number; peakRssBytes?: number; stderr: string; timedOut?: boolean };

/**
 * Runs a command to completion and returns its wall time and peak resident memory
 * (from GNU time -v: the largest RSS of the process tree's biggest process).
 */
export function measured(
  cmd: string,
  args: string[],
  opts: { cwd: string; env?: NodeJS.ProcessEnv; timeoutMs: number },
): Promise<Measured> {
  const timed = existsSync(GNU_TIME);
  const [file, argv] = timed ? [GNU_TIME, ['-v', cmd, ...args]] : [cmd, args];
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    // Its own process group, so a kill at the time limit reaches the command under GNU time too.
    const child = spawn(file, argv, {
      cwd: opts.cwd,
      env: opts.env ?? process.env,
      stdio: ['ignore', 'ignore', 'pipe'],
      detached: true,
    });
    let stderr = '';
    child.stderr.on('data', (d) => {
      stderr = (stderr + d).slice(-8000);
    });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      process.kill(-(child.pid as number), 'SIGKILL');
    }, opts.timeoutMs);
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      const seconds = (performance.now() - t0) / 1000;
      const kb = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr)?.[1];
      if (timedOut) return resolve({ seconds, peakRssBytes: kb ? Number(kb) * 1024 : undefined, stderr, timedOut });
      const own = stderr.split(/\n(?:Command exited with non-zero status \d+\n)?\tCommand being timed:/)[0];
      if (code !== 0)
        return reject(
          new Error(
            `${cmd} ${args.join(' ')} exited ${code ?? signal} after ${seconds.toFixed(1)} s:\n${own.slice(-1500)}`,
          ),
        );
      resolve({ seconds, peakRssBytes: kb ? Number(kb) * 1024 : undefined, stderr });
    });
  });
}
