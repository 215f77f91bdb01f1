/**
 * Type tests of the public signatures of `tfjs-methodology/search` (checked
 * by tsc through vitest's typecheck mode).
 */
import { describe, expectTypeOf, it } from 'vitest';
import {
  createStudy,
  type FrozenTrial,
  type ParamValue,
  type Sampler,
  type Storage,
  type Study,
  type Trial,
  randomSampler,
  journalFileStorage,
  medianPruner,
} from '../../src/search/index';

describe('search types', () => {
  it('createStudy is async and gives a Study', () => {
    expectTypeOf(createStudy).returns.toEqualTypeOf<Promise<Study>>();
    expectTypeOf(randomSampler()).toMatchTypeOf<Sampler>();
    expectTypeOf(journalFileStorage('x')).toMatchTypeOf<Storage>();
  });
  it('suggest methods return numbers, and categorical the union of its choices', () => {
    const trial = {} as Trial;
    expectTypeOf(trial.suggestFloat('x', 0, 1)).toEqualTypeOf<number>();
    expectTypeOf(trial.suggestInt('n', 1, 9, { log: true })).toEqualTypeOf<number>();
    expectTypeOf(trial.suggestCategorical('o', ['adam', 'sgd'])).toEqualTypeOf<'adam' | 'sgd'>();
    expectTypeOf(trial.suggestCategorical('b', [true, false, null])).toEqualTypeOf<boolean | null>();
    // @ts-expect-error: objects are not parameter values
    trial.suggestCategorical('bad', [{ a: 1 }]);
  });
  it('objectives may be sync or async, and trials are read-only records', async () => {
    const study = await createStudy({ pruner: medianPruner() });
    await study.optimize((t) => t.suggestFloat('x', 0, 1), { trials: 1 });
    await study.optimize(async (t) => t.suggestFloat('x', 0, 1), { trials: 1, concurrency: 2 });
    // @ts-expect-error: an objective returns a number
    await study.optimize((t) => String(t.number), { trials: 1 });
    expectTypeOf(study.trials).toEqualTypeOf<readonly FrozenTrial[]>();
    expectTypeOf(study.bestParams).toEqualTypeOf<Readonly<Record<string, ParamValue>>>();
    const t = study.trials[0]!;
    // @ts-expect-error: a FrozenTrial is immutable
    t.value = 3;
  });
});
