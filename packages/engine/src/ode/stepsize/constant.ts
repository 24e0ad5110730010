// A "controller" that never adapts: every step is accepted and has the size of the first one
// (control.h0), except the last step of a segment, which the solver shortens to land on the end.
// Used to measure a method's convergence order with fixed steps, and for reproducibility studies.

import type { StepSizeController } from './controller.js';

export class ConstantStepController implements StepSizeController {
  hNext = 0;
  private step = 0;

  reset(_hmax: number): void {
    this.step = 0;
    this.hNext = 0;
  }

  decide(h: number, _err: number): boolean {
    if (this.step === 0) this.step = h;
    this.hNext = this.step;
    return true;
  }
}
