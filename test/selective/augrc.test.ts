import { describe, expect, it } from 'vitest';
import { augrc } from '../../src/selective/augrc';

describe('augrc', () => {
  it('is the mean of the cumulative errors over n, worked by hand', () => {
    // e = 0, 0, 1, 2 → (0 + 0 + 1 + 2) / 4 / 4
    expect(augrc([1, 1, 0, 0], [0.9, 0.8, 0.7, 0.6])).toBe(3 / 16);
    // e = 1, 1, 1, 1 → 4 / 16
    expect(augrc([0, 1, 1, 1], [0.9, 0.8, 0.7, 0.6])).toBe(0.25);
  });

  it('counts a tie by expectation: m·E + L·(m+1)/2', () => {
    // tie of 4 with 2 errors: e_j = j/2 → (0.5 + 1 + 1.5 + 2) / 16
    expect(augrc([1, 0, 1, 0], [0.5, 0.5, 0.5, 0.5])).toBe(5 / 16);
  });

  it('is 0 when every prediction is right', () => {
    expect(augrc([1, 1], [0.3, 0.4])).toBe(0);
  });
});
