export * from './metrics/index';
