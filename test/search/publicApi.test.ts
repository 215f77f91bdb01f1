import { describe, expect, it } from 'vitest';
import * as search from '../../src/search/index';

// Names of issue 5 (a public contract) that the module exports today.
const CONTRACT = [
  'createStudy', 'loadStudy', 'Study', 'Trial', 'TrialPruned', 'SearchError',
  'randomSampler', 'gridSampler', 'qmcSampler', 'tpeSampler', 'gpSampler',
  'medianPruner', 'percentilePruner', 'successiveHalvingPruner', 'hyperbandPruner', 'nopPruner', 'pruningCallback',
  'inMemoryStorage', 'journalFileStorage',
  'floatDistribution', 'intDistribution', 'categoricalDistribution',
  'optimizationHistory', 'slices', 'intermediateValueCurves',
];

// Internals that must stay unreachable from the package.
const INTERNAL = [
  'JournalModel', 'EventStorage', 'failSearch', 'asSearchError', 'ashaPrune', 'lastStep', 'hyperbandBracket', 'Scrambled',
  'fromUnit', 'toUnit', 'containsValue', 'distributionsEqual', 'describeDistribution', 'readIntSearchOption',
];

describe('the public surface of the search module', () => {
  it('exports every name of the contract as a function or class', () => {
    for (const name of CONTRACT) expect(typeof (search as Record<string, unknown>)[name], name).toBe('function');
  });
  it('exports no internal helper', () => {
    for (const name of INTERNAL) expect(name in search, name).toBe(false);
  });
});
