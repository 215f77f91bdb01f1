import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO, run } from './helpers/packedPackage';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const OUT = mkdtempSync(join(tmpdir(), 'tfjs-methodology-demo-'));

/**
 * Insurance for the README's first command, `npm ci && npm run demo`: the
 * walkthrough at full size, from the sources (no build), as a user runs it.
 */
describe('npm run demo', () => {
  afterAll(() => rmSync(OUT, { recursive: true, force: true }));

  it(
    'runs the methodology walkthrough: every step printed, no undefined value where one is defined, report.html written',
    async () => {
      const { code, stdout, stderr } = await run(npm, ['run', 'demo', '--silent'], {
        cwd: REPO,
        env: { ...process.env, TFJS_METHODOLOGY_OUT: OUT, TFJS_METHODOLOGY_QUICK: '' },
        timeoutMs: 300_000,
      });
      expect(stderr).toBe('');
      expect(code).toBe(0);
      for (const heading of [
        '1. The goal',
        '2. A baseline',
        '3. A first deep model, diagnosed',
        '4. The decision',
        '5. Tuning',
        '6. Debugging',
        '7. The report',
        'Verdict',
      ]) {
        expect(stdout).toContain(heading);
      }
      expect(stdout).not.toContain('quick mode');
      expect(stdout).toContain('gradient check (8-unit copy, 4 numbers)   passed');
      // Undefined metrics print as 'NaN (undefined)'; nothing else may be NaN, infinite or a JS undefined.
      expect(stdout.replaceAll('NaN (undefined)', '')).not.toMatch(/NaN|Infinity|undefined/);
      const report = join(OUT, 'report.html');
      expect(existsSync(report)).toBe(true);
      expect(readFileSync(report, 'utf8').split('<svg').length - 1).toBe(7);
    },
    360_000,
  );
});
