import { show } from '../core/fail';
import {
  categoricalDistribution,
  containsValue,
  describeDistribution,
  distributionsEqual,
  floatDistribution,
  intDistribution,
  isSingle,
  singleValue,
} from './distributions';
import type { NumericDistributionOptions } from './distributions';
import { failSearch } from './errors';
import type { Distribution, FrozenTrial, ParamValue, Pruner, Sampler, Storage, StudyView } from './types';

/** What a {@link Trial} needs from its study. Internal. */
export interface TrialContext {
  readonly storage: Storage;
  readonly studyId: string;
  readonly sampler: Sampler;
  readonly pruner: Pruner;
  /** The study's current snapshot. */
  view(): StudyView;
  /** Reloads the study's snapshot from the storage. */
  refresh(): Promise<void>;
}

/**
 * A running trial, as the objective sees it (Optuna's `Trial`):
 * define-by-run suggestions, intermediate reports for pruning, and user
 * attributes. Created by `study.ask()` or by `study.optimize`; its finished
 * record is a {@link FrozenTrial}.
 *
 * Suggestions and reports are synchronous: they are recorded here at once
 * and written to the storage in order in the background; `study.tell` waits
 * for those writes (and rethrows the first that failed).
 */
export class Trial {
  /** The trial's number in its study: 0, 1, 2, … */
  readonly number: number;
  /** Aborted when the trial should stop: `optimize`'s signal fired or `trialTimeoutMs` passed. Pass it to your own async work. */
  readonly signal: AbortSignal;
  private readonly ctx: TrialContext;
  private readonly datetimeStart: number | undefined;
  private readonly paramsRecord: Record<string, ParamValue> = {};
  private readonly distributionsRecord: Record<string, Distribution> = {};
  private readonly intermediate = new Map<number, number>();
  private readonly userAttrsRecord: Record<string, unknown> = {};
  private readonly fixed: Record<string, ParamValue> = {};
  private relativeSpace: Record<string, Distribution> = {};
  private relativeParams: Record<string, ParamValue> = {};
  private writes: Promise<void> = Promise.resolve();
  private writeError: unknown = undefined;
  /** @internal set by the study when the trial is told. */
  finished = false;
  /** @internal set by `pruningCallback` when it stopped training. */
  prunedByCallback = false;

  /** @internal Use `study.ask()`. */
  constructor(ctx: TrialContext, record: FrozenTrial, signal: AbortSignal) {
    this.ctx = ctx;
    this.number = record.number;
    this.datetimeStart = record.datetimeStart;
    this.signal = signal;
    for (const [k, d] of Object.entries(record.distributions)) {
      this.distributionsRecord[k] = d;
      this.paramsRecord[k] = record.params[k]!;
    }
    // An enqueued trial's parameters (study.enqueueTrial) are fixed: suggest returns them.
    for (const [k, v] of Object.entries(record.params)) if (!(k in record.distributions)) this.fixed[k] = v;
    Object.assign(this.userAttrsRecord, record.userAttrs);
    for (const [k, v] of record.intermediateValues) this.intermediate.set(k, v);
  }

  /** @internal Runs the sampler's relative sampling once at the start of the trial. */
  startRelative(): void {
    const view = this.ctx.view();
    const frozen = this.toFrozen();
    this.ctx.sampler.beforeTrial?.(view, frozen);
    this.relativeSpace = this.ctx.sampler.inferRelativeSearchSpace(view, frozen);
    this.relativeParams = Object.keys(this.relativeSpace).length > 0 ? this.ctx.sampler.sampleRelative(view, frozen, this.relativeSpace) : {};
  }

