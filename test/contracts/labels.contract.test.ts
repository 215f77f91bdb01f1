/**
 * The contract every label metric keeps (scikit-learn's test_common.py for
 * classification metrics): each property runs over every metric of the
 * registry, so a new label metric joins by adding one line.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MetricInputError } from '../../src/core/errors';
import {
  accuracy,
  balancedAccuracy,
  classificationReport,
  confusionMatrix,
  errorRate,
  expectedCost,
  f1,
  fBeta,
  matthewsCorrcoef,
  precision,
  precisionRecallFScoreSupport,
  recall,
} from '../../src/metrics/index';
import { FC, expectClose, labelData, permutationOf, permute, repeat, tensorLike } from './helpers';

type Labels = Parameters<typeof accuracy>[0];
type Options = { sampleWeight?: ArrayLike<number> };

interface LabelMetric {
  name: string;
  run(yTrue: Labels, yPred: Labels, options?: Options): unknown;
  /** The part of the result that renaming the classes must not change (drops the labels themselves). */
  relabelInvariant?(result: unknown): unknown;
}

const AVERAGES = ['micro', 'macro', 'weighted'] as const;
const numbersOnly = (r: unknown) => {
  const { labels: _labels, ...rest } = r as Record<string, unknown>;
  return rest;
};

const LABEL_METRICS: LabelMetric[] = [
  { name: 'accuracy', run: (y, p, o) => accuracy(y, p, o) },
  { name: 'accuracy with normalize false', run: (y, p, o) => accuracy(y, p, { ...o, normalize: false }) },
  { name: 'errorRate', run: (y, p, o) => errorRate(y, p, o) },
  { name: 'balancedAccuracy', run: (y, p, o) => balancedAccuracy(y, p, o) },
  { name: 'balancedAccuracy adjusted', run: (y, p, o) => balancedAccuracy(y, p, { ...o, adjusted: true }) },
  { name: 'matthewsCorrcoef', run: (y, p, o) => matthewsCorrcoef(y, p, o) },
  ...AVERAGES.flatMap((average): LabelMetric[] => [
    { name: `precision ${average}`, run: (y, p, o) => precision(y, p, { ...o, average }) },
    { name: `recall ${average}`, run: (y, p, o) => recall(y, p, { ...o, average }) },
    { name: `f1 ${average}`, run: (y, p, o) => f1(y, p, { ...o, average }) },
    { name: `fBeta(beta 2) ${average}`, run: (y, p, o) => fBeta(y, p, { ...o, average, beta: 2 }) },
    {
      name: `precisionRecallFScoreSupport ${average}`,
      run: (y, p, o) => precisionRecallFScoreSupport(y, p, { ...o, average }),
      relabelInvariant: numbersOnly,
    },
  ]),
  {
    name: 'confusionMatrix',
    run: (y, p, o) => confusionMatrix(y, p, o),
    // Renaming the classes reorders the rows and columns: compared in the relabelling test below.
  },
  {
    name: "confusionMatrix normalize 'true'",
    run: (y, p, o) => confusionMatrix(y, p, { ...o, normalize: 'true' }),
  },
  {
    name: 'expectedCost with a 0/1 cost matrix (= error rate)',
    run: (y, p, o) => {
      // A cost matrix for the classes present, in sorted order: 0 on the diagonal, 1 elsewhere.
      const k = new Set([...values(y), ...values(p)]).size;
      const cost = Array.from({ length: k }, (_, i) => Array.from({ length: k }, (_, j) => (i === j ? 0 : 1)));
      return expectedCost(y, p, cost, o);
    },
  },
];

/** The entries of a label input (array, typed array or tensor-like). */
function values(x: Labels): unknown[] {
  const t = x as { dataSync?: () => ArrayLike<unknown> };
  return typeof t.dataSync === 'function' ? Array.from(t.dataSync()) : Array.from(x as ArrayLike<unknown>);
}

/** Names for classes 0..4 whose sorted order differs from the numeric order. */
const NAMES = ['delta', 'alpha', 'echo', 'bravo', 'charlie'];

