export {};
export * from './stats/index.js';
export * from './meta/index.js';
