export {};
export * from './stats/index.js';
export * from './meta/index.js';
export * from './schema/index.js';
export * from './data/load.js';
export * from './data/query.js';
export * from './checks/index.js';
export * from './data/reports.js';
export * from './data/extend.js';
