import { describe, expect, it } from 'vitest';
import { medianPruner, percentilePruner } from '../../../src/search/pruners/percentilePruner';
import { successiveHalvingPruner } from '../../../src/search/pruners/successiveHalvingPruner';
import { hyperbandBracket, hyperbandPruner } from '../../../src/search/pruners/hyperbandPruner';
import { nopPruner } from '../../../src/search/pruners/nopPruner';
import { SearchError } from '../../../src/search/errors';
import { curveTrial, loss, studyOf } from './curves';

const five = [0, 1, 2, 3, 4].map((a, i) => curveTrial(i, loss(a, 10)));

describe('medianPruner', () => {
  it('prunes a curve above the median of the complete curves and keeps one below', () => {
    const p = medianPruner();
    // median at step 2 of a + 1/3 over a = 0..4 is 2.333
    expect(p.prune(studyOf([...five, curveTrial(5, loss(2.1, 3), 'running')]), curveTrial(5, loss(2.1, 3), 'running'))).toBe(true);
    expect(p.prune(studyOf(five), curveTrial(5, loss(1.9, 3), 'running'))).toBe(false);
  });
  it('uses the best value of the trial so far, not the last', () => {
    const bumpy = curveTrial(5, [0.5, 9, 9], 'running');
    expect(medianPruner().prune(studyOf(five), bumpy)).toBe(false);
  });
  it('waits for startupTrials complete trials, warmupSteps and minTrials', () => {
    const bad = curveTrial(9, loss(100, 3), 'running');
    expect(medianPruner().prune(studyOf(five.slice(0, 4)), bad)).toBe(false);
    expect(medianPruner({ startupTrials: 4 }).prune(studyOf(five.slice(0, 4)), bad)).toBe(true);
    expect(medianPruner({ warmupSteps: 3 }).prune(studyOf(five), bad)).toBe(false);
    expect(medianPruner({ minTrials: 6 }).prune(studyOf(five), bad)).toBe(false);
    expect(medianPruner({ intervalSteps: 2 }).prune(studyOf(five), curveTrial(9, loss(100, 2), 'running'))).toBe(false);
    expect(medianPruner().prune(studyOf(five), curveTrial(9, [], 'running'))).toBe(false);
  });
  it('mirrors the rule when maximising', () => {
    const acc = [0, 1, 2, 3, 4].map((a, i) => curveTrial(i, loss(a, 5).map((v) => -v)));
    expect(medianPruner().prune(studyOf(acc, 'maximize'), curveTrial(5, loss(3, 3).map((v) => -v), 'running'))).toBe(true);
    expect(medianPruner().prune(studyOf(acc, 'maximize'), curveTrial(5, loss(1, 3).map((v) => -v), 'running'))).toBe(false);
  });
  it('percentilePruner(25) is stricter than the median', () => {
    const t = curveTrial(5, loss(1.5, 3), 'running');
    expect(medianPruner().prune(studyOf(five), t)).toBe(false);
    expect(percentilePruner(25).prune(studyOf(five), t)).toBe(true);
  });
  it('rejects bad options', () => {
    expect(() => percentilePruner(120)).toThrow(SearchError);
    expect(() => medianPruner({ startupTrials: -1 })).toThrow('medianPruner: startupTrials is -1');
  });
});

describe('successiveHalvingPruner', () => {
  const sha = successiveHalvingPruner({ minResource: 1, reductionFactor: 2 });
  it('lets the first trial through every rung', () => {
    const first = curveTrial(0, loss(5, 9), 'running');
    expect(sha.prune(studyOf([first]), first)).toBe(false);
  });
  it('prunes at a rung a trial outside the best 1/eta of the trials that reached it', () => {
    const done = [0, 1, 2, 3].map((a, i) => curveTrial(i, loss(a, 9)));
    // rung 0 is step 1: five values (four done and this one); only the best floor(5/2) = 2 go on
    expect(sha.prune(studyOf(done), curveTrial(4, loss(1.5, 2), 'running'))).toBe(true);
    expect(sha.prune(studyOf(done), curveTrial(4, loss(0.5, 2), 'running'))).toBe(false);
    // rung 2 is step 4: still second best of five there, so it goes on
    expect(sha.prune(studyOf(done), curveTrial(4, loss(0.5, 5), 'running'))).toBe(false);
    // a trial before the first rung is never pruned
    expect(sha.prune(studyOf(done), curveTrial(4, loss(100, 1), 'running'))).toBe(false);
  });
  it('compares with pruned trials too, at the rungs they reached', () => {
    const pruned = [0, 1, 2].map((a, i) => curveTrial(i, loss(a, 2), 'pruned'));
    expect(sha.prune(studyOf(pruned), curveTrial(3, loss(2.5, 2), 'running'))).toBe(true);
  });
  it("with minResource 'auto' waits for a complete trial", () => {
    const p = successiveHalvingPruner({ reductionFactor: 2 });
    const bad = curveTrial(3, loss(50, 3), 'running');
    const pruned = [0, 1, 2].map((a, i) => curveTrial(i, loss(a, 3), 'pruned'));
    expect(p.prune(studyOf(pruned), bad)).toBe(false);
    expect(p.prune(studyOf([...pruned, curveTrial(4, loss(0, 300))]), bad)).toBe(true);
  });
  it('rejects a reduction factor below 2', () => {
    expect(() => successiveHalvingPruner({ reductionFactor: 1 })).toThrow('successiveHalvingPruner: reductionFactor is 1');
  });
});

