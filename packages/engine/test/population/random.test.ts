// The cohort generator: golden values from an independent Python implementation (fixture
// prng_golden.py: arbitrary-precision integers, scipy's Cephes ndtri), 64-bit arithmetic against
// BigInt, deterministic log/exp against libm, and statistical sanity of 10^5 draws.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PatientStream, detExp, detLog, detExpit, detLogit, mix64, mul64, normalQuantile, patientKey, pow2, seedWord } from '../../src/population/index.js';

interface GoldenCase {
  seed: number;
  index: number;
  key_hex: string;
  state: number[];
  uint32: number[];
  uniforms: number[];
  normals: number[];
  lognormal_factors_omega_0_3: number[];
}
const golden = JSON.parse(readFileSync(new URL('./fixtures/prng-golden.json', import.meta.url), 'utf8')) as { cases: GoldenCase[]; quantiles: { p: number; z: number }[] };

const relErr = (a: number, b: number) => Math.abs(a - b) / Math.max(Math.abs(b), 1e-300);

describe('PRNG golden values match an independent Python implementation', () => {
  it.each(golden.cases.map((c) => [c.seed, c.index, c] as const))('seed %s, patient %s: key, state and 32-bit outputs exactly; uniforms exactly; normals within 1e-14', (_s, _i, c) => {
    const key = patientKey(c.seed, c.index);
    expect(key.hi.toString(16).padStart(8, '0') + key.lo.toString(16).padStart(8, '0')).toBe(c.key_hex);
    const s = new PatientStream(c.seed, c.index);
    expect(s.state()).toEqual(c.state);
    expect(Array.from({ length: 8 }, () => s.nextUint32())).toEqual(c.uint32);
    const u = Array.from({ length: 6 }, () => s.uniform());
    expect(u).toEqual(c.uniforms);
    u.forEach((x, k) => {
      expect(relErr(normalQuantile(x), c.normals[k]!)).toBeLessThan(1e-14);
      expect(relErr(detExp(0.3 * normalQuantile(x)), c.lognormal_factors_omega_0_3[k]!)).toBeLessThan(1e-14);
    });
  });

  it('normal quantile (AS 241) agrees with scipy ndtri from 1e-300 to 1 − 2^-52', () => {
    for (const q of golden.quantiles) {
      if (q.z === 0) expect(normalQuantile(q.p)).toBe(0);
      else expect(relErr(normalQuantile(q.p), q.z)).toBeLessThan(1e-14);
    }
    expect(normalQuantile(0)).toBe(-Infinity);
    expect(normalQuantile(1)).toBe(Infinity);
    expect(normalQuantile(1.5)).toBeNaN();
  });
});

describe('64-bit arithmetic in 32-bit halves equals BigInt', () => {
  const M = (1n << 64n) - 1n;
  const big = (x: { hi: number; lo: number }) => (BigInt(x.hi) << 32n) | BigInt(x.lo);
  const s = new PatientStream(7, 7);
  const word = () => ({ hi: s.nextUint32(), lo: s.nextUint32() });
  it('mul64 on 2,000 random pairs and edge values', () => {
    const cases = [
      [{ hi: 0xffffffff, lo: 0xffffffff }, { hi: 0xffffffff, lo: 0xffffffff }],
      [{ hi: 0, lo: 0xffffffff }, { hi: 0, lo: 0xffffffff }],
      [{ hi: 0x80000000, lo: 0 }, { hi: 0, lo: 2 }],
    ];
    for (let i = 0; i < 2000; i++) cases.push([word(), word()]);
    for (const [a, b] of cases) expect(big(mul64(a!, b!))).toBe((big(a!) * big(b!)) & M);
  });
  it('mix64 is SplitMix64 on random words', () => {
    const ref = (z: bigint) => {
      z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & M;
      z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & M;
      return z ^ (z >> 31n);
    };
    for (let i = 0; i < 500; i++) {
      const w = word();
      expect(big(mix64(w))).toBe(ref(big(w)));
    }
  });
  it('seeds must be whole numbers from 0 to 2^53 − 1', () => {
    expect(big(seedWord(2 ** 53 - 1))).toBe(2n ** 53n - 1n);
    expect(() => seedWord(1.5)).toThrow(/whole number/);
    expect(() => seedWord(-1)).toThrow(/whole number/);
    expect(() => seedWord(2 ** 53)).toThrow(/whole number/);
  });
});

