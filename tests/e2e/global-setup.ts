import { execFileSync } from 'node:child_process';

// Browser tests run against the real build, made once per test run.
export default function setup(): void {
  execFileSync('npm', ['run', 'build'], { stdio: 'inherit' });
}
