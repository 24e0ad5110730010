export * from './ode/types.js';