describe.each(LABEL_METRICS)('the label metric $name', (m) => {
  it('is invariant to permutations of the examples', () => {
    fc.assert(
      fc.property(
        labelData().chain((d) =>
          fc
            .tuple(permutationOf(d.yTrue.length), fc.array(fc.integer({ min: 1, max: 3 }), { minLength: d.yTrue.length, maxLength: d.yTrue.length }))
            .map(([order, w]) => ({ d, order, w })),
        ),
        ({ d, order, w }) => {
          const before = m.run(d.yTrue, d.yPred, { sampleWeight: w });
          const after = m.run(permute(d.yTrue, order), permute(d.yPred, order), { sampleWeight: permute(w, order) });
          expectClose(after, before);
        },
      ),
      FC,
    );
  });

  it('treats integer weights as repeated examples', () => {
    fc.assert(
      fc.property(
        labelData().chain((d) =>
          fc.array(fc.integer({ min: 1, max: 3 }), { minLength: d.yTrue.length, maxLength: d.yTrue.length }).map((w) => ({ d, w })),
        ),
        ({ d, w }) => {
          expectClose(m.run(d.yTrue, d.yPred, { sampleWeight: w }), m.run(repeat(d.yTrue, w), repeat(d.yPred, w)), 1e-12);
        },
      ),
      FC,
    );
  });

  it('gives the same result with all-ones weights as without weights', () => {
    fc.assert(
      fc.property(labelData(), (d) => {
        expectClose(m.run(d.yTrue, d.yPred, { sampleWeight: d.yTrue.map(() => 1) }), m.run(d.yTrue, d.yPred));
      }),
      FC,
    );
  });

  if (m.relabelInvariant !== undefined || !m.name.startsWith('confusionMatrix')) {
    it('does not change when the classes are renamed (numbers to strings in another sorted order)', () => {
      const part = m.relabelInvariant ?? ((r: unknown) => r);
      fc.assert(
        fc.property(labelData(), (d) => {
          const renamed = m.run(
            d.yTrue.map((c) => NAMES[c]),
            d.yPred.map((c) => NAMES[c]),
          );
          expectClose(part(renamed), part(m.run(d.yTrue, d.yPred)), 1e-12);
        }),
        FC,
      );
    });
  }

  it('gives identical results for number[], Int32Array, Float64Array and tensor labels', () => {
    fc.assert(
      fc.property(labelData(), (d) => {
        const reference = m.run(d.yTrue, d.yPred);
        expectClose(m.run(Int32Array.from(d.yTrue), Int32Array.from(d.yPred)), reference, 0);
        expectClose(m.run(Float64Array.from(d.yTrue), d.yPred), reference, 0);
        expectClose(m.run(tensorLike(d.yTrue, 'int32'), tensorLike(d.yPred, 'float32')), reference, 0);
      }),
      { ...FC, numRuns: 20 },
    );
  });

  it('gives identical results for boolean and 0/1 labels', () => {
    fc.assert(
      fc.property(labelData({ k: 2 }), (d) => {
        expectClose(
          m.run(
            d.yTrue.map((v) => v === 1),
            d.yPred.map((v) => v === 1),
          ),
          m.run(d.yTrue, d.yPred),
          0,
        );
      }),
      { ...FC, numRuns: 20 },
    );
  });

  it('does not mutate its inputs', () => {
    const y = [0, 1, 2, 1];
    const p = Int32Array.from([0, 2, 2, 1]);
    const w = [1, 2, 1, 1];
    m.run(y, p, { sampleWeight: w });
    expect(y).toEqual([0, 1, 2, 1]);
    expect(Array.from(p)).toEqual([0, 2, 2, 1]);
    expect(w).toEqual([1, 2, 1, 1]);
  });

  describe('throws a MetricInputError naming the function and the argument', () => {
    const expectInputError = (f: () => unknown, ...parts: string[]) => {
      let thrown: unknown;
      try {
        f();
      } catch (e) {
        thrown = e;
      }
      expect(thrown).toBeInstanceOf(MetricInputError);
      // The message starts with the public function's name (not an internal helper's).
      expect((thrown as Error).message).toMatch(new RegExp(`^${m.name.match(/^[A-Za-z0-9]+/)![0]}[.:]`));
      for (const part of parts) expect((thrown as Error).message).toContain(part);
    };

    it('for empty input', () => {
      expectInputError(() => m.run([], []), 'empty');
    });

    it('for a length mismatch', () => {
      expectInputError(() => m.run([0, 1, 1], [0, 1]), 'yTrue', 'yPred');
    });

    it('for a NaN label, with its index', () => {
      expectInputError(() => m.run([0, 1, NaN], [0, 1, 1]), 'yTrue[2]', 'NaN');
      expectInputError(() => m.run([0, 1, 1], [0, NaN, 1]), 'yPred[1]', 'NaN');
    });

    it('for labels mixing numbers and strings', () => {
      expectInputError(() => m.run([0, 'cat', 1] as unknown as number[], [0, 1, 1]), 'yTrue[1]');
    });

    it('for a negative or NaN weight, with its index', () => {
      expectInputError(() => m.run([0, 1, 1], [0, 1, 0], { sampleWeight: [1, -2, 1] }), 'sampleWeight[1]', '-2');
      expectInputError(() => m.run([0, 1, 1], [0, 1, 0], { sampleWeight: [1, 1, NaN] }), 'sampleWeight[2]', 'NaN');
    });

    it('for a weight array of the wrong length', () => {
      expectInputError(() => m.run([0, 1, 1], [0, 1, 0], { sampleWeight: [1, 1] }), 'sampleWeight');
    });
  });
});

