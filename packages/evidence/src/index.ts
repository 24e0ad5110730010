export {};
export * from './stats/index.js';
