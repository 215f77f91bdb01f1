import { describe, expect, it } from 'vitest';
import { REPO, run } from './helpers/packedPackage';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/** Insurance for the README's first command, `npm ci && npm run demo`. */
describe('npm run demo', () => {
  it(
    'exits 0 and prints the whole rare-event report without an undefined value where one is defined',
    async () => {
      const { code, stdout, stderr } = await run(npm, ['run', 'demo', '--silent'], { cwd: REPO, timeoutMs: 120_000 });
      expect(stderr).toBe('');
      expect(code).toBe(0);
      for (const heading of ['1. Accuracy', '2. Ranking quality', '3. The threshold', '4. How sure are we?']) {
        expect(stdout).toContain(heading);
      }
      // Only the always-negative model's precision is undefined; nothing else is NaN, Infinity or a JS undefined.
      expect(stdout.split('NaN (undefined)').length - 1).toBe(1);
      expect(stdout.replace('NaN (undefined)', '')).not.toMatch(/NaN|Infinity|undefined/);
    },
    180_000,
  );
});
