import { describe, expect, it } from 'vitest';
import { isTensorLike } from '../../src/core/tensorLike';

describe('isTensorLike', () => {
  it('accepts an object with an array shape, a string dtype and a dataSync function', () => {
    expect(isTensorLike({ shape: [2], dtype: 'float32', dataSync: () => new Float32Array(2) })).toBe(true);
    expect(isTensorLike({ shape: [], dtype: 'int32', dataSync: () => new Int32Array(1) })).toBe(true);
  });

  it('rejects arrays, typed arrays, null and primitives', () => {
    expect(isTensorLike([1, 2])).toBe(false);
    expect(isTensorLike(new Float64Array(2))).toBe(false);
    expect(isTensorLike(null)).toBe(false);
    expect(isTensorLike(undefined)).toBe(false);
    expect(isTensorLike('tensor')).toBe(false);
    expect(isTensorLike(3)).toBe(false);
  });

  it('rejects objects missing any of shape, dtype or dataSync, or with the wrong kind', () => {
    expect(isTensorLike({ dtype: 'float32', dataSync: () => [] })).toBe(false);
    expect(isTensorLike({ shape: [1], dataSync: () => [] })).toBe(false);
    expect(isTensorLike({ shape: [1], dtype: 'float32' })).toBe(false);
    expect(isTensorLike({ shape: '1', dtype: 'float32', dataSync: () => [] })).toBe(false);
    expect(isTensorLike({ shape: [1], dtype: 1, dataSync: () => [] })).toBe(false);
    expect(isTensorLike({ shape: [1], dtype: 'float32', dataSync: [] })).toBe(false);
  });
});
