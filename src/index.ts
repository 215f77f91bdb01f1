/**
 * The root entry point: the metrics module (pure, no tfjs at run time) and
 * the error classes. The tfjs-backed modules have their own subpaths
 * (`tfjs-methodology/selective`, `/search`, `/gradcheck`, `/baselines`,
 * `/datasets`) so that importing the root never loads tfjs.
 *
 * @module tfjs-methodology
 */
export * from './metrics/index';
