export * from './targets.js';
export * from './predict.js';
export * from './fit.js';
export * from './lm.js';
export * from './profile.js';
export * from './calibrate.js';
