import { expect, it } from 'vitest';
import {
  compareBaselines,
  InvalidOptionError,
  logisticRegressionBaseline,
  majorityClassBaseline,
  nearestNeighbourBaseline,
} from '../../src/baselines/index';
import { gaussianBlobs, rareEvents, spirals, takeExamples, twoMoons } from '../../src/datasets/index';
import { accuracy } from '../../src/metrics/index';
import { describeEachBackend, expectNoLeak } from '../helpers/backends';

it('majorityClassBaseline predicts the most frequent class with the class frequencies as probabilities', () => {
  const p = majorityClassBaseline({ x: new Float32Array(4), shape: [4, 1], y: [1, 1, 0, 1] });
  expect(Array.from(p.predict([[0], [5]]))).toEqual([1, 1]);
  expect(Array.from(p.predictProba([[0]]))).toEqual([0.75]);
  const m = majorityClassBaseline({ x: new Float32Array(5), shape: [5, 1], y: [2, 0, 2, 1, 0] });
  // Tie between 0 and 2 goes to 0; three classes give the n×k matrix.
  expect(Array.from(m.predict([[1]]))).toEqual([0]);
  expect(Array.from(m.predictProba([[1]]))).toEqual([0.4, 0.2, 0.4]);
});

it('on rare events the majority class is 99% accurate and its average precision is the prevalence (the accuracy paradox)', async () => {
  const d = rareEvents({ n: 1000, prevalence: 0.01, seed: 1 });
  const { rows } = await compareBaselines(d, d, { baselines: { majorityClass: majorityClassBaseline } });
  expect(rows[0].metrics.accuracy).toBeCloseTo(0.99, 12);
  expect(rows[0].metrics.balancedAccuracy).toBe(0.5);
  expect(rows[0].metrics.averagePrecision).toBeCloseTo(0.01, 12);
});

it('the non-deep baselines reject labels that are not class ids and features of the wrong width', () => {
  expect(() => majorityClassBaseline({ x: new Float32Array(2), shape: [2, 1], y: [0, 0.5] })).toThrow(
    new InvalidOptionError('majorityClassBaseline: y[1] is 0.5, expected an integer class id >= 0'),
  );
  const p = majorityClassBaseline({ x: new Float32Array(2), shape: [2, 1], y: [0, 1] });
  expect(() => p.predict([[1, 2]])).toThrow(new InvalidOptionError('majorityClassBaseline: x has 2 features per row but the baseline was fitted on 1'));
  expect(() => p.predict([[NaN]])).toThrow(new InvalidOptionError('majorityClassBaseline: x value 0 (row 0, feature 0) is NaN'));
});

describeEachBackend('logisticRegressionBaseline', () => {
  it('recovers the closed-form Bayes boundary of two Gaussian classes with a shared covariance', async () => {
    // Means ∓1.5 on the first axis, σ = 1: log-odds = 3·x₁ + 0·x₂ + 0.
    const d = gaussianBlobs({ n: 4000, separation: 3, std: 1, seed: 11 });
    const lr = await expectNoLeak(() => logisticRegressionBaseline(d, { l2: 0 }));
    expect(lr.coefficients[0]).toBeCloseTo(3, 0);
    expect(Math.abs(lr.coefficients[0] - 3)).toBeLessThan(0.25);
    expect(Math.abs(lr.coefficients[1])).toBeLessThan(0.15);
    expect(Math.abs(lr.intercept[0])).toBeLessThan(0.15);
    // The boundary crosses the first axis at the midpoint of the means.
    expect(Math.abs(-lr.intercept[0] / lr.coefficients[0])).toBeLessThan(0.05);
  });
  it('is deterministic and computes predictions without tensors', async () => {
    const d = twoMoons({ n: 200, seed: 2 });
    const a = logisticRegressionBaseline(d, { maxIterations: 50 });
    const b = logisticRegressionBaseline(d, { maxIterations: 50 });
    expect(a.coefficients).toEqual(b.coefficients);
    const p = await expectNoLeak(() => a.predictProba(d));
    expect(p.length).toBe(200);
    // A linear model on two moons: clearly better than chance, clearly not perfect.
    const acc = accuracy(d.y, a.predict(d));
    expect(acc).toBeGreaterThan(0.8);
    expect(acc).toBeLessThan(0.95);
  });
  it('fits a softmax model for more than two classes and returns n×k probabilities', () => {
    const d = gaussianBlobs({ n: 300, numClasses: 3, separation: 4, seed: 3 });
    const lr = logisticRegressionBaseline(d);
    const p = lr.predictProba(d);
    expect(p.length).toBe(900);
    for (let i = 0; i < 300; i++) expect(p[3 * i] + p[3 * i + 1] + p[3 * i + 2]).toBeCloseTo(1, 12);
    expect(accuracy(d.y, lr.predict(d))).toBeGreaterThan(0.9);
    expect(lr.coefficients.length).toBe(6);
  });
});

