export {};
export { forestPlot, type ForestPlotOptions, type ForestRow, type ForestSummary, type ForestHeterogeneity, type ForestLabels, type ForestSubgroup, type ForestSubgroupTest } from './forest.js';
export { funnelPlot, type FunnelPlotOptions } from './funnel.js';
export * from './timecourse.js';
export * from './bands.js';
