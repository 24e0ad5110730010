// The predictive step-size controller of Gustafsson (1994) as used by Hairer & Wanner's stiff
// codes RODAS and RADAU5 (Solving ODEs II, §IV.8, eq. 8.21): after two accepted steps the new
// step also uses the ratio of the last two errors and steps, which avoids the repeated
// rejections a standard controller shows when a stiff solution settles onto its slow manifold.
// Defaults are those of RODAS (fac1 = 5, fac2 = 1/6, safety 0.9).

import type { StepSizeController } from './controller.js';

const LOG_1E_2 = Math.log(1e-2);

export interface PredictiveControllerOptions {
  /** exponent 1/(q+1), q the order of the embedded estimate (Rodas4: 1/4) */
  exponent: number;
  safety?: number;
  /** smallest ratio hNew/h (0.2) */
  minFactor?: number;
  /** largest ratio hNew/h (6) */
  maxFactor?: number;
}

export class PredictiveController implements StepSizeController {
  hNext = 0;
  private readonly exponent: number;
  private readonly safety: number;
  private readonly minFactor: number;
  private readonly maxFactor: number;
  private hAcc = 0;
  private logErrAcc = 0;
  private acceptedCount = 0;
  private rejectedLast = false;
  private hmax = Infinity;

  constructor(options: PredictiveControllerOptions) {
    this.exponent = options.exponent;
    this.safety = options.safety ?? 0.9;
    this.minFactor = options.minFactor ?? 0.2;
    this.maxFactor = options.maxFactor ?? 6;
  }

  reset(hmax: number): void {
    this.hAcc = 0;
    this.logErrAcc = 0;
    this.acceptedCount = 0;
    this.rejectedLast = false;
    this.hmax = hmax;
    this.hNext = 0;
  }

  decide(h: number, err: number): boolean {
    const lo = 1 / this.maxFactor;
    const hi = 1 / this.minFactor;
    const k = this.exponent;
    const logErr = Math.log(err);
    let fac = Math.max(lo, Math.min(hi, Math.exp(k * logErr) / this.safety));
    if (err <= 1) {
      this.acceptedCount++;
      if (this.acceptedCount > 1) {
        // (hAcc/h) · (err²/errAcc)^k / safety
        let facGus = ((this.hAcc / h) * Math.exp(k * (2 * logErr - this.logErrAcc))) / this.safety;
        facGus = Math.max(lo, Math.min(hi, facGus));
        fac = Math.max(fac, facGus);
      }
      this.hAcc = h;
      this.logErrAcc = err > 1e-2 ? logErr : LOG_1E_2;
      let hNew = h / fac;
      if (hNew > this.hmax) hNew = this.hmax;
      if (this.rejectedLast && hNew > h) hNew = h;
      this.rejectedLast = false;
      this.hNext = hNew;
      return true;
    }
    this.rejectedLast = true;
    this.hNext = h / fac;
    return false;
  }
}