describe('relations between the label metrics', () => {
  const weighted = labelData().chain((d) =>
    fc.array(fc.integer({ min: 0, max: 3 }), { minLength: d.yTrue.length, maxLength: d.yTrue.length }).map((w) => ({ ...d, w })),
  );

  it('micro-averaged precision, recall and F1 equal the accuracy for single-label multiclass data', () => {
    fc.assert(
      fc.property(weighted, ({ yTrue, yPred, w }) => {
        fc.pre(w.some((v) => v > 0));
        const acc = accuracy(yTrue, yPred, { sampleWeight: w });
        expect(f1(yTrue, yPred, { average: 'micro', sampleWeight: w })).toBeCloseTo(acc, 12);
        expect(precision(yTrue, yPred, { average: 'micro', sampleWeight: w })).toBeCloseTo(acc, 12);
        expect(recall(yTrue, yPred, { average: 'micro', sampleWeight: w })).toBeCloseTo(acc, 12);
      }),
      FC,
    );
  });

  it('f1 equals fBeta with beta 1, for every average', () => {
    fc.assert(
      fc.property(weighted, fc.constantFrom('micro', 'macro', 'weighted', 'none') as fc.Arbitrary<'micro' | 'macro' | 'weighted' | 'none'>, fc.constantFrom(undefined, 0, 1), ({ yTrue, yPred, w }, average, zeroDivision) => {
        fc.pre(w.some((v) => v > 0));
        const options = { average, sampleWeight: w, zeroDivision };
        expectClose(f1(yTrue, yPred, options), fBeta(yTrue, yPred, { ...options, beta: 1 }), 0);
      }),
      FC,
    );
  });

  it('f1 equals fBeta with beta 1 for binary labels and posLabel', () => {
    fc.assert(
      fc.property(labelData({ k: 2 }), fc.constantFrom(0, 1), ({ yTrue, yPred }, posLabel) => {
        expectClose(f1(yTrue, yPred, { posLabel }), fBeta(yTrue, yPred, { posLabel, beta: 1 }), 0);
      }),
      FC,
    );
  });

  it('F-beta is the weighted harmonic mean of precision and recall wherever both are defined and not both 0', () => {
    fc.assert(
      fc.property(weighted, fc.constantFrom(0.5, 1, 2, 3), ({ yTrue, yPred, w }, beta) => {
        fc.pre(w.some((v) => v > 0));
        const p = precision(yTrue, yPred, { average: 'none', sampleWeight: w });
        const r = recall(yTrue, yPred, { average: 'none', sampleWeight: w });
        const f = fBeta(yTrue, yPred, { average: 'none', sampleWeight: w, beta });
        for (let i = 0; i < f.length; i++) {
          if (Number.isNaN(p[i]) || Number.isNaN(r[i]) || p[i] + r[i] === 0) continue;
          expect(f[i]).toBeCloseTo(((1 + beta * beta) * p[i] * r[i]) / (beta * beta * p[i] + r[i]), 12);
        }
      }),
      FC,
    );
  });

  it('errorRate is 1 − accuracy', () => {
    fc.assert(
      fc.property(weighted, ({ yTrue, yPred, w }) => {
        fc.pre(w.some((v) => v > 0));
        expect(errorRate(yTrue, yPred, { sampleWeight: w })).toBeCloseTo(1 - accuracy(yTrue, yPred, { sampleWeight: w }), 14);
        expect(errorRate(yTrue, yPred)).toBeCloseTo(1 - accuracy(yTrue, yPred), 14);
      }),
      FC,
    );
  });

  it('accuracy is the trace of the confusion matrix over its total', () => {
    fc.assert(
      fc.property(weighted, ({ yTrue, yPred, w }) => {
        fc.pre(w.some((v) => v > 0));
        const { matrix } = confusionMatrix(yTrue, yPred, { sampleWeight: w });
        let trace = 0;
        let total = 0;
        matrix.forEach((row, i) => row.forEach((v, j) => ((total += v), i === j && (trace += v))));
        expect(accuracy(yTrue, yPred, { sampleWeight: w })).toBeCloseTo(trace / total, 12);
        expect(accuracy(yTrue, yPred, { sampleWeight: w, normalize: false })).toBeCloseTo(trace, 12);
      }),
      FC,
    );
  });

  it('balanced accuracy is the macro-averaged recall over the classes present in yTrue', () => {
    fc.assert(
      fc.property(labelData(), ({ yTrue, yPred }) => {
        const present = [...new Set(yTrue)].sort((a, b) => a - b);
        const r = recall(yTrue, yPred, { average: 'macro', labels: present });
        expect(balancedAccuracy(yTrue, yPred)).toBeCloseTo(r, 12);
      }),
      FC,
    );
  });

  it('per-class values and the confusion matrix follow the classes when they are renamed', () => {
    fc.assert(
      fc.property(labelData(), ({ yTrue, yPred, k }) => {
        const classes = Array.from({ length: k }, (_, i) => i);
        const names = classes.map((c) => NAMES[c]);
        const rt = yTrue.map((c) => NAMES[c]);
        const rp = yPred.map((c) => NAMES[c]);
        for (const f of [precision, recall, f1] as const) {
          expectClose(f(rt, rp, { average: 'none', labels: names }), f(yTrue, yPred, { average: 'none', labels: classes }), 0);
        }
        const a = confusionMatrix(yTrue, yPred, { labels: classes });
        const b = confusionMatrix(rt, rp, { labels: names });
        expectClose(b.matrix, a.matrix, 0);
        expect(b.labels).toEqual(names);
      }),
      FC,
    );
  });

  it('the confusion matrix lists labels sorted (10 after 9; strings by code point) and its rows sum to the true counts', () => {
    const cm = confusionMatrix([10, 9, 1, 10, 2], [9, 9, 1, 10, 10]);
    expect(cm.labels).toEqual([1, 2, 9, 10]);
    expect(cm.matrix.map((row) => Array.from(row))).toEqual([
      [1, 0, 0, 0],
      [0, 0, 0, 1],
      [0, 0, 1, 0],
      [0, 0, 1, 1],
    ]);
    expect(confusionMatrix(['b', 'B', 'a'], ['a', 'a', 'a']).labels).toEqual(['B', 'a', 'b']);
  });

  it('the classification report agrees with precisionRecallFScoreSupport row by row', () => {
    fc.assert(
      fc.property(labelData({ minLength: 1 }), ({ yTrue, yPred }) => {
        const report = classificationReport(yTrue, yPred, { outputDict: true, zeroDivision: 0 }) as unknown as Record<
          string,
          { precision: number; recall: number; 'f1-score': number; support: number }
        >;
        const per = precisionRecallFScoreSupport(yTrue, yPred, { average: 'none', zeroDivision: 0 });
        per.labels.forEach((label, i) => {
          const row = report[String(label)];
          expect(row.precision).toBeCloseTo(per.precision[i], 12);
          expect(row.recall).toBeCloseTo(per.recall[i], 12);
          expect(row['f1-score']).toBeCloseTo(per.fScore[i], 12);
          expect(row.support).toBe(per.support[i]);
        });
        for (const [key, average] of [
          ['macro avg', 'macro'],
          ['weighted avg', 'weighted'],
        ] as const) {
          const avg = precisionRecallFScoreSupport(yTrue, yPred, { average, zeroDivision: 0 });
          expect(report[key].precision).toBeCloseTo(avg.precision, 12);
          expect(report[key].recall).toBeCloseTo(avg.recall, 12);
          expect(report[key]['f1-score']).toBeCloseTo(avg.fScore, 12);
        }
      }),
      { ...FC, numRuns: 30 },
    );
  });
});
