/**
 * Runs a tfjs test suite once per Node backend (cpu and wasm), with the
 * backend selected before the suite's tests, plus a tensor-leak check.
 *
 * In Node the wasm backend loads its `.wasm` binaries from its own package
 * directory (`node_modules/@tensorflow/tfjs-backend-wasm/dist/`) without any
 * `setWasmPaths` call: verified with tfjs 4.22 under vitest and tsx.
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-wasm';
import { beforeAll, describe, expect } from 'vitest';

/** The backends every tfjs-backed function is tested on. */
export const BACKENDS = ['cpu', 'wasm'] as const;
export type BackendName = (typeof BACKENDS)[number];

async function useBackend(name: BackendName): Promise<void> {
  if (!(await tf.setBackend(name))) {
    throw new Error(`could not initialise the tfjs ${name} backend (for wasm, check setWasmPaths)`);
  }
  await tf.ready();
}

/**
 * `describe(name on <backend>)` once per backend; `body` receives the
 * backend's name and runs with that backend active.
 */
export function describeEachBackend(name: string, body: (backend: BackendName) => void): void {
  for (const backend of BACKENDS) {
    describe(`${name} (${backend} backend)`, () => {
      beforeAll(async () => {
        await useBackend(backend);
        expect(tf.getBackend()).toBe(backend);
      });
      body(backend);
    });
  }
}

/**
 * The tolerance for comparing a float32 tfjs result with a float64 reference,
 * as tfjs's own tests use `testEpsilon()`: 1e-3 for float32 backends.
 */
export function backendEpsilon(): number {
  return tf.backend().floatPrecision() === 32 ? 1e-3 : 1e-1;
}

/**
 * Runs `fn` and asserts that it leaves the number of live tensors unchanged,
 * apart from `returned` tensors it hands to the caller (disposed here).
 */
export async function expectNoLeak<T>(fn: () => T | Promise<T>, returned = 0): Promise<T> {
  const before = tf.memory().numTensors;
  const out = await fn();
  expect(tf.memory().numTensors - before).toBe(returned);
  return out;
}

export { tf };