describeEachBackend('nearestNeighbourBaseline', () => {
  it('votes with the k nearest training points, in chunks, without leaking tensors', async () => {
    const train = { x: Float32Array.from([0, 0, 1, 0, 10, 0, 11, 0, 12, 0]), shape: [5, 2], y: [0, 0, 1, 1, 1] };
    const knn = nearestNeighbourBaseline(train, { k: 3, chunkSize: 1, standardize: false });
    const proba = await expectNoLeak(() => knn.predictProba([[0.4, 0], [11.2, 0], [5.4, 0]]));
    expect(Array.from(proba).map((v) => Math.round(v * 3))).toEqual([1, 3, 1]); // 5.4: nearest are 1 (class 0), 10 (class 1), 0 (class 0)
    expect(Array.from(knn.predict([[0.4, 0], [11.2, 0]]))).toEqual([0, 1]);
  });
  it('separates two moons and three spirals far better than a linear model', () => {
    const moons = twoMoons({ n: 400, seed: 4 });
    const knn = nearestNeighbourBaseline(takeExamples(moons, Array.from({ length: 300 }, (_, i) => i)));
    const test = takeExamples(moons, Array.from({ length: 100 }, (_, i) => 300 + i));
    expect(accuracy(test.y, knn.predict(test))).toBeGreaterThan(0.95);
    const s = spirals({ n: 600, numClasses: 3, seed: 5 });
    const kn3 = nearestNeighbourBaseline(s, { chunkSize: 100 });
    expect(kn3.predictProba(s).length).toBe(1800);
    expect(accuracy(s.y, kn3.predict(s))).toBeGreaterThan(0.9);
  });
  it('rejects k larger than the training set', () => {
    expect(() => nearestNeighbourBaseline({ x: new Float32Array(2), shape: [2, 1], y: [0, 1] }, { k: 3 })).toThrow(
      new InvalidOptionError('nearestNeighbourBaseline: k is 3 but there are only 2 training examples'),
    );
  });
});

describeEachBackend('compareBaselines', () => {
  it('fits every default baseline and tabulates accuracy, balanced accuracy and average precision', async () => {
    const train = twoMoons({ n: 300, seed: 6 });
    const validation = twoMoons({ n: 200, seed: 7 });
    const table = await expectNoLeak(() => compareBaselines(train, validation));
    expect(table.metricNames).toEqual(['accuracy', 'balancedAccuracy', 'averagePrecision']);
    expect(table.rows.map((r) => r.baseline)).toEqual(['majorityClass', 'logisticRegression', 'nearestNeighbour']);
    const acc = table.rows.map((r) => r.metrics.accuracy);
    expect(acc[0]).toBe(0.5);
    expect(acc[1]).toBeGreaterThan(0.8);
    expect(acc[2]).toBeGreaterThan(acc[1]);
    expect(JSON.parse(JSON.stringify(table))).toEqual(table);
  });
  it('accepts custom baselines and metrics', async () => {
    const d = gaussianBlobs({ n: 90, numClasses: 3, seed: 8 });
    const table = await compareBaselines(d, d, {
      baselines: { knn1: (t) => nearestNeighbourBaseline(t, { k: 1 }) },
      metrics: { errors: (y, _s, p) => y.filter((c, i) => c !== p[i]).length },
    });
    expect(table.rows).toEqual([{ baseline: 'knn1', metrics: { errors: 0 } }]);
  });
});
