// @ldn/planner: the isomorphic LDN dosing planner (browser and Node). buildPlan is the one entry
// point shared by `ldn plan` and POST /api/plans; the rest is exported for the web app and tests.
export * from './text.js';
export * from './sources.js';
export * from './conditions.js';
export * from './dates.js';
export * from './inputs.js';
export * from './presets/index.js';
export * from './titration.js';
export * from './compounding.js';
export * from './rules/index.js';
export * from './engine.js';
export * from './context.js';
export * from './calendar.js';
export * from './simulate.js';
export * from './evidence.js';
export * from './plan.js';
export * from './ics.js';
export * from './html.js';
