// The closed-form depot of simulate(): the model's declaration must hold (its right-hand side for
// the depot is exactly −ka·depot), and integrating the depot exactly must give the same solution
// as integrating it as an ODE, with far fewer steps.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildLdnModel, expandRegimen, fullParameterSet, ldnModel, parameterValues, simpleRegimen, simulate, stateIndex } from '@ldn/engine';

const p = parameterValues(fullParameterSet('literature'));

describe('exact depot', () => {
  it('the declaration holds: d(gut)/dt = −ka·gut at any state', () => {
    const sys = ldnModel.system(p);
    const g = stateIndex(ldnModel, 'gut');
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1e5, noNaN: true }), { minLength: 8, maxLength: 8 }), (ys) => {
        const y = Float64Array.from(ys);
        const dy = new Float64Array(8);
        sys.rhs(0, y, dy);
        expect(dy[g]).toBe(-p.ka! * y[g]!);
      }),
    );
  });
  it('gives the same outputs and states as the ODE depot (1e-6 relative), for the core and with all modules', () => {
    for (const model of [buildLdnModel([]), buildLdnModel(['rebound', 'tlr4', 'ogf'])]) {
      const schedule = expandRegimen({ steps: [{ dose_mg: 1.5, time: '22:00', days: 3 }, { dose_mg: 4.5, every_h: 12 }] }, 8 * 24);
      const control = { rtol: 1e-9, atol: 1e-12 };
      const exact = simulate({ model, schedule, days: 8, step_h: 0.5, control, includeStates: true });
      const ode = simulate({ model, schedule, days: 8, step_h: 0.5, control, includeStates: true, exactDepot: false });
      for (const [id, a] of Object.entries(exact.series)) {
        const b = ode.series[id]!;
        for (let i = 0; i < a.length; i++) expect(Math.abs(a[i]! - b[i]!), `${id}[${i}]`).toBeLessThanOrEqual(1e-6 * Math.max(Math.abs(b[i]!), 1e-9));
      }
      const ga = exact.states!.gut!;
      const gb = ode.states!.gut!;
      for (let i = 1; i < ga.length; i++) expect(Math.abs(ga[i]! - gb[i]!)).toBeLessThanOrEqual(1e-6 * Math.max(gb[i]!, 1e-6));
    }
  });
  it('takes at least 2× fewer steps over 28 days of daily dosing', () => {
    const schedule = expandRegimen(simpleRegimen({ dose_mg: 4.5 }), 28 * 24);
    const model = buildLdnModel(['rebound', 'tlr4', 'ogf']);
    const exact = simulate({ model, schedule, days: 28 });
    const ode = simulate({ model, schedule, days: 28, exactDepot: false });
    expect(ode.stats.accepted / exact.stats.accepted).toBeGreaterThan(2);
  });
});
