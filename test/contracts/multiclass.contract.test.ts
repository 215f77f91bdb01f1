/**
 * The contract of the multiclass (one-vs-rest, one-vs-one) ranking metrics:
 * `averagePrecision` and `rocAuc` with an n×k score matrix.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MetricInputError } from '../../src/core/errors';
import { averagePrecision, rocAuc } from '../../src/metrics/index';
import { FC, expectClose, permutationOf, permute } from './helpers';

interface MulticlassData {
  yTrue: number[];
  probabilities: number[][];
  k: number;
}

/**
 * Every class 0..k-1 present; rows of small integers normalised to sum to 1
 * (heavy ties inside a column).
 */
function multiclassData(): fc.Arbitrary<MulticlassData> {
  return fc.integer({ min: 3, max: 5 }).chain((k) =>
    fc
      .array(fc.tuple(fc.integer({ min: 0, max: k - 1 }), fc.array(fc.integer({ min: 1, max: 4 }), { minLength: k, maxLength: k })), {
        minLength: 0,
        maxLength: 40,
      })
      .chain((extra) =>
        fc.array(fc.integer({ min: 1, max: 4 }), { minLength: k * k, maxLength: k * k }).map((firstRows) => {
          const rows: Array<[number, number[]]> = [
            ...Array.from({ length: k }, (_, c) => [c, firstRows.slice(c * k, c * k + k)] as [number, number[]]),
            ...extra,
          ];
          return {
            k,
            yTrue: rows.map((r) => r[0]),
            probabilities: rows.map((r) => {
              const sum = r[1].reduce((a, b) => a + b, 0);
              return r[1].map((v) => v / sum);
            }),
          };
        }),
      ),
  );
}

type Average = 'macro' | 'weighted' | 'micro';
const VARIANTS: Array<{ name: string; run: (y: unknown, p: unknown, o?: Record<string, unknown>) => number | Float64Array }> = [
  ...(['macro', 'weighted', 'micro', 'none'] as const).map((average) => ({
    name: `averagePrecision ${average}`,
    run: (y: unknown, p: unknown, o: Record<string, unknown> = {}) =>
      averagePrecision(y as number[], p as number[][], { ...o, average } as { average: Average }),
  })),
  ...(['macro', 'weighted', 'micro'] as const).map((average) => ({
    name: `rocAuc ovr ${average}`,
    run: (y: unknown, p: unknown, o: Record<string, unknown> = {}) =>
      rocAuc(y as number[], p as number[][], { ...o, multiClass: 'ovr', average }),
  })),
  ...(['macro', 'weighted'] as const).map((average) => ({
    name: `rocAuc ovo ${average}`,
    run: (y: unknown, p: unknown, o: Record<string, unknown> = {}) =>
      rocAuc(y as number[], p as number[][], { ...o, multiClass: 'ovo', average }),
  })),
];

const NAMES = ['delta', 'alpha', 'echo', 'bravo', 'charlie'];

