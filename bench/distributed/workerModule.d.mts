// Types of workerModule.mjs for bench/distributed/workers.ts.
import type { Sampler, Trial, WorkerContext } from '../../src/search/index';

export declare const sampler: (context: WorkerContext) => Sampler;
export declare function objective(trial: Trial): Promise<number>;
export declare function work(chunks: number): number;