describe('patient streams depend only on (seed, index)', () => {
  it('creating other streams first, or in another order, changes nothing', () => {
    const a = new PatientStream(5, 1234);
    const first = Array.from({ length: 10 }, () => a.uniform());
    for (let i = 0; i < 50; i++) new PatientStream(5, i).uniform();
    const b = new PatientStream(5, 1234);
    expect(Array.from({ length: 10 }, () => b.uniform())).toEqual(first);
  });
  it('neighbouring seeds and patients give unrelated streams', () => {
    const u = (seed: number, i: number) => new PatientStream(seed, i).uniform();
    expect(u(1, 0)).not.toBe(u(2, 0));
    expect(u(1, 0)).not.toBe(u(1, 1));
  });
});

function chiSquare(counts: number[], expected: number): number {
  return counts.reduce((s, c) => s + (c - expected) ** 2 / expected, 0);
}

describe('statistical sanity of 10^5 draws', () => {
  // χ² with 19 degrees of freedom: P(χ² > 43.82) = 0.001
  const CHI2_19_999 = 43.82;
  const N = 100_000;

  it('normals within one stream: mean, SD and 20 equiprobable bins', () => {
    const s = new PatientStream(20261125, 0);
    let sum = 0;
    let sq = 0;
    const bins = new Array<number>(20).fill(0);
    // bin edges: normal quantiles of k/20 (scipy golden values are tested above)
    const edges = Array.from({ length: 19 }, (_, k) => normalQuantile((k + 1) / 20));
    for (let i = 0; i < N; i++) {
      const z = s.normal();
      sum += z;
      sq += z * z;
      let b = 0;
      while (b < 19 && z > edges[b]!) b++;
      bins[b]!++;
    }
    const mean = sum / N;
    const sd = Math.sqrt(sq / N - mean * mean);
    expect(Math.abs(mean)).toBeLessThan(4 / Math.sqrt(N)); // 4 standard errors
    expect(Math.abs(sd - 1)).toBeLessThan(4 * Math.sqrt(0.5 / N));
    expect(chiSquare(bins, N / 20)).toBeLessThan(CHI2_19_999);
  });

  it('first draws across 10^5 patients are uniform and uncorrelated between neighbours', () => {
    const bins = new Array<number>(20).fill(0);
    let prev = 0.5;
    let sxy = 0;
    for (let i = 0; i < N; i++) {
      const u = new PatientStream(1, i).uniform();
      bins[Math.floor(u * 20)]!++;
      sxy += (u - 0.5) * (prev - 0.5);
      prev = u;
    }
    expect(chiSquare(bins, N / 20)).toBeLessThan(CHI2_19_999);
    // correlation of neighbours: var(u) = 1/12, SE of r ≈ 1/√N
    expect(Math.abs((sxy / N) * 12)).toBeLessThan(4 / Math.sqrt(N));
  });
});

describe('deterministic log and exp are within 2 ulp of libm', () => {
  const ulp = (x: number) => {
    const a = Math.abs(x);
    return a === 0 ? 5e-324 : 2 ** (Math.floor(Math.log2(a)) - 52);
  };
  it('detLog over 1e-300 … 1e300 and near 1; detExp over −700 … 700', () => {
    const s = new PatientStream(3, 3);
    for (let i = 0; i < 20_000; i++) {
      const x = 10 ** (600 * s.uniform() - 300);
      expect(Math.abs(detLog(x) - Math.log(x))).toBeLessThanOrEqual(2 * ulp(Math.log(x)) + 1e-300);
      const y = 1 + (s.uniform() - 0.5) * 1e-3;
      expect(Math.abs(detLog(y) - Math.log(y))).toBeLessThanOrEqual(2 * ulp(Math.log(y)));
      const e = 1400 * s.uniform() - 700;
      expect(Math.abs(detExp(e) - Math.exp(e))).toBeLessThanOrEqual(2 * ulp(Math.exp(e)));
    }
  });
  it('exact at the special points; subnormals; logit and expit invert each other', () => {
    expect(detExp(0)).toBe(1);
    expect(detLog(1)).toBe(0);
    expect(detLog(0)).toBe(-Infinity);
    expect(detLog(-1)).toBeNaN();
    expect(detExp(-800)).toBe(0);
    expect(detExp(800)).toBe(Infinity);
    expect(relErr(detLog(5e-324), Math.log(5e-324))).toBeLessThan(1e-15);
    expect(pow2(-1074)).toBe(5e-324);
    expect(pow2(1023)).toBe(2 ** 1023);
    for (const p of [1e-9, 0.05, 0.3, 0.5, 0.9, 1 - 1e-9]) expect(relErr(detExpit(detLogit(p)), p)).toBeLessThan(1e-12);
  });
});
