// Internal barrel for the library's own modules; the package exports only the errors and types from here.
export * from './errors';
export * from './fail';
export * from './tensorLike';
export * from './types';
export * from './readNumbers';
export * from './readLabels';
export * from './readBinaryLabels';
export * from './readSampleWeight';
export * from './readScoreMatrix';
export * from './assert';
export * from './zeroDivision';
export * from './sum';
