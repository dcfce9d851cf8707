import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { screenshotDir, screenshotPath } from '../e2e/support/screenshot-path.ts';

describe('screenshotPath', () => {
  let scratch: string | undefined;
  afterEach(() => {
    if (scratch) rmSync(scratch, { recursive: true, force: true });
    scratch = undefined;
  });

  it('writes to a temporary folder when SCREENSHOT_DIR is unset', () => {
    const path = screenshotPath('en-00-intro.png', {});
    expect(path).toBe(join(tmpdir(), 'outcome-survey-screenshots', 'en-00-intro.png'));
    expect(existsSync(join(tmpdir(), 'outcome-survey-screenshots'))).toBe(true);
    expect(path).not.toContain(join('docs', 'screenshots'));
  });

  it('writes to SCREENSHOT_DIR when set, creating the folder', () => {
    scratch = mkdtempSync(join(tmpdir(), 'screenshot-path-'));
    const dir = join(scratch, 'nested', 'shots');
    expect(screenshotPath('dashboard.png', { SCREENSHOT_DIR: dir })).toBe(join(dir, 'dashboard.png'));
    expect(existsSync(dir)).toBe(true);
  });

  it('reads a relative SCREENSHOT_DIR from the current folder, as npm run screenshots passes it', () => {
    scratch = mkdtempSync(join(tmpdir(), 'screenshot-path-'));
    const dir = join(scratch, 'shots');
    expect(screenshotDir({ SCREENSHOT_DIR: relative(process.cwd(), dir) })).toBe(dir);
    expect(existsSync(dir)).toBe(true);
  });

  it('reads process.env by default', () => {
    scratch = mkdtempSync(join(tmpdir(), 'screenshot-path-'));
    const before = process.env.SCREENSHOT_DIR;
    process.env.SCREENSHOT_DIR = scratch;
    try {
      expect(screenshotPath('a.png')).toBe(join(scratch, 'a.png'));
    } finally {
      if (before === undefined) delete process.env.SCREENSHOT_DIR;
      else process.env.SCREENSHOT_DIR = before;
    }
  });
});