  /**
   * Suggests a real number in `[low, high]` (log scale with `log`, on the
   * grid `low + k·step` with `step`). Asking the same name again returns the
   * same value; asking it with a different range throws.
   *
   * @param name - The parameter's name, unique within the trial.
   * @param low - Lower bound (> 0 with `log`).
   * @param high - Upper bound, `>= low` (lowered to the last step with `step`).
   * @param options - `log` (defaults to `false`) and `step` (defaults to none).
   * @returns The value, within the distribution.
   * @throws {SearchError} `suggestFloat: "lr" was suggested as float in [0.001, 0.1] (log), now as float in [0.01, 1]`, or a bad range.
   * @example
   * const lr = trial.suggestFloat('lr', 1e-5, 1e-1, { log: true });
   * // => e.g. 0.00237
   */
  suggestFloat(name: string, low: number, high: number, options: NumericDistributionOptions = {}): number {
    return this.suggest('suggestFloat', name, floatDistribution(low, high, options, 'suggestFloat')) as number;
  }

  /**
   * Suggests an integer in `[low, high]` on the grid `low + k·step` (log scale
   * with `log`, which needs `low >= 1` and step 1).
   *
   * @param name - The parameter's name.
   * @param low - Lower bound, an integer.
   * @param high - Upper bound, an integer `>= low`.
   * @param options - `log` (defaults to `false`) and `step` (defaults to 1).
   * @returns The integer.
   * @throws {SearchError} `suggestInt: "units" was suggested as int in [8, 256] (log), now as int in [8, 512] (log)`.
   * @example
   * trial.suggestInt('units', 8, 256, { log: true });
   * // => e.g. 37
   */
  suggestInt(name: string, low: number, high: number, options: NumericDistributionOptions = {}): number {
    return this.suggest('suggestInt', name, intDistribution(low, high, options, 'suggestInt')) as number;
  }

  /**
   * Suggests one of `choices` (unordered; numbers, strings, booleans, null).
   *
   * @param name - The parameter's name.
   * @param choices - The possible values, distinct, non-empty.
   * @returns One of `choices`.
   * @throws {SearchError} `suggestCategorical: "optimizer" was suggested as categorical of ["adam", "sgd"], now as categorical of ["adam"]`.
   * @example
   * trial.suggestCategorical('optimizer', ['adam', 'sgd', 'rmsprop']);
   * // => e.g. 'sgd'
   */
  suggestCategorical<const T extends ParamValue>(name: string, choices: readonly T[]): T {
    return this.suggest('suggestCategorical', name, categoricalDistribution(choices, 'suggestCategorical')) as T;
  }

  private suggest(fn: string, name: string, d: Distribution): ParamValue {
    if (typeof name !== 'string' || name === '') failSearch(fn, `name is ${show(name)}, expected a non-empty string`);
    this.assertRunning(fn);
    const old = this.distributionsRecord[name];
    if (old !== undefined) {
      if (!distributionsEqual(old, d)) {
        failSearch(fn, `${JSON.stringify(name)} was suggested as ${describeDistribution(old)}, now as ${describeDistribution(d)}`);
      }
      return this.paramsRecord[name]!;
    }
    let value: ParamValue;
    if (name in this.fixed) {
      value = this.fixed[name]!;
      if (!containsValue(d, value)) failSearch(fn, `the enqueued value ${show(value)} of ${JSON.stringify(name)} is outside ${describeDistribution(d)}`);
    } else if (isSingle(d)) value = singleValue(d);
    else if (name in this.relativeParams && containsValue(d, this.relativeParams[name])) {
      // As Optuna: a relative value is used when it fits the distribution asked for (a grid value in a float range, say).
      value = this.relativeParams[name]!;
    } else value = this.ctx.sampler.sampleIndependent(this.ctx.view(), this.toFrozen(), name, d);
    if (!containsValue(d, value)) failSearch(fn, `the sampler proposed ${show(value)} for ${JSON.stringify(name)}, outside ${describeDistribution(d)}`);
    this.paramsRecord[name] = value;
    this.distributionsRecord[name] = d;
    this.enqueue(() => this.ctx.storage.setTrialParam(this.ctx.studyId, this.number, name, d, value));
    return value;
  }

