import { describe, expect, it } from 'vitest';
import { asOptionError, failOption, InvalidOptionError } from '../../src/core/configErrors';
import { MetricInputError, TfjsMethodologyError } from '../../src/core/errors';
import { fail } from '../../src/core/fail';

describe('InvalidOptionError', () => {
  it('InvalidOptionError is a TfjsMethodologyError named after its class', () => {
    const e = new InvalidOptionError('f: x is 1');
    expect(e).toBeInstanceOf(TfjsMethodologyError);
    expect(e.name).toBe('InvalidOptionError');
  });
  it('failOption prefixes the function name', () => {
    expect(() => failOption('twoMoons', 'n is 0')).toThrow(new InvalidOptionError('twoMoons: n is 0'));
  });
  it('asOptionError turns a MetricInputError into an InvalidOptionError with the same message and passes other errors through', () => {
    let caught: unknown;
    try {
      asOptionError(() => fail('f', 'k is -1'));
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(InvalidOptionError);
    expect(caught).not.toBeInstanceOf(MetricInputError);
    expect((caught as Error).message).toBe('f: k is -1');
    expect(() => asOptionError(() => { throw new RangeError('r'); })).toThrow(RangeError);
    expect(asOptionError(() => 3)).toBe(3);
  });
});
