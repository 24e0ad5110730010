// Local normalised sensitivities S = ∂ln y/∂ln p by central differences in log space, against
// analytic derivatives of closed-form functions; absolute sensitivities where a metric is zero or
// crosses zero; and the smaller-step check catching a kink.
import { describe, expect, it } from 'vitest';
import { localSensitivity, SensitivityError, type MetricFunction } from '@ldn/engine';

const abc = [
  { id: 'a', low: 1, high: 2, base: 1.5 },
  { id: 'b', low: 1, high: 3, base: 2 },
  { id: 'c', low: 1, high: 5, base: 3 },
];

describe('local sensitivities against analytic derivatives', () => {
  it('y = a·b²/c gives S = 1, 2, −1 (exact for a power law), and a dummy parameter 0', () => {
    const fn: MetricFunction = (v) => ({ y: (v.a! * v.b! ** 2) / v.c! });
    const r = localSensitivity({ parameters: [...abc, { id: 'unused', low: 1, high: 2, base: 1.2 }], fn });
    const s = r.sensitivities.y!;
    expect(s.a!.value).toBeCloseTo(1, 10);
    expect(s.b!.value).toBeCloseTo(2, 10);
    expect(s.c!.value).toBeCloseTo(-1, 10);
    expect(s.unused!.value).toBe(0);
    for (const e of Object.values(s)) expect(e).toMatchObject({ kind: 'relative', stable: true });
    expect(r.evaluations).toBe(1 + 4 * 4);
    expect(r.baseMetrics.y).toBeCloseTo((1.5 * 4) / 3, 14);
  });

  it('a non-power law, y = e^a + b: S_a = a·e^a / y within the O(h²) error, and the check step is closer', () => {
    const fn: MetricFunction = (v) => ({ y: Math.exp(v.a!) + v.b! });
    const r = localSensitivity({ parameters: abc.slice(0, 2), fn }, { step: 0.02 });
    const y = Math.exp(1.5) + 2;
    const exactA = (1.5 * Math.exp(1.5)) / y;
    const exactB = 2 / y;
    const s = r.sensitivities.y!;
    expect(Math.abs(s.a!.value - exactA)).toBeLessThan(1e-3);
    expect(Math.abs(s.b!.value - exactB)).toBeLessThan(1e-3);
    expect(Math.abs(s.a!.check - exactA)).toBeLessThan(Math.abs(s.a!.value - exactA));
    expect(r.step).toBe(0.02);
    expect(r.checkStep).toBe(0.005);
  });

  it('a metric that is zero at the base point gets absolute sensitivities ∂y/∂ln p, and says so', () => {
    // z = a − 1.5 is 0 at a = 1.5: ∂z/∂ln a = a = 1.5; w = (b − 2)·c crosses zero in b: ∂w/∂ln b = b·c = 6
    const fn: MetricFunction = (v) => ({ z: v.a! - 1.5, w: (v.b! - 2) * v.c!, y: v.a! * v.c! });
    const r = localSensitivity({ parameters: abc, fn });
    expect(r.sensitivities.z!.a).toMatchObject({ kind: 'absolute' });
    expect(r.sensitivities.z!.a!.value).toBeCloseTo(1.5, 4);
    expect(r.sensitivities.w!.b!.kind).toBe('absolute');
    expect(r.sensitivities.w!.b!.value).toBeCloseTo(6, 3);
    expect(r.sensitivities.y!.a!.kind).toBe('relative');
    expect(r.notes.join('\n')).toMatch(/z is zero at the base point: absolute sensitivities/);
    expect(r.notes.join('\n')).toMatch(/w is zero at the base point/);
  });

  it('a kink inside the step is caught by the smaller check step (marked unstable)', () => {
    // y = max(a, 1.505): the +1 % step reaches past the kink, the ±0.25 % check step does not
    const fn: MetricFunction = (v) => ({ y: Math.max(v.a!, 1.505) });
    const r = localSensitivity({ parameters: abc.slice(0, 1), fn });
    expect(r.sensitivities.y!.a!.stable).toBe(false);
    expect(r.sensitivities.y!.a!.check).toBe(0);
    expect(r.notes.join('\n')).toMatch(/disagree .* for: y\/a/);
  });

  it('refuses a bad step and reports a model failure with the point', () => {
    const fn: MetricFunction = (v) => ({ y: v.a! });
    expect(() => localSensitivity({ parameters: abc, fn }, { step: 0 })).toThrow(SensitivityError);
    const bad: MetricFunction = (v) => ({ y: v.a! > 1.51 ? NaN : 1 });
    expect(() => localSensitivity({ parameters: abc, fn: bad })).toThrow(/metric y is NaN at a=1\.51/);
  });
});