  /**
   * Reports an intermediate value (e.g. the validation loss after an epoch)
   * for pruning and for plots. A step already reported keeps its first
   * value, as in Optuna.
   *
   * @param value - A finite number.
   * @param step - A non-negative integer (e.g. the epoch).
   * @throws {SearchError} `report: value is NaN, expected a finite number`.
   * @example
   * trial.report(0.42, 3);
   */
  report(value: number, step: number): void {
    this.assertRunning('report');
    if (!(typeof value === 'number' && Number.isFinite(value))) failSearch('report', `value is ${show(value)}, expected a finite number`);
    if (!(Number.isSafeInteger(step) && step >= 0)) failSearch('report', `step is ${show(step)}, expected an integer >= 0`);
    if (this.intermediate.has(step)) return;
    this.intermediate.set(step, value);
    this.enqueue(() => this.ctx.storage.setTrialIntermediateValue(this.ctx.studyId, this.number, step, value));
  }

  /**
   * Asks the study's pruner whether this trial should stop, from its reports
   * and the other trials'. If so, end the objective with
   * `throw new TrialPruned()`.
   *
   * @returns `true` to stop the trial.
   * @example
   * if (trial.shouldPrune()) throw new TrialPruned();
   */
  shouldPrune(): boolean {
    return this.ctx.pruner.prune(this.ctx.view(), this.toFrozen());
  }

  /**
   * Attaches a JSON-serialisable value to the trial (e.g. the epoch count, the
   * final accuracy); kept in `trial.userAttrs` of the record.
   *
   * @param key - The attribute's name.
   * @param value - Any JSON value.
   * @example
   * trial.setUserAttr('epochs', 12);
   */
  setUserAttr(key: string, value: unknown): void {
    this.assertRunning('setUserAttr');
    this.userAttrsRecord[key] = value;
    this.enqueue(() => this.ctx.storage.setTrialUserAttr(this.ctx.studyId, this.number, key, value));
  }

  /** The parameters suggested so far. */
  get params(): Readonly<Record<string, ParamValue>> {
    return { ...this.paramsRecord };
  }

  /** The distributions of the parameters suggested so far. */
  get distributions(): Readonly<Record<string, Distribution>> {
    return { ...this.distributionsRecord };
  }

  /** The values reported so far, step → value. */
  get intermediateValues(): ReadonlyMap<number, number> {
    return new Map(this.intermediate);
  }

  /** The trial's current record (state `running`). */
  toFrozen(): FrozenTrial {
    return {
      number: this.number,
      state: 'running',
      params: { ...this.paramsRecord },
      distributions: { ...this.distributionsRecord },
      value: undefined,
      intermediateValues: new Map(this.intermediate),
      datetimeStart: this.datetimeStart,
      datetimeComplete: undefined,
      durationMs: undefined,
      error: undefined,
      userAttrs: { ...this.userAttrsRecord },
      systemAttrs: {},
    };
  }

  /** @internal Waits for the background storage writes; rethrows the first failure. */
  async flush(): Promise<void> {
    await this.writes;
    if (this.writeError !== undefined) throw this.writeError;
  }

  /** @internal Reloads the study's trials (other processes' reports) before a pruning decision. */
  async refreshStudy(): Promise<void> {
    await this.ctx.refresh();
  }

  /** @internal Marks the trial as pruned by a training callback: `optimize` records it as pruned whatever the objective returns. */
  markPruned(): void {
    this.prunedByCallback = true;
  }

  /** @internal The last reported value (the value of a pruned trial). */
  lastReported(): number | undefined {
    let best = -1;
    for (const s of this.intermediate.keys()) if (s > best) best = s;
    return best < 0 ? undefined : this.intermediate.get(best);
  }

  private enqueue(write: () => Promise<void>): void {
    this.writes = this.writes.then(write).catch((e: unknown) => {
      this.writeError ??= e;
    });
  }

  private assertRunning(fn: string): void {
    if (this.finished) failSearch(fn, `trial ${this.number} is already finished`);
  }
}
