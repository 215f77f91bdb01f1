import { failOption } from '../core/configErrors';
import type { TensorLike } from '../core/tensorLike';
import { accuracy } from '../metrics/accuracy';
import { averagePrecision } from '../metrics/averagePrecision';
import { balancedAccuracy } from '../metrics/balancedAccuracy';
import { logisticRegressionBaseline } from './logisticRegressionBaseline';
import { majorityClassBaseline } from './majorityClassBaseline';
import { nearestNeighbourBaseline } from './nearestNeighbourBaseline';
import type { LabeledData, Predictor } from './Predictor';
import { readClassIds, readFeatures } from './internal/features';
import { scoresFor } from './internal/scores';

/**
 * A metric for {@link compareBaselines}: true class ids, scores (P(class 1)
 * for two classes, a tensor-like n×k matrix otherwise) and predicted ids.
 */
export type BaselineMetric = (yTrue: Int32Array, yScore: Float64Array | TensorLike, yPred: Int32Array) => number;

/** Options of {@link compareBaselines}. */
export interface CompareBaselinesOptions {
  /**
   * The baselines to fit, by name: functions from training data to a
   * {@link Predictor} (or a promise of one). Defaults to `majorityClass`,
   * `logisticRegression` and `nearestNeighbour` with their default options.
   */
  baselines?: Record<string, (train: LabeledData) => Predictor | Promise<Predictor>>;
  /**
   * The metrics, by name. Defaults to `accuracy` and `balancedAccuracy`, plus
   * `averagePrecision` for two classes.
   */
  metrics?: Record<string, BaselineMetric>;
}

/** One row of the {@link compareBaselines} table. */
export interface BaselineComparisonRow {
  readonly baseline: string;
  readonly metrics: Record<string, number>;
}

/** The table {@link compareBaselines} returns: one row per baseline, in the given order. */
export interface BaselineComparison {
  readonly metricNames: string[];
  readonly rows: BaselineComparisonRow[];
}

/**
 * Fits each baseline on `train` and scores it on `validation` — the first
 * numbers on the way to "desired performance": if logistic regression is
 * as good as anything, a deep model must earn its cost; if nothing beats the
 * majority class, the features (or the labels) are the problem.
 *
 * @param train - Labelled training data.
 * @param validation - Labelled held-out data with the same features.
 * @param options - See {@link CompareBaselinesOptions}.
 * @returns A {@link BaselineComparison} (plain data).
 * @throws {InvalidOptionError} `compareBaselines: baselines.knn is not a function`.
 * @example
 * const { rows } = await compareBaselines(twoMoons({ n: 300, seed: 1 }), twoMoons({ n: 300, seed: 2 }));
 * rows.map((r) => [r.baseline, r.metrics.accuracy]);
 * // => [['majorityClass', 0.5], ['logisticRegression', 0.8866666666666667], ['nearestNeighbour', 0.9966666666666667]]
 */
export async function compareBaselines(train: LabeledData, validation: LabeledData, options: CompareBaselinesOptions = {}): Promise<BaselineComparison> {
  const fn = 'compareBaselines';
  const trainFeatures = readFeatures(train, fn, 'train');
  const numClasses = readClassIds(train, trainFeatures.n, fn).k;
  const v = readFeatures(validation, fn, 'validation', trainFeatures.d);
  const yTrue = readClassIds({ ...validation, numClasses: Math.max(numClasses, validation.numClasses ?? 0) }, v.n, fn).y;
  const baselines = options.baselines ?? {
    majorityClass: (t: LabeledData) => majorityClassBaseline(t),
    logisticRegression: (t: LabeledData) => logisticRegressionBaseline(t),
    nearestNeighbour: (t: LabeledData) => nearestNeighbourBaseline(t),
  };
  const metrics: Record<string, BaselineMetric> = options.metrics ?? {
    accuracy: (y, _s, p) => accuracy(y, p),
    balancedAccuracy: (y, _s, p) => balancedAccuracy(y, p),
    ...(numClasses === 2 ? { averagePrecision: (y: Int32Array, s: Float64Array | TensorLike) => averagePrecision(y, s) } : {}),
  };
  for (const [name, make] of Object.entries(baselines)) if (typeof make !== 'function') failOption(fn, `baselines.${name} is not a function`);
  for (const [name, m] of Object.entries(metrics)) if (typeof m !== 'function') failOption(fn, `metrics.${name} is not a function`);
  const features = { x: v.data, shape: [v.n, v.d] };
  const rows: BaselineComparisonRow[] = [];
  for (const [name, make] of Object.entries(baselines)) {
    const predictor = await make(train);
    const proba = predictor.predictProba(features);
    const predicted = predictor.predict(features);
    const k = predictor.numClasses === 2 ? 1 : predictor.numClasses;
    const yScore = scoresFor(proba, v.n, k);
    const values: Record<string, number> = {};
    for (const [metricName, metric] of Object.entries(metrics)) values[metricName] = metric(yTrue, yScore, predicted);
    rows.push({ baseline: name, metrics: values });
  }
  return { metricNames: Object.keys(metrics), rows };
}
