/**
 * The contract every pruner must pass: no pruning without reports or in an
 * empty study, determinism and no mutation, both directions, and use in a
 * real study where it stops bad trials and keeps the best.
 *
 * To add a pruner, append one entry to PRUNERS.
 */
import { describe, expect, it } from 'vitest';
import { createStudy } from '../../src/search/Study';
import { TrialPruned } from '../../src/search/errors';
import { hyperbandPruner } from '../../src/search/pruners/hyperbandPruner';
import { nopPruner } from '../../src/search/pruners/nopPruner';
import { medianPruner, percentilePruner } from '../../src/search/pruners/percentilePruner';
import { successiveHalvingPruner } from '../../src/search/pruners/successiveHalvingPruner';
import { randomSampler } from '../../src/search/samplers/randomSampler';
import type { Pruner } from '../../src/search/types';
import { curveTrial, loss, studyOf } from '../search/pruners/curves';

interface PrunerCase {
  readonly name: string;
  readonly make: () => Pruner;
  /** Whether it ever prunes (false for nopPruner). */
  readonly prunes: boolean;
}

export const PRUNERS: PrunerCase[] = [
  { name: 'nopPruner', make: () => nopPruner(), prunes: false },
  { name: 'medianPruner', make: () => medianPruner({ startupTrials: 3 }), prunes: true },
  { name: 'percentilePruner(25)', make: () => percentilePruner(25, { startupTrials: 3 }), prunes: true },
  { name: 'successiveHalvingPruner', make: () => successiveHalvingPruner({ minResource: 1, reductionFactor: 3 }), prunes: true },
  { name: 'hyperbandPruner', make: () => hyperbandPruner({ minResource: 1, maxResource: 27, reductionFactor: 3 }), prunes: true },
];

const done = Array.from({ length: 12 }, (_, i) => curveTrial(i, loss(i % 6, 30)));

for (const pc of PRUNERS) {
  describe(`${pc.name} (pruner contract)`, () => {
    it('never prunes a trial that has reported nothing, or the first trial of a study', () => {
      const p = pc.make();
      expect(p.prune(studyOf(done), curveTrial(12, [], 'running'))).toBe(false);
      const first = curveTrial(0, loss(100, 30), 'running');
      expect(p.prune(studyOf([first]), first)).toBe(false);
    });

    it('is deterministic and does not change the trials it reads', () => {
      const trials = [...done, curveTrial(12, loss(50, 10), 'running')];
      const copy = trials.map((t) => ({ ...t, intermediateValues: new Map(t.intermediateValues) }));
      const a = pc.make().prune(studyOf(trials), trials[12]!);
      expect(pc.make().prune(studyOf(trials), trials[12]!)).toBe(a);
      expect(trials).toEqual(copy);
    });

    it('never prunes a trial better than every other at every step, in both directions', () => {
      for (const sign of [1, -1]) {
        const flip = (c: number[]) => c.map((v) => sign * v);
        const others = Array.from({ length: 12 }, (_, i) => curveTrial(i, flip(loss(i % 6, 30))));
        const best = curveTrial(12, flip(loss(-5, 30)), 'running');
        expect(pc.make().prune(studyOf([...others, best], sign === 1 ? 'minimize' : 'maximize'), best)).toBe(false);
      }
    });

    it(`${pc.prunes ? 'stops bad curves' : 'stops nothing'} in a real study and keeps the best trial complete`, async () => {
      const study = await createStudy({ sampler: randomSampler({ seed: 1 }), pruner: pc.make() });
      let steps = 0;
      await study.optimize(
        (t) => {
          const a = t.suggestFloat('a', 0, 10);
          let v = 0;
          for (let step = 1; step <= 27; step++) {
            v = loss(a, step + 1)[step]!;
            t.report(v, step);
            steps++;
            if (t.shouldPrune()) throw new TrialPruned();
          }
          return v;
        },
        { trials: 40 },
      );
      const pruned = study.trials.filter((t) => t.state === 'pruned').length;
      if (pc.prunes) {
        expect(pruned).toBeGreaterThan(5);
        expect(steps).toBeLessThan(40 * 27 * 0.8);
      } else expect(pruned).toBe(0);
      // the best value of the study is that of the smallest a among complete trials
      const minA = Math.min(...study.trials.filter((t) => t.state === 'complete').map((t) => t.params.a as number));
      expect(study.bestParams.a).toBe(minA);
      for (const t of study.trials.filter((t) => t.state === 'pruned')) expect(t.value).toBe([...t.intermediateValues.values()].at(-1));
    });
  });
}
