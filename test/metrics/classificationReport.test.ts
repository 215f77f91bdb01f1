import { describe, expect, expectTypeOf, it } from 'vitest';
import { classificationReport, type ClassificationReportDict } from '../../src/metrics/classificationReport';
import { MetricInputError, UndefinedMetricError } from '../../src/core/errors';

describe('classificationReport', () => {
  it('prints the scikit-learn docstring example character for character', () => {
    const text = classificationReport([0, 1, 2, 2, 2], [0, 0, 2, 2, 1], { targetNames: ['class 0', 'class 1', 'class 2'] });
    expect(text).toBe(
      [
        '              precision    recall  f1-score   support',
        '',
        '     class 0       0.50      1.00      0.67         1',
        '     class 1       0.00      0.00      0.00         1',
        '     class 2       1.00      0.67      0.80         3',
        '',
        '    accuracy                           0.60         5',
        '   macro avg       0.50      0.56      0.49         5',
        'weighted avg       0.70      0.60      0.61         5',
        '',
      ].join('\n'),
    );
  });

  it('prints a micro average instead of accuracy for a subset of labels, weighted supports as floats, and more digits', () => {
    // As scikit-learn 1.2.1 prints classification_report(..., labels=[0, 1, 2], digits=3, sample_weight=...)
    const text = classificationReport([0, 1, 2, 2, 2, 3], [0, 0, 2, 2, 1, 3], {
      labels: [0, 1, 2],
      digits: 3,
      sampleWeight: [1, 2, 0.5, 1, 1, 1],
    });
    expect(text).toBe(
      [
        '              precision    recall  f1-score   support',
        '',
        '           0      0.333     1.000     0.500       1.0',
        '           1      0.000     0.000     0.000       2.0',
        '           2      1.000     0.600     0.750       2.5',
        '',
        '   micro avg      0.455     0.455     0.455       5.5',
        '   macro avg      0.444     0.533     0.417       5.5',
        'weighted avg      0.515     0.455     0.432       5.5',
        '',
      ].join('\n'),
    );
  });

  it('prints undefined values as nan, and a macro average over them as nan', () => {
    // 'a' is never predicted (precision undefined); 'c' is never true (recall undefined)
    const text = classificationReport(['a', 'b', 'b'], ['b', 'b', 'c']);
    expect(text).toBe(
      [
        '              precision    recall  f1-score   support',
        '',
        '           a        nan      0.00      0.00         1',
        '           b       0.50      0.50      0.50         2',
        '           c       0.00       nan      0.00         0',
        '',
        '    accuracy                           0.33         3',
        '   macro avg        nan       nan      0.17         3',
        'weighted avg        nan      0.33      0.33         3',
        '',
      ].join('\n'),
    );
  });

  it('rounds ties half to even, as Python formats them', () => {
    // precision of class 1 is 1/8 = 0.125 exactly: Python prints 0.12 (toFixed would give 0.13)
    const yTrue = [1, 0, 0, 0, 0, 0, 0, 0];
    const yPred = [1, 1, 1, 1, 1, 1, 1, 1];
    const line = classificationReport(yTrue, yPred).split('\n')[3];
    expect(line).toBe('           1       0.12      1.00      0.22         1');
  });

  it('widens the name column for long target names, counting code points', () => {
    const text = classificationReport([0, 1], [0, 1], { targetNames: ['short', 'a much longer name 😀'] });
    const lines = text.split('\n');
    expect(lines[0]).toBe('                      precision    recall  f1-score   support');
    expect(lines[3]).toBe('a much longer name 😀       1.00      1.00      1.00         1');
  });

  it('returns a plain object with outputDict, as scikit-learn output_dict=True', () => {
    const d = classificationReport(['a', 'b', 'b'], ['b', 'b', 'c'], { outputDict: true, zeroDivision: 0 });
    expect(d).toEqual({
      a: { precision: 0, recall: 0, 'f1-score': 0, support: 1 },
      b: { precision: 0.5, recall: 0.5, 'f1-score': 0.5, support: 2 },
      c: { precision: 0, recall: 0, 'f1-score': 0, support: 0 },
      accuracy: 1 / 3,
      'macro avg': { precision: 1 / 6, recall: 1 / 6, 'f1-score': 1 / 6, support: 3 },
      'weighted avg': { precision: 1 / 3, recall: 1 / 3, 'f1-score': 1 / 3, support: 3 },
    });
    const micro = classificationReport([0, 1, 2], [0, 1, 1], { outputDict: true, labels: [0, 1] });
    expect(micro['micro avg']).toEqual({ precision: 2 / 3, recall: 1, 'f1-score': 0.8, support: 2 });
    expect(micro.accuracy).toBeUndefined();
    expectTypeOf(d).toEqualTypeOf<ClassificationReportDict>();
    expectTypeOf(classificationReport([0], [0])).toEqualTypeOf<string>();
  });

  it('reports accuracy when the given labels are exactly the labels present, in any order', () => {
    const d = classificationReport([0, 1, 2], [0, 1, 1], { outputDict: true, labels: [2, 1, 0] });
    expect(d.accuracy).toBeCloseTo(2 / 3, 15);
  });

  it('throws with zeroDivision error when a value is undefined', () => {
    expect(() => classificationReport(['a', 'b'], ['b', 'b'], { zeroDivision: 'error' })).toThrow(UndefinedMetricError);
  });

  it('rejects bad input with a message naming the argument and value', () => {
    const bad = (o: object, message: string) => {
      expect(() => classificationReport([0, 1], [0, 1], o)).toThrow(MetricInputError);
      expect(() => classificationReport([0, 1], [0, 1], o)).toThrow(message);
    };
    bad({ targetNames: ['zero'] }, 'classificationReport: targetNames has 1 entries but there are 2 labels (labels present in yTrue and yPred); pass labels to choose the classes');
    bad({ targetNames: ['a', 'b'], labels: [0] }, 'classificationReport: targetNames has 2 entries but there are 1 labels (labels)');
    bad({ targetNames: ['a', 2] }, 'classificationReport: targetNames[1] is 2, not a string');
    bad({ digits: -1 }, 'classificationReport: digits is -1, expected a finite integer >= 0 and <= 20');
    bad({ digits: 1.5 }, 'classificationReport: digits is 1.5, expected a finite integer >= 0 and <= 20');
    bad({ outputDict: 'yes' }, 'classificationReport: outputDict is "yes", expected true or false');
    expect(() => classificationReport([], [])).toThrow('classificationReport: yTrue is empty');
  });
});