describe.each(VARIANTS)('the multiclass metric $name', (m) => {
  it('is invariant to permutations of the examples', () => {
    fc.assert(
      fc.property(
        multiclassData().chain((d) => permutationOf(d.yTrue.length).map((order) => ({ d, order }))),
        ({ d, order }) => {
          expectClose(m.run(permute(d.yTrue, order), permute(d.probabilities, order)), m.run(d.yTrue, d.probabilities));
        },
      ),
      FC,
    );
  });

  it('reads nested arrays, a flat Float64Array with numClasses and a 2-D tensor identically', () => {
    fc.assert(
      fc.property(multiclassData(), (d) => {
        const reference = m.run(d.yTrue, d.probabilities);
        const flat = Float64Array.from(d.probabilities.flat());
        expectClose(m.run(d.yTrue, flat, { numClasses: d.k }), reference, 0);
        const tensor = { shape: [d.yTrue.length, d.k], dtype: 'float32', dataSync: () => Float32Array.from(flat) };
        // float32 rounding of the probabilities may break ties differently only if two
        // distinct float64 values round to one float32: not on this grid (i/j, j <= 20).
        expectClose(m.run(d.yTrue, tensor), reference, 1e-6);
        expectClose(m.run(Int32Array.from(d.yTrue), d.probabilities), reference, 0);
      }),
      { ...FC, numRuns: 30 },
    );
  });

  it('does not change when the classes are renamed, with the columns reordered to the new sorted order', () => {
    fc.assert(
      fc.property(multiclassData(), (d) => {
        const names = NAMES.slice(0, d.k);
        const sortedNames = [...names].sort();
        // Column j of the renamed matrix holds the scores of the class named sortedNames[j].
        const columnOf = sortedNames.map((name) => names.indexOf(name));
        const renamed = d.probabilities.map((row) => columnOf.map((c) => row[c]));
        const before = m.run(d.yTrue, d.probabilities);
        const after = m.run(d.yTrue.map((c) => names[c]), renamed);
        if (typeof before === 'number') expectClose(after, before, 1e-12);
        else expectClose(after, columnOf.map((c) => before[c]), 1e-12);
      }),
      { ...FC, numRuns: 30 },
    );
  });

  it('throws a MetricInputError naming yScore, row and column of a NaN score', () => {
    const p = [
      [0.2, 0.3, 0.5],
      [0.1, 0.8, NaN],
      [0.3, 0.3, 0.4],
    ];
    expect(() => m.run([0, 1, 2], p)).toThrow(MetricInputError);
    expect(() => m.run([0, 1, 2], p)).toThrow('yScore[1][2]');
  });

  it('throws a MetricInputError when the rows do not match the labels', () => {
    const p = [
      [0.2, 0.3, 0.5],
      [0.1, 0.8, 0.1],
    ];
    expect(() => m.run([0, 1, 2], p)).toThrow(MetricInputError);
  });

  it('throws a MetricInputError when the columns do not match the classes', () => {
    const p = [
      [0.5, 0.5],
      [0.1, 0.9],
      [0.3, 0.7],
    ];
    expect(() => m.run([0, 1, 2], p)).toThrow(MetricInputError);
  });
});

describe('one-vs-rest is the binary metric per column', () => {
  it('averagePrecision macro / weighted / none are the mean, support-weighted mean and list of the per-column binary APs', () => {
    fc.assert(
      fc.property(multiclassData(), (d) => {
        const perClass = Array.from({ length: d.k }, (_, c) =>
          averagePrecision(
            d.yTrue.map((y) => (y === c ? 1 : 0)),
            d.probabilities.map((row) => row[c]),
          ),
        );
        const support = Array.from({ length: d.k }, (_, c) => d.yTrue.filter((y) => y === c).length);
        const n = d.yTrue.length;
        expectClose(averagePrecision(d.yTrue, d.probabilities, { average: 'none' }), perClass, 1e-12);
        expectClose(averagePrecision(d.yTrue, d.probabilities, { average: 'macro' }), perClass.reduce((a, b) => a + b, 0) / d.k, 1e-12);
        expectClose(
          averagePrecision(d.yTrue, d.probabilities, { average: 'weighted' }),
          perClass.reduce((a, v, c) => a + (v * support[c]) / n, 0),
          1e-12,
        );
      }),
      FC,
    );
  });

  it('averagePrecision micro is the binary AP of all n·k (indicator, score) pairs', () => {
    fc.assert(
      fc.property(multiclassData(), (d) => {
        const indicators = d.yTrue.flatMap((y) => Array.from({ length: d.k }, (_, c) => (y === c ? 1 : 0)));
        const scores = d.probabilities.flat();
        expectClose(averagePrecision(d.yTrue, d.probabilities, { average: 'micro' }), averagePrecision(indicators, scores), 1e-12);
        expectClose(rocAuc(d.yTrue, d.probabilities, { multiClass: 'ovr', average: 'micro' }), rocAuc(indicators, scores), 1e-12);
      }),
      FC,
    );
  });

  it('rocAuc ovr macro is the mean of the per-column binary ROC AUCs', () => {
    fc.assert(
      fc.property(multiclassData(), (d) => {
        let sum = 0;
        for (let c = 0; c < d.k; c++) {
          sum += rocAuc(
            d.yTrue.map((y) => (y === c ? 1 : 0)),
            d.probabilities.map((row) => row[c]),
          );
        }
        expectClose(rocAuc(d.yTrue, d.probabilities, { multiClass: 'ovr', average: 'macro' }), sum / d.k, 1e-12);
      }),
      FC,
    );
  });

  it('rocAuc ovo macro is the mean over class pairs of the two one-vs-one AUCs averaged (Hand & Till)', () => {
    fc.assert(
      fc.property(multiclassData(), (d) => {
        let sum = 0;
        let pairs = 0;
        for (let a = 0; a < d.k; a++) {
          for (let b = a + 1; b < d.k; b++) {
            const idx = d.yTrue.map((y, i) => (y === a || y === b ? i : -1)).filter((i) => i >= 0);
            const aVsB = rocAuc(idx.map((i) => (d.yTrue[i] === a ? 1 : 0)), idx.map((i) => d.probabilities[i][a]));
            const bVsA = rocAuc(idx.map((i) => (d.yTrue[i] === b ? 1 : 0)), idx.map((i) => d.probabilities[i][b]));
            sum += (aVsB + bVsA) / 2;
            pairs++;
          }
        }
        expectClose(rocAuc(d.yTrue, d.probabilities, { multiClass: 'ovo', average: 'macro' }), sum / pairs, 1e-12);
      }),
      FC,
    );
  });

  it('averagePrecision is invariant to a strictly increasing transform of every score', () => {
    fc.assert(
      fc.property(multiclassData(), fc.constantFrom(1, 2, 3), (d, which) => {
        const f = which === 1 ? (x: number) => 5 * x - 2 : which === 2 ? Math.log : (x: number) => Math.sqrt(x);
        for (const average of ['macro', 'weighted', 'micro', 'none'] as const) {
          expectClose(
            averagePrecision(d.yTrue, d.probabilities.map((row) => row.map(f)), { average } as { average: 'macro' }),
            averagePrecision(d.yTrue, d.probabilities, { average } as { average: 'macro' }),
            1e-12,
          );
        }
      }),
      { ...FC, numRuns: 30 },
    );
  });
});

