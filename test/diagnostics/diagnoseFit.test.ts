import { describe, expect, it } from 'vitest';
import { diagnoseFit, type DiagnoseFitInput, type FitVerdict } from '../../src/diagnostics/diagnoseFit';
import { DiagnosticsInputError } from '../../src/diagnostics/errors';

const UNDER = ['increase-capacity', 'train-longer', 'check-for-bugs'];
const OVER = ['more-data', 'regularize', 'reduce-capacity'];

describe('diagnoseFit', () => {
  // [case, input, verdict, targetReachable, recommendation ids]
  const table: [string, DiagnoseFitInput, FitVerdict, boolean, string[]][] = [
    ['both errors near the target', { trainError: 0.02, validationError: 0.03, targetError: 0.05 }, 'good', true, ['target-met']],
    ['high training error, small gap', { trainError: 0.15, validationError: 0.16, targetError: 0.05 }, 'underfitting', true, UNDER],
    ['low training error, large gap', { trainError: 0.02, validationError: 0.12, targetError: 0.05 }, 'overfitting', true, OVER],
    ['high training error and a large gap', { trainError: 0.15, validationError: 0.3, targetError: 0.05 }, 'underfitting-and-overfitting', true, [...UNDER, ...OVER]],
    ['training error exactly tolerance above the target (not more)', { trainError: 0.375, validationError: 0.375, targetError: 0.25, tolerance: 0.125 }, 'good', true, ['target-met']],
    ['a large gap while validation error is still within the tolerance of the target', { trainError: 0, validationError: 0.06, targetError: 0.05 }, 'good', true, ['target-met']],
    ['validation error below training error', { trainError: 0.1, validationError: 0.08, targetError: 0.05 }, 'underfitting', true, UNDER],
    ['tolerance 0: any excess counts', { trainError: 0.06, validationError: 0.07, targetError: 0.05, tolerance: 0 }, 'underfitting-and-overfitting', true, [...UNDER, ...OVER]],
    ['a Bayes error above the target, training near it', { trainError: 0.1, validationError: 0.11, targetError: 0.05, bayesError: 0.09 }, 'good', false, ['target-unreachable', 'target-met']],
    ['a Bayes error above the target, training far above it', { trainError: 0.2, validationError: 0.21, targetError: 0.05, bayesError: 0.09 }, 'underfitting', false, ['target-unreachable', ...UNDER]],
    ['a Bayes error above the target and a gap above the Bayes error', { trainError: 0.09, validationError: 0.2, targetError: 0.05, bayesError: 0.09 }, 'overfitting', false, ['target-unreachable', ...OVER]],
    ['a Bayes error below the target', { trainError: 0.06, validationError: 0.065, targetError: 0.05, bayesError: 0.01 }, 'good', true, ['target-met']],
    ['a Bayes error equal to the target', { trainError: 0.1, validationError: 0.1, targetError: 0.05, bayesError: 0.05 }, 'underfitting', true, UNDER],
  ];
  it.each(table)('judges %s', (_, input, verdict, targetReachable, ids) => {
    const d = diagnoseFit(input);
    expect(d.verdict).toBe(verdict);
    expect(d.targetReachable).toBe(targetReachable);
    expect(d.recommendations.map((r) => r.id)).toEqual(ids);
    for (const r of d.recommendations) expect(r.text.length).toBeGreaterThan(20);
  });

  it('defines avoidableBias against the Bayes error, or the target when no Bayes error is given, and variance as the gap', () => {
    const a = diagnoseFit({ trainError: 0.15, validationError: 0.25, targetError: 0.05 });
    expect(a.avoidableBias).toBeCloseTo(0.1, 15);
    expect(a.variance).toBeCloseTo(0.1, 15);
    const b = diagnoseFit({ trainError: 0.15, validationError: 0.25, targetError: 0.05, bayesError: 0.01 });
    expect(b.avoidableBias).toBeCloseTo(0.14, 15);
    const c = diagnoseFit({ trainError: 0.08, validationError: 0.1, targetError: 0.05, bayesError: 0.1 });
    expect(c.avoidableBias).toBeCloseTo(-0.02, 15);
  });

  it('reports the reference max(target, bayes) and the tolerance it judged with', () => {
    expect(diagnoseFit({ trainError: 0.1, validationError: 0.1, targetError: 0.05 })).toMatchObject({ reference: 0.05, tolerance: 0.02 });
    expect(diagnoseFit({ trainError: 0.1, validationError: 0.1, targetError: 0.05, bayesError: 0.07, tolerance: 0.01 })).toMatchObject({ reference: 0.07, tolerance: 0.01 });
  });

  it('says in words that an unreachable target cannot be reached', () => {
    const d = diagnoseFit({ trainError: 0.1, validationError: 0.11, targetError: 0.05, bayesError: 0.09 });
    expect(d.recommendations[0].text).toMatch(/target error 0\.05 is below the Bayes error 0\.09: no model can reach it/);
    expect(d.recommendations[1].text).toMatch(/near the best possible/);
  });

  it('rejects errors that are not finite numbers >= 0 with DiagnosticsInputError naming the argument', () => {
    expect(() => diagnoseFit({ trainError: NaN, validationError: 0.1, targetError: 0.05 })).toThrow('diagnoseFit: trainError is NaN, expected a finite number >= 0');
    expect(() => diagnoseFit({ trainError: 0.1, validationError: -0.1, targetError: 0.05 })).toThrow('diagnoseFit: validationError is -0.1');
    expect(() => diagnoseFit({ trainError: 0.1, validationError: 0.1, targetError: Infinity })).toThrow('diagnoseFit: targetError is Infinity');
    expect(() => diagnoseFit({ trainError: 0.1, validationError: 0.1, targetError: 0.1, bayesError: '0.1' as never })).toThrow('diagnoseFit: bayesError is "0.1"');
    expect(() => diagnoseFit({ trainError: 0.1, validationError: 0.1, targetError: 0.1, tolerance: -1 })).toThrow(DiagnosticsInputError);
    expect(() => diagnoseFit(undefined as never)).toThrow(DiagnosticsInputError);
  });
});
