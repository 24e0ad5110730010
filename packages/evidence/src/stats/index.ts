// Public surface of the effect-size-free statistics (re-exported by the package index).
export { EvidenceInputError } from './errors.js';
export { proportionCi, type ProportionCi, type ProportionCiMethod } from './proportion.js';
export { riskRatio, oddsRatio, riskDifference, checkTwoByTwo, type TwoByTwo, type RatioEstimate, type ZeroCellOptions } from './table2x2.js';
export { fisherExactTest, type FisherResult, type FisherOptions, type Alternative } from './fisher.js';
export { chisqTest2x2, type ChisqResult } from './chisq.js';
export {
  meanDifference,
  standardizedMeanDifference,
  hedgesJ,
  checkContinuous,
  type ContinuousArms,
  type ContinuousEstimate,
} from './continuous.js';
export { uniroot, R_UNIROOT_TOL, type UnirootResult } from './roots.js';
export { qnorm, pnorm, pnorm2, qt, pt2, qchisq, pchisq, pchisqUpper, pfUpper } from './distributions.js';