describe('hyperbandPruner', () => {
  it('spreads trials over floor(log_eta(R/r)) + 1 brackets in proportion to their budgets', () => {
    // R = 27, r = 1, eta = 3: 4 brackets with budgets ceil(4·3^s/(s+1)) = 27, 12, 6, 4
    const counts = [0, 0, 0, 0];
    for (let n = 0; n < 49000; n++) counts[hyperbandBracket('s', n, 4, 3)]!++;
    expect(counts.map((c) => Math.round(c / 1000))).toEqual([27, 12, 6, 4]);
  });
  it('prunes bad curves in aggressive brackets and never in the last one', () => {
    const p = hyperbandPruner({ minResource: 1, maxResource: 27, reductionFactor: 3 });
    const trials = Array.from({ length: 60 }, (_, i) => curveTrial(i, loss(i % 10, 28)));
    let prunedSomewhere = false;
    // a trial asks after every report, as in a training loop
    const prunedWhileTraining = (n: number, curve: number[]) =>
      curve.some((_, k) => {
        const t = curveTrial(n, curve.slice(0, k + 1), 'running');
        return p.prune(studyOf([...trials, t]), t);
      });
    for (let n = 60; n < 100; n++) {
      const pr = prunedWhileTraining(n, loss(50, 28));
      if (hyperbandBracket('synthetic', n, 4, 3) === 3) expect(pr).toBe(false);
      else prunedSomewhere ||= pr;
      expect(prunedWhileTraining(n, loss(-1, 28))).toBe(false);
    }
    expect(prunedSomewhere).toBe(true);
  });
  it("with maxResource 'auto' takes one more than the largest complete step, as Optuna", () => {
    const trials = Array.from({ length: 30 }, (_, i) => curveTrial(i, loss(i % 10, 27))); // steps 0..26
    const auto = hyperbandPruner({ minResource: 1, reductionFactor: 3 });
    const fixed = hyperbandPruner({ minResource: 1, maxResource: 27, reductionFactor: 3 });
    for (let n = 30; n < 60; n++) {
      for (let k = 1; k <= 26; k++) {
        const t = curveTrial(n, loss(n % 7, k + 1), 'running');
        expect(auto.prune(studyOf([...trials, t]), t)).toBe(fixed.prune(studyOf([...trials, t]), t));
      }
    }
    const none = curveTrial(0, loss(9, 5), 'running');
    expect(hyperbandPruner().prune(studyOf([none]), none)).toBe(false);
  });
  it('rejects maxResource below minResource', () => {
    expect(() => hyperbandPruner({ minResource: 4, maxResource: 2 })).toThrow('hyperbandPruner: maxResource is 2, expected >= minResource (4)');
  });
});

describe('nopPruner', () => {
  it('never prunes', () => {
    expect(nopPruner().prune(studyOf(five), curveTrial(5, loss(100, 9), 'running'))).toBe(false);
  });
});

describe('pruner check points', () => {
  it('medianPruner checks at the first report of each interval, even off the multiples', () => {
    const p = medianPruner({ intervalSteps: 3 });
    const at = (steps: number[]) => {
      const t = curveTrial(9, [], 'running');
      const iv = new Map(steps.map((s) => [s, 100]));
      return p.prune(studyOf(five), { ...t, intermediateValues: iv });
    };
    expect(at([0])).toBe(true); // first report of [0, 3)
    expect(at([0, 1])).toBe(false); // same interval, already checked
    expect(at([0, 4])).toBe(true); // first report of [3, 6), at step 4
    expect(at([0, 4, 5])).toBe(false);
  });
  it('successiveHalvingPruner does not revisit a promotion when better trials arrive later', () => {
    const sha = successiveHalvingPruner({ minResource: 1, reductionFactor: 2 });
    const t = curveTrial(0, [5, 5, 5, 5], 'running'); // promoted at the rungs of steps 1 and 2 when it was alone
    const better = [1, 2, 3].map((n) => curveTrial(n, [0, 0, 0, 0]));
    expect(sha.prune(studyOf([t, ...better]), t)).toBe(false); // at step 3 no rung is due; those passed stand
    const next = curveTrial(0, [5, 5, 5, 5, 5], 'running'); // reaches rung 4 now: judged against them
    expect(sha.prune(studyOf([next, ...better.map((b, i) => curveTrial(i + 1, [0, 0, 0, 0, 0]))]), next)).toBe(true);
  });
});
