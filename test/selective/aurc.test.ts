import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MetricInputError } from '../../src/core/errors';
import { aurc } from '../../src/selective/aurc';
import { augrc } from '../../src/selective/augrc';
import { eAurc } from '../../src/selective/eAurc';
import { expectError } from '../core/expectError';
import { expectedAreas } from './bruteForce';

describe('aurc', () => {
  it('is the mean selective risk of the k most confident examples, worked by hand', () => {
    // order by confidence: right, right, wrong, wrong → r = 0, 0, 1/3, 2/4
    expect(aurc([1, 1, 0, 0], [0.9, 0.8, 0.7, 0.6])).toBeCloseTo((1 / 3 + 1 / 2) / 4, 15);
    // wrong first: r = 1, 1/2, 1/3, 1/4
    expect(aurc([0, 1, 1, 1], [0.9, 0.8, 0.7, 0.6])).toBeCloseTo((1 + 1 / 2 + 1 / 3 + 1 / 4) / 4, 15);
  });

  it('averages over the orders within a tie, worked by hand', () => {
    // one tie of two, one right and one wrong: r_1 = 1/2 in expectation, r_2 = 1/2 → 1/2
    expect(aurc([1, 0], [0.5, 0.5])).toBeCloseTo(0.5, 15);
    // right (0.9), then a tie {wrong, right}: r = 0, (0 + 1/2)/2, 1/3 → (1/4 + 1/3)/3
    expect(aurc([1, 0, 1], [0.9, 0.4, 0.4])).toBeCloseTo((1 / 4 + 1 / 3) / 3, 15);
  });

  it('equals the brute-force average over every order of tied examples', () => {
    const cases: [number[], number[]][] = [
      [[1, 0, 1, 0, 0], [0.3, 0.3, 0.3, 0.1, 0.9]],
      [[0, 0, 1, 1, 1, 0], [0.5, 0.5, 0.5, 0.5, 0.2, 0.2]],
      [[1, 0, 1, 1, 0, 1], [0.1, 0.2, 0.2, 0.7, 0.7, 0.7]],
    ];
    for (const [correct, conf] of cases) {
      const expected = expectedAreas(correct.map((c) => 1 - c), conf);
      expect(aurc(correct, conf)).toBeCloseTo(expected.aurc, 12);
      expect(augrc(correct, conf)).toBeCloseTo(expected.augrc, 12);
      expect(eAurc(correct, conf)).toBeCloseTo(expected.aurc - expected.optimal, 12);
    }
  });

  it('equals the brute force for real-valued losses with ties', () => {
    const losses = [0.5, 2, 0, 1.25, 0.75];
    const conf = [0.4, 0.4, 0.8, 0.4, 0.8];
    const expected = expectedAreas(losses, conf);
    expect(aurc(losses, conf, { input: 'loss' })).toBeCloseTo(expected.aurc, 12);
    expect(augrc(losses, conf, { input: 'loss' })).toBeCloseTo(expected.augrc, 12);
    expect(eAurc(losses, conf, { input: 'loss' })).toBeCloseTo(expected.aurc - expected.optimal, 12);
  });

  it('is 0 when every prediction is right and 1 when every one is wrong', () => {
    expect(aurc([1, 1, 1], [0.1, 0.5, 0.9])).toBe(0);
    expect(aurc([0, 0, 0], [0.1, 0.5, 0.9])).toBe(1);
  });

  it('reduces to the error rate for a constant confidence', () => {
    expect(aurc([1, 0, 1, 1], [0.3, 0.3, 0.3, 0.3])).toBeCloseTo(0.25, 15);
  });

  it('rejects a NaN confidence', () => {
    expectError(() => aurc([1, 0], [0.2, NaN]), MetricInputError, 'aurc: confidence[1] is NaN');
  });
});

const examples = fc
  .array(fc.tuple(fc.boolean(), fc.integer({ min: 0, max: 20 })), { minLength: 1, maxLength: 60 })
  .map((pairs) => ({ correct: pairs.map((p) => p[0]), conf: pairs.map((p) => p[1] / 20) }));

describe('risk–coverage areas, properties', () => {
  it('aurc is at least the aurc of the best order, so eAurc >= 0', () => {
    fc.assert(
      fc.property(examples, ({ correct, conf }) => {
        expect(eAurc(correct, conf)).toBeGreaterThanOrEqual(0);
      }),
    );
  });

  it('a confidence that ranks every right example above every wrong one gives eAurc = 0', () => {
    fc.assert(
      fc.property(examples, fc.integer({ min: 1, max: 1000 }), ({ correct }, seed) => {
        const conf = correct.map((c, i) => (c ? 2 : 0) + ((seed * (i + 1)) % 97) / 100);
        expect(eAurc(correct, conf)).toBe(0);
      }),
    );
  });

  it('the areas are invariant to strictly increasing transforms of the confidence', () => {
    fc.assert(
      fc.property(examples, ({ correct, conf }) => {
        const t = conf.map((c) => Math.exp(3 * c) - 7);
        expect(aurc(correct, t)).toBeCloseTo(aurc(correct, conf), 12);
        expect(augrc(correct, t)).toBeCloseTo(augrc(correct, conf), 12);
        expect(eAurc(correct, t)).toBeCloseTo(eAurc(correct, conf), 12);
      }),
    );
  });

  it('the areas are invariant to permutations of the examples', () => {
    fc.assert(
      fc.property(examples, fc.integer({ min: 0, max: 1e6 }), ({ correct, conf }, seed) => {
        const idx = correct.map((_, i) => i).sort((a, b) => ((a * 7919 + seed) % 101) - ((b * 7919 + seed) % 101));
        const c2 = idx.map((i) => correct[i]);
        const f2 = idx.map((i) => conf[i]);
        expect(aurc(c2, f2)).toBeCloseTo(aurc(correct, conf), 12);
        expect(augrc(c2, f2)).toBeCloseTo(augrc(correct, conf), 12);
      }),
    );
  });

  it('the 0/1 path and the real-loss path agree on 0/1 losses', () => {
    fc.assert(
      fc.property(examples, ({ correct, conf }) => {
        // 1e-300 makes the losses real-valued without changing any sum.
        const losses = correct.map((c) => (c ? 0 : 1));
        const real = [...losses, 1e-300];
        const conf2 = [...conf, -1];
        expect(aurc(real, conf2, { input: 'loss' })).toBeCloseTo(aurc([...correct, true], conf2), 12);
      }),
    );
  });
});
