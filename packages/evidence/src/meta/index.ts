// Public surface of the meta-analysis engine (re-exported by the package index).
export * from './types.js';
export { escalc, checkTwoByTwoStudy } from './escalc.js';
export { estimateTau2, mad, TAU2_METHODS, type Tau2Method, type Tau2Control, type Tau2Estimate } from './tau2.js';
export {
  rma,
  qprofileTau2,
  minimumStudies,
  type RmaFit,
  type RmaInput,
  type RmaMethod,
  type RmaOptions,
  type RmaTest,
  type PredictionIntervalType,
} from './rma.js';
export { rmaMH, type MhFit, type MhOptions, type RevMan5Random } from './mh.js';
export { rmaPeto, type PetoFit, type PetoOptions } from './peto.js';
export { leaveOneOut, cumulative, type SubsetFit } from './sensitivity.js';
export { subgroupAnalysis, type SubgroupAnalysis, type SubgroupResult } from './subgroup.js';
export { csvField, parseCsv, studiesFromCsv, layoutFor, CSV_LAYOUTS, FIELD_TO_COLUMN, type CsvTable, type MetaCsv } from './csv.js';
export * from './report.js';
