import { describe, expect, it } from 'vitest';
import { eAurc } from '../../src/selective/eAurc';

describe('eAurc', () => {
  it('is the aurc minus the aurc of the best order, worked by hand', () => {
    // aurc: r = 0, 1/2, 1/3, 2/4; optimum: 0, 0, 1/3, 2/4 → difference 1/2 / 4
    expect(eAurc([1, 0, 1, 0], [0.9, 0.8, 0.7, 0.6])).toBeCloseTo(0.125, 15);
  });

  it('is exactly 0 for a perfect ranking', () => {
    expect(eAurc([1, 1, 0, 0], [0.9, 0.8, 0.7, 0.6])).toBe(0);
    expect(eAurc([0.1, 0.2, 3, 0.5], [0.9, 0.8, 0.1, 0.7], { input: 'loss' })).toBe(0);
  });

  it('is 0 when every prediction is right or every one is wrong', () => {
    expect(eAurc([1, 1, 1], [0.1, 0.5, 0.9])).toBe(0);
    expect(eAurc([0, 0, 0], [0.1, 0.5, 0.9])).toBe(0);
  });
});