describe('multiclass input rules', () => {
  const rows = [
    [0.5, 0.3, 0.2],
    [0.2, 0.5, 0.3],
    [0.1, 0.1, 0.8],
  ];

  it('rocAuc needs probabilities: a row not summing to 1 is bad input, named by its index (as scikit-learn)', () => {
    const bad = [rows[0], [0.2, 0.5, 0.2], rows[2]];
    for (const multiClass of ['ovr', 'ovo'] as const) {
      expect(() => rocAuc([0, 1, 2], bad, { multiClass })).toThrow(MetricInputError);
      expect(() => rocAuc([0, 1, 2], bad, { multiClass })).toThrow('yScore[1]');
    }
  });

  it('averagePrecision takes any scores, not only probabilities', () => {
    expect(averagePrecision([0, 1, 2], rows.map((r) => r.map((v) => 10 * v - 3)))).toBe(averagePrecision([0, 1, 2], rows));
  });

  it('a label of yTrue missing from the given labels is bad input', () => {
    expect(() => averagePrecision([0, 1, 5], rows, { labels: [0, 1, 2] })).toThrow(MetricInputError);
    expect(() => averagePrecision([0, 1, 5], rows, { labels: [0, 1, 2] })).toThrow('yTrue[2]');
  });

  it('a class listed but absent from yTrue makes the one-vs-rest macro average undefined: NaN, or zeroDivision', () => {
    expect(rocAuc([0, 1, 1], rows, { labels: [0, 1, 2] })).toBeNaN();
    expect(averagePrecision([0, 1, 1], rows, { labels: [0, 1, 2] })).toBeNaN();
    expect(Array.from(averagePrecision([0, 1, 1], rows, { labels: [0, 1, 2], average: 'none' })).map(Number.isNaN)).toEqual([false, false, true]);
    const perClass = averagePrecision([0, 1, 1], rows, { labels: [0, 1, 2], average: 'none', zeroDivision: 0 });
    expect(perClass[2]).toBe(0);
    expect(averagePrecision([0, 1, 1], rows, { labels: [0, 1, 2], zeroDivision: 0 })).toBeCloseTo((perClass[0] + perClass[1]) / 3, 14);
  });
});
