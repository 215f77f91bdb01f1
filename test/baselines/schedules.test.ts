import { describe, expect, it } from 'vitest';
import { constant, cosineDecay, exponentialDecay, linearWarmup, oneCycle, stepDecay } from '../../src/baselines/index';
import { InvalidOptionError } from '../../src/datasets/index';
import { expectError } from '../core/expectError';

describe('learning-rate schedules', () => {
  it('constant returns its rate at every step', () => {
    const s = constant(0.01);
    expect([s(0), s(7), s(1e6)]).toEqual([0.01, 0.01, 0.01]);
  });
  it('stepDecay multiplies by factor every `every` steps', () => {
    const s = stepDecay({ initialLearningRate: 0.1, factor: 0.5, every: 10 });
    expect([s(0), s(9), s(10), s(25)]).toEqual([0.1, 0.1, 0.05, 0.025]);
    expect(stepDecay({ initialLearningRate: 1, every: 2 })(4)).toBeCloseTo(0.01, 15);
  });
  it('exponentialDecay follows lr0 · decayRate^(step / decaySteps), floored with staircase', () => {
    const s = exponentialDecay({ initialLearningRate: 0.1, decayRate: 0.5, decaySteps: 100 });
    expect(s(0)).toBe(0.1);
    expect(s(50)).toBeCloseTo(0.1 * Math.SQRT1_2, 15);
    expect(s(200)).toBeCloseTo(0.025, 15);
    const st = exponentialDecay({ initialLearningRate: 0.1, decayRate: 0.5, decaySteps: 100, staircase: true });
    expect([st(99), st(100), st(250)]).toEqual([0.1, 0.05, 0.025]);
  });
  it('cosineDecay follows Keras: half-way is the mean of start and floor, and it stays at the floor', () => {
    const s = cosineDecay({ initialLearningRate: 0.1, decaySteps: 100, alpha: 0.1 });
    expect(s(0)).toBeCloseTo(0.1, 15);
    expect(s(50)).toBeCloseTo(0.1 * (0.9 * 0.5 + 0.1), 15);
    expect(s(25)).toBeCloseTo(0.1 * (0.9 * 0.5 * (1 + Math.cos(Math.PI / 4)) + 0.1), 15);
    expect(s(100)).toBeCloseTo(0.01, 15);
    expect(s(500)).toBeCloseTo(0.01, 15);
  });
  it('cosineDecay with restarts restarts at the end of each period, periods growing by tMul and peaks by mMul', () => {
    // Periods of 10, 20, 40 steps: restarts at steps 10 and 30.
    const s = cosineDecay({ initialLearningRate: 1, decaySteps: 10, restarts: { tMul: 2, mMul: 0.5 } });
    expect(s(0)).toBeCloseTo(1, 12);
    expect(s(5)).toBeCloseTo(0.5, 12);
    expect(s(10)).toBeCloseTo(0.5, 12); // second period starts at the peak 0.5
    expect(s(20)).toBeCloseTo(0.25, 12); // its middle: half of 0.5
    expect(s(30)).toBeCloseTo(0.25, 12); // third period peak 0.25
    const equal = cosineDecay({ initialLearningRate: 1, decaySteps: 10, restarts: { tMul: 1 } });
    expect(equal(15)).toBeCloseTo(0.5, 12);
    expect(equal(20)).toBeCloseTo(1, 12);
    expect(cosineDecay({ initialLearningRate: 1, decaySteps: 10, restarts: true })(10)).toBeCloseTo(1, 12);
  });
  it('linearWarmup rises linearly from 0 (or initialLearningRate) and then runs the schedule from its step 0', () => {
    const s = linearWarmup(stepDecay({ initialLearningRate: 0.1, factor: 0.5, every: 10 }), { warmupSteps: 10 });
    expect([s(0), s(5), s(10), s(19), s(20)]).toEqual([0, 0.05, 0.1, 0.1, 0.05]);
    const t = linearWarmup(constant(0.1), { warmupSteps: 4, initialLearningRate: 0.02 });
    expect(t(0)).toBe(0.02);
    expect(t(2)).toBeCloseTo(0.06, 15);
  });
  it('oneCycle matches PyTorch OneCycleLR: start at max/div, peak at pctStart·total − 1, end at start/finalDiv', () => {
    const s = oneCycle({ maxLearningRate: 0.1, totalSteps: 100, pctStart: 0.5 });
    expect(s(0)).toBeCloseTo(0.004, 15);
    expect(s(49)).toBeCloseTo(0.1, 15);
    expect(s(99)).toBeCloseTo(4e-7, 15);
    expect(s(150)).toBeCloseTo(4e-7, 15);
    // Half-way through the rise: the mean of start and peak (cosine annealing).
    expect(s(24.5)).toBeCloseTo((0.004 + 0.1) / 2, 15);
    // Default pctStart 0.3, linear: peak at step 29.
    const lin = oneCycle({ maxLearningRate: 1, totalSteps: 100, annealStrategy: 'linear' });
    expect(lin(29)).toBeCloseTo(1, 15);
    expect(lin(64)).toBeCloseTo(1 + (0.04 / 1e4 - 1) * (35 / 70), 12);
  });
  it('schedules reject bad options and bad steps with an InvalidOptionError', () => {
    expectError(() => constant(0), InvalidOptionError, 'constant: learningRate is 0, expected a finite number > 0');
    expectError(() => stepDecay({ initialLearningRate: 0.1, every: 0 }), InvalidOptionError, 'stepDecay: every is 0, expected a finite integer >= 1');
    expectError(() => exponentialDecay({ initialLearningRate: 0.1, decayRate: 0.5 } as never), InvalidOptionError, 'exponentialDecay: decaySteps is required');
    expectError(() => cosineDecay({ initialLearningRate: 0.1, decaySteps: 10, alpha: 2 }), InvalidOptionError, 'cosineDecay: alpha is 2, expected a finite number >= 0 and <= 1');
    expectError(() => oneCycle({ maxLearningRate: 0.1, totalSteps: 10, pctStart: 1 }), InvalidOptionError, 'oneCycle: pctStart is 1, expected a finite number > 0 and < 1');
    expectError(() => constant(0.1)(-1), InvalidOptionError, 'constant: step is -1, expected a finite number >= 0');
    expectError(() => cosineDecay({ initialLearningRate: 0.1, decaySteps: 10 })(NaN), InvalidOptionError, 'cosineDecay: step is NaN, expected a finite number >= 0');
  });
});
