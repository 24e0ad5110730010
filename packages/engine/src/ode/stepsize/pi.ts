// The proportional-integral step-size controller of Hairer's DOPRI5 code (Solving ODEs I, §IV.2,
// after Gustafsson 1988): the new step depends on the current error and, with a small weight
// beta, on the previous accepted error, which damps the step-size oscillations a pure
// "I" controller shows on mildly stiff stretches. Defaults are those of DOPRI5.

import type { StepSizeController } from './controller.js';

const LOG_1E_4 = Math.log(1e-4);

export interface PIControllerOptions {
  /** exponent of the error estimator: 1/(q+1) with q the lower order of the pair (dopri5: 1/5) */
  exponent: number;
  /** weight of the previous error (DOPRI5: 0.04; 0 gives the classical I controller) */
  beta?: number;
  /** safety factor (0.9) */
  safety?: number;
  /** smallest ratio hNew/h (0.2) */
  minFactor?: number;
  /** largest ratio hNew/h (10) */
  maxFactor?: number;
}

export class PIController implements StepSizeController {
  hNext = 0;
  private readonly expo1: number;
  private readonly beta: number;
  private readonly safety: number;
  private readonly minFactor: number;
  private readonly maxFactor: number;
  /** log of the previous accepted error (Math.pow costs ~50 ns; log/exp are cheaper) */
  private logErrOld = LOG_1E_4;
  private rejectedLast = false;
  private hmax = Infinity;

  constructor(options: PIControllerOptions) {
    this.beta = options.beta ?? 0.04;
    this.expo1 = options.exponent - 0.75 * this.beta;
    this.safety = options.safety ?? 0.9;
    this.minFactor = options.minFactor ?? 0.2;
    this.maxFactor = options.maxFactor ?? 10;
  }

  reset(hmax: number): void {
    this.logErrOld = LOG_1E_4;
    this.rejectedLast = false;
    this.hmax = hmax;
    this.hNext = 0;
  }

  decide(h: number, err: number): boolean {
    // err^expo1, written as exp(expo1·log err): one log and one exp per step instead of two pow
    const logErr = Math.log(err);
    if (err <= 1) {
      // fac = h/hNew = err^expo1 / errOld^beta / safety, bounded to [1/maxFactor, 1/minFactor]
      let fac = Math.exp(this.expo1 * logErr - this.beta * this.logErrOld) / this.safety;
      fac = Math.max(1 / this.maxFactor, Math.min(1 / this.minFactor, fac));
      let hNew = h / fac;
      this.logErrOld = err > 1e-4 ? logErr : LOG_1E_4;
      if (hNew > this.hmax) hNew = this.hmax;
      if (this.rejectedLast && hNew > h) hNew = h;
      this.rejectedLast = false;
      this.hNext = hNew;
      return true;
    }
    this.rejectedLast = true;
    this.hNext = h / Math.min(1 / this.minFactor, Math.exp(this.expo1 * logErr) / this.safety);
    return false;
  }
}
