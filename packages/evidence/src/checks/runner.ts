// Why this module exists: the checks are only useful if they run over the whole evidence base and
// say, in words a clinician can act on, which study, which numbers, and what is wrong ("89% and 67%
// are impossible with 17 patients"). The runner walks every study and every seed claim and applies:
//   grim             percentages of people against their denominators (grim.ts)
//   arithmetic       subgroups and arms add up, enrolled − lost = completed, events ≤ total
//   statcheck        p against a printed t, F, χ², z, r or Q (statcheck.ts)
//   p-from-counts    p against the 2×2 counts (Fisher, χ², χ² with Yates; pvalues.ts)
//   p-from-ci        p against the printed estimate and CI; ci-centred: the CI sits around the estimate
//   seed-vs-source   a number in the seed against the same number in its primary source
//   reconstruction   (demonstration only, never data) which 2×2 tables fit rounded percentages and a p
// Severity: error = impossible or contradicted (a decision error included); warning = inconsistent
// under an assumption (an unstated denominator) or not reproduced; info = checked and consistent, or context.
import type { EvidenceBase } from '../data/load.js';
import type { NumberValue } from '../schema/number.js';
import type { Arm, ArmResult, Comparison, Outcome, Study } from '../schema/study.js';
import type { Claim } from '../schema/claim.js';
import { grimPercent, consistentSampleSizes } from './grim.js';
import { statcheck } from './statcheck.js';
import { checkPFromCi, checkPFromCounts, ciCentred, matchesPrintedP, pValuesFromCounts, type PrintedP, type PTestName } from './pvalues.js';
import { roundTo, decimalsOf } from './decimals.js';

export const CHECK_KINDS = ['grim', 'arithmetic', 'statcheck', 'p-from-counts', 'p-from-ci', 'ci-centred', 'seed-vs-source', 'reconstruction'] as const;
export type CheckKind = (typeof CHECK_KINDS)[number];
export const SEVERITIES = ['error', 'warning', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

export interface Finding {
  readonly check: CheckKind;
  readonly severity: Severity;
  readonly studyId?: string;
  readonly claimId?: string;
  readonly outcomeId?: string;
  /** The numbers tested, as printed. */
  readonly numbers: string;
  readonly message: string;
  /** True when the finding rests on reconstructed tables: a demonstration, never data. */
  readonly demonstration?: boolean;
}

/** The printed form of a number with a value (confirmed: as printed; derived: its value). */
function printed(n: NumberValue | undefined): string | undefined {
  if (n === undefined || n.status === 'not_found') return undefined;
  return n.status === 'confirmed' ? n.reported : String(n.value);
}

function intValue(n: NumberValue | undefined): number | undefined {
  if (n === undefined || n.status === 'not_found') return undefined;
  return Number.isInteger(n.value) && n.value >= 0 ? n.value : undefined;
}

const isCrossover = (s: Study) => s.evidenceLevel === 'crossover_rct' || /crossover/i.test(s.design);
const isParallel = (s: Study) => (s.evidenceLevel === 'rct' || s.evidenceLevel === 'cohort') && !isCrossover(s);

interface Candidate {
  readonly n: number;
  readonly label: string;
}

/** Denominators a percentage without a stated total could have been computed from. */
function candidateDenominators(study: Study, arm: Arm | undefined): Candidate[] {
  const out: Candidate[] = [];
  const push = (n: NumberValue | undefined, label: string) => {
    const v = intValue(n);
    if (v !== undefined && v > 0 && !out.some((c) => c.n === v)) out.push({ n: v, label });
  };
  const armLevel = arm !== undefined && !isCrossover(study) && study.arms.length > 1;
  if (armLevel) {
    push(arm.n, `${arm.label}: assigned`);
    push(arm.completed, `${arm.label}: completed`);
    return out;
  }
  push(study.flow.analysed, 'analysed');
  push(study.flow.completed, 'completed');
  push(study.flow.randomized, 'randomized');
  push(study.flow.enrolled, 'enrolled');
  if (arm !== undefined) push(arm.n, `${arm.label}: n`);
  return out;
}

function armOf(study: Study, id: string): Arm | undefined {
  return study.arms.find((a) => a.id === id);
}

function where(study: Study, outcome: Outcome, r?: ArmResult): string {
  const arm = r === undefined ? undefined : armOf(study, r.arm);
  return `${study.label}, ${outcome.name}${arm !== undefined && study.arms.length > 1 ? ` (${arm.label})` : ''}`;
}

function listNs(ns: readonly number[]): string {
  return ns.length === 0 ? 'none' : ns.join(', ');
}

/** GRIM and count/percent agreement for every share-of-participants percentage. */
function grimChecks(study: Study, outcome: Outcome, out: Finding[]): void {
  for (const r of outcome.results) {
    const pctText = printed(r.percent);
    if (pctText === undefined || r.percent?.status !== 'confirmed') continue;
    const events = intValue(r.events);
    const total = intValue(r.total);
    const base = { check: 'grim' as const, studyId: study.id, outcomeId: outcome.id };
    const at = where(study, outcome, r);
    if (total !== undefined) {
      const g = grimPercent(pctText, total);
      if (events !== undefined) {
        const ok = g.numerators.includes(events);
        out.push({
          ...base,
          severity: ok ? 'info' : 'error',
          numbers: `${events}/${total} = ${pctText}%`,
          message: ok
            ? `${at}: ${events}/${total} = ${((100 * events) / total).toFixed(2)}% rounds to the printed ${pctText}%.`
            : `${at}: ${events}/${total} is ${((100 * events) / total).toFixed(2)}%, not ${pctText}%; with ${total} the count for ${pctText}% would be ${listNs(g.numerators)}.`,
        });
      } else {
        out.push({
          ...base,
          severity: g.consistent ? 'info' : 'error',
          numbers: `${pctText}% of ${total}`,
          message: g.consistent
            ? `${at}: ${pctText}% of ${total} is possible (${listNs(g.numerators)}/${total}).`
            : `${at}: ${pctText}% is impossible with ${total} (GRIM).`,
        });
      }
      continue;
    }
    const arm = armOf(study, r.arm);
    const cands = candidateDenominators(study, arm);
    if (cands.length === 0) continue;
    if (events !== undefined) {
      const fits = cands.filter((c) => grimPercent(pctText, c.n).numerators.includes(events));
      const c0 = cands[0];
      out.push({
        ...base,
        severity: fits.length > 0 ? 'info' : 'error',
        numbers: `${events} (${pctText}%)`,
        message:
          fits.length > 0
            ? `${at}: ${events} (${pctText}%) fits ${fits.map((c) => `${c.n} ${c.label}`).join(', ')}.`
            : `${at}: "${events} (${pctText}%)" is impossible: ${cands.map((c) => `${events}/${c.n} = ${((100 * events) / c.n).toFixed(1)}%`).join(', ')}${c0 !== undefined ? `; ${pctText}% of ${c0.n} would be ${listNs(grimPercent(pctText, c0.n).numerators)}` : ''}.`,
      });
      continue;
    }
    const results = cands.map((c) => ({ c, g: grimPercent(pctText, c.n) }));
    const good = results.filter((x) => x.g.consistent);
    const bad = results.filter((x) => !x.g.consistent);
    const maxN = Math.max(...cands.map((c) => c.n));
    const hi = Math.max(20, maxN);
    const lo = hi <= 20 ? 1 : Math.max(1, Math.round(maxN * 0.75));
    const range = consistentSampleSizes(pctText, lo, hi, { percent: true });
    const rangeText = `denominators in ${lo}–${hi} that fit ${pctText}%: ${listNs(range)}`;
    const describe = (xs: typeof results) => xs.map((x) => `${x.c.n} (${x.c.label})`).join(', ');
    if (bad.length === 0) {
      out.push({ ...base, severity: 'info', numbers: `${pctText}%`, message: `${at}: ${pctText}% fits ${describe(good)}.` });
    } else if (good.length === 0) {
      // In a single-group study a percentage of "patients" is of its patients unless exclusions are
      // reported, so no fitting N is an error; with several arms the per-outcome denominators may be
      // unreported subsets (completers with endoscopy, say), so it is a warning.
      const singleGroup = study.arms.length === 1 && !isCrossover(study) && (study.flow.lost ?? []).length === 0;
      out.push({
        ...base,
        severity: singleGroup ? 'error' : 'warning',
        numbers: `${pctText}%`,
        message: `${at}: ${pctText}% is impossible with ${describe(bad)}: ${bad
          .map((x) => {
            const k = Math.floor((Number(pctText) * x.c.n) / 100);
            return `${k}/${x.c.n} = ${((100 * k) / x.c.n).toFixed(1)}%, ${k + 1}/${x.c.n} = ${((100 * (k + 1)) / x.c.n).toFixed(1)}%`;
          })
          .join('; ')}; ${rangeText}.`,
      });
    } else {
      out.push({
        ...base,
        severity: 'warning',
        numbers: `${pctText}%`,
        message: `${at}: denominator not stated; ${pctText}% fits ${describe(good)} but not ${describe(bad)}; ${rangeText}.`,
      });
    }
  }
}

/** For single-group studies: sample sizes that fit all the group's undenominated percentages at once. */
function jointGrim(study: Study, out: Finding[]): void {
  // Only for one group of patients: in a crossover or multi-arm study outcomes can have different denominators.
  if (study.arms.length !== 1 || isCrossover(study)) return;
  const byArm = new Map<string, { text: string; outcome: string }[]>();
  for (const o of study.outcomes) {
    for (const r of o.results) {
      const t = printed(r.percent);
      if (t === undefined || r.percent?.status !== 'confirmed' || r.total !== undefined && intValue(r.total) !== undefined || intValue(r.events) !== undefined) continue;
      const list = byArm.get(r.arm) ?? [];
      list.push({ text: t, outcome: o.name });
      byArm.set(r.arm, list);
    }
  }
  for (const [armId, list] of byArm) {
    if (list.length < 2) continue;
    const arm = armOf(study, armId);
    const cands = candidateDenominators(study, arm);
    const maxN = Math.max(20, ...cands.map((c) => c.n));
    const joint = consistentSampleSizes(list[0]?.text ?? '0', 1, maxN, { percent: true }).filter((n) =>
      list.every((x) => grimPercent(x.text, n).consistent),
    );
    const stated = cands.filter((c) => joint.includes(c.n));
    out.push({
      check: 'grim',
      severity: stated.length > 0 ? 'info' : 'warning',
      studyId: study.id,
      numbers: list.map((x) => `${x.text}%`).join(', '),
      message: `${study.label}: sample sizes ≤ ${maxN} that fit ${list.map((x) => `${x.text}% (${x.outcome})`).join(' and ')} together: ${listNs(joint)}${
        cands.length > 0 ? `; reported N: ${cands.map((c) => `${c.n} ${c.label}`).join(', ')}` : ''
      }.`,
    });
  }
}

function arithmeticChecks(study: Study, out: Finding[]): void {
  const base = { check: 'arithmetic' as const, studyId: study.id };
  const f = study.flow;
  const add = (ok: boolean, numbers: string, good: string, bad: string) =>
    out.push({ ...base, severity: ok ? 'info' : 'error', numbers, message: `${study.label}: ${ok ? good : bad}` });

  for (const of of ['enrolled', 'studies'] as const) {
    const parts = (f.subgroups ?? []).filter((g) => g.of === of);
    const total = intValue(of === 'enrolled' ? f.enrolled : f.studies);
    const counts = parts.map((g) => intValue(g.count));
    if (parts.length < 2 || total === undefined || counts.some((c) => c === undefined)) continue;
    const sum = counts.reduce<number>((a, b) => a + (b ?? 0), 0);
    const numbers = `${parts.map((g) => printed(g.count)).join(' + ')} = ${sum} vs ${total}`;
    add(sum === total, numbers, `subgroups add up to the ${of} total (${numbers}).`, `subgroups (${parts.map((g) => g.label).join(', ')}) add up to ${sum}, not the ${total} ${of}.`);
  }

  const enrolled = intValue(f.randomized) ?? intValue(f.enrolled);
  const lost = f.lost ?? [];
  const lostCounts = lost.map((l) => intValue(l.count));
  const completed = intValue(f.completed);
  if (lost.length > 0 && enrolled !== undefined && completed !== undefined && lostCounts.every((c) => c !== undefined)) {
    const sum = lostCounts.reduce<number>((a, b) => a + (b ?? 0), 0);
    const numbers = `${enrolled} − ${sum} vs ${completed}`;
    add(enrolled - sum === completed, numbers, `${enrolled} enrolled − ${sum} lost = ${completed} completed.`, `${enrolled} enrolled − ${sum} lost = ${enrolled - sum}, but ${completed} completed are reported.`);
  }

  if (!isCrossover(study) && study.arms.length > 1 && enrolled !== undefined) {
    const ns = study.arms.map((a) => intValue(a.n));
    if (ns.every((n) => n !== undefined) && study.status !== 'planned') {
      const sum = ns.reduce<number>((a, b) => a + (b ?? 0), 0);
      const numbers = `${ns.join(' + ')} = ${sum} vs ${enrolled}`;
      add(sum === enrolled, numbers, `arms add up to the total (${numbers}).`, `arms add up to ${sum}, not the ${enrolled} enrolled.`);
    }
  }

  for (const a of study.arms) {
    const n = intValue(a.n);
    const c = intValue(a.completed);
    if (n !== undefined && c !== undefined && c > n) {
      out.push({ ...base, severity: 'error', numbers: `${c} > ${n}`, message: `${study.label}, ${a.label}: ${c} completed but only ${n} assigned.` });
    }
  }
  for (const o of study.outcomes) {
    for (const r of o.results) {
      const e = intValue(r.events);
      const t = intValue(r.total);
      if (e !== undefined && t !== undefined && e > t) {
        out.push({ ...base, outcomeId: o.id, severity: 'error', numbers: `${e}/${t}`, message: `${where(study, o, r)}: ${e} events out of ${t}.` });
      }
    }
  }
}

function printedP(c: Comparison): PrintedP | undefined {
  const p = c.p;
  if (p === undefined || p.status !== 'confirmed') return undefined;
  return { text: p.reported, comparator: p.comparator ?? '=' };
}

const pText = (p: PrintedP) => `p ${p.comparator} ${p.text}`;
const fmtP = (p: number) => (p < 0.0001 ? p.toExponential(1) : p.toPrecision(2));
const TEST_LABEL: Record<PTestName, string> = { fisher: 'Fisher', chi2: 'χ²', 'chi2-yates': 'χ² (Yates)' };

function pChecks(study: Study, outcome: Outcome, out: Finding[]): void {
  const base = { studyId: study.id, outcomeId: outcome.id };
  for (const c of outcome.comparisons) {
    const p = printedP(c);
    // statcheck: a printed test statistic with its p
    if (c.test !== undefined && p !== undefined && c.test.value.status === 'confirmed') {
      const t = c.test;
      const stat = t.value.status === 'confirmed' ? t.value.reported : '';
      const r = statcheck({
        type: t.type,
        stat,
        df1: t.df1,
        df2: t.df2,
        p: p.text,
        pComparison: p.comparator === '≤' ? '<' : p.comparator === '≥' ? '>' : p.comparator,
      }, { oneTailedTests: t.tails === 1 });
      const label = `${t.type}${t.df1 !== undefined ? `(${[t.df1, t.df2].filter((x) => x !== undefined).join(', ')})` : ''} = ${stat}, ${pText(p)}`;
      out.push({
        ...base,
        check: 'statcheck',
        severity: r.decisionError ? 'error' : r.error ? 'warning' : 'info',
        numbers: label,
        message: `${study.label}, ${outcome.name}: ${label}; recomputed p = ${fmtP(r.computedP)} (rounding interval ${fmtP(r.lowerP)}–${fmtP(r.upperP)}): ${
          r.decisionError ? 'decision error (significance flips)' : r.error ? 'inconsistent' : 'consistent'
        }.`,
      });
    }

    if (c.arms.length !== 2) continue;
    const [r1, r2] = c.arms.map((a) => outcome.results.find((r) => r.arm === a));
    const e1 = intValue(r1?.events);
    const n1 = intValue(r1?.total);
    const e2 = intValue(r2?.events);
    const n2 = intValue(r2?.total);

    // p from the 2×2 counts
    if (e1 !== undefined && n1 !== undefined && e2 !== undefined && n2 !== undefined && !isCrossover(study)) {
      const numbers = `${e1}/${n1} vs ${e2}/${n2}`;
      if (p !== undefined) {
        const r = checkPFromCounts(p, e1, n1, e2, n2);
        const computed = (Object.keys(r.computed) as PTestName[]).map((k) => `${TEST_LABEL[k]} ${fmtP(r.computed[k])}`).join(', ');
        out.push({
          ...base,
          check: 'p-from-counts',
          severity: r.decisionError ? 'error' : r.matching.length === 0 ? 'warning' : 'info',
          numbers: `${numbers}, ${pText(p)}`,
          message: `${study.label}, ${outcome.name}: ${numbers}, reported ${pText(p)}; computed ${computed}: ${
            r.matching.length > 0 ? `consistent (${r.matching.map((m) => TEST_LABEL[m]).join(', ')})` : r.decisionError ? 'decision error' : 'not reproduced by any of these tests'
          }.`,
        });
      }
    }

    // p from the estimate and CI
    const eff = c.effect;
    if (eff !== undefined && p !== undefined) {
      const est = printed(eff.estimate);
      const lo = printed(eff.ciLower);
      const hi = printed(eff.ciUpper);
      if (est !== undefined && lo !== undefined && hi !== undefined && eff.estimate.status === 'confirmed') {
        const ratio = eff.measure === 'RR' || eff.measure === 'OR';
        const r = checkPFromCi({ estimate: est, lower: lo, upper: hi, ratio, level: eff.ciLevel }, p);
        out.push({
          ...base,
          check: 'p-from-ci',
          severity: r.consistent ? 'info' : 'warning',
          numbers: `${eff.measure} ${est} (${lo} to ${hi}), ${pText(p)}`,
          message: `${study.label}, ${outcome.name}: ${eff.measure} ${est} (${lo} to ${hi}) gives p = ${fmtP(r.central)} (${fmtP(r.min)}–${fmtP(r.max)} over rounding); reported ${pText(p)}: ${r.consistent ? 'consistent' : 'inconsistent'}.`,
        });
      }
    }
  }

  // counts without a printed p: give the p for context (parallel two-group outcomes only)
  if (isParallel(study) || study.evidenceLevel === 'unpublished_report') {
    const withCounts = outcome.results.filter((r) => intValue(r.events) !== undefined && intValue(r.total) !== undefined);
    const hasP = outcome.comparisons.some((c) => c.p !== undefined && c.p.status !== 'not_found');
    if (withCounts.length === 2 && !hasP) {
      const [x, y] = withCounts;
      const e1 = intValue(x?.events) ?? 0;
      const n1 = intValue(x?.total) ?? 0;
      const e2 = intValue(y?.events) ?? 0;
      const n2 = intValue(y?.total) ?? 0;
      const pv = pValuesFromCounts(e1, n1, e2, n2);
      out.push({
        ...base,
        check: 'p-from-counts',
        severity: 'info',
        numbers: `${e1}/${n1} vs ${e2}/${n2}`,
        message: `${study.label}, ${outcome.name}: ${e1}/${n1} vs ${e2}/${n2}, no p reported; computed Fisher ${fmtP(pv.fisher)}, χ² ${fmtP(pv.chi2)}, χ² (Yates) ${fmtP(pv['chi2-yates'])}.`,
      });
    }
  }
}

function ciChecks(study: Study, outcome: Outcome, out: Finding[]): void {
  const base = { check: 'ci-centred' as const, studyId: study.id, outcomeId: outcome.id };
  const test = (label: string, est: NumberValue | undefined, lo: NumberValue | undefined, hi: NumberValue | undefined, ratio: boolean) => {
    const e = printed(est);
    const l = printed(lo);
    const h = printed(hi);
    if (e === undefined || l === undefined || h === undefined || est?.status !== 'confirmed') return;
    const ok = ciCentred({ estimate: e, lower: l, upper: h, ratio });
    out.push({
      ...base,
      severity: ok ? 'info' : 'warning',
      numbers: `${e} (${l} to ${h})`,
      message: `${study.label}, ${label}: ${e} (${l} to ${h}) ${ok ? 'is centred on the estimate' : 'is not centred on the estimate'}${ratio ? ' on the log scale' : ''} within rounding.`,
    });
  };
  for (const c of outcome.comparisons) {
    const eff = c.effect;
    if (eff === undefined || eff.measure === 'median_difference') continue;
    test(`${outcome.name}, ${eff.measure}`, eff.estimate, eff.ciLower, eff.ciUpper, eff.measure === 'RR' || eff.measure === 'OR');
  }
  for (const r of outcome.results) {
    const arm = armOf(study, r.arm);
    test(`${outcome.name} (${arm?.label ?? r.arm})`, r.change ?? r.mean, r.ciLower, r.ciUpper, false);
  }
}

/** Demonstration only: which 2×2 tables fit two rounded percentages and reproduce a printed p. */
function reconstruction(study: Study, outcome: Outcome, out: Finding[]): void {
  if (!isParallel(study) || study.evidenceLevel !== 'rct') return;
  for (const c of outcome.comparisons) {
    const p = printedP(c);
    if (p === undefined || c.arms.length !== 2) continue;
    const rs = c.arms.map((a) => outcome.results.find((r) => r.arm === a));
    const pcts = rs.map((r) => (r?.percent?.status === 'confirmed' ? r.percent.reported : undefined));
    if (pcts.some((x) => x === undefined) || rs.some((r) => intValue(r?.total) !== undefined)) continue;
    const maxNs = c.arms.map((a) => intValue(armOf(study, a)?.n));
    if (maxNs.some((n) => n === undefined)) continue;
    const lo = 5;
    const sets = pcts.map((t, i) => consistentSampleSizes(t ?? '0', lo, maxNs[i] ?? lo, { percent: true }));
    const tables: { t: [number, number, number, number]; p: Record<PTestName, number> }[] = [];
    for (const n1 of sets[0] ?? []) {
      for (const k1 of grimPercent(pcts[0] ?? '0', n1).numerators) {
        for (const n2 of sets[1] ?? []) {
          for (const k2 of grimPercent(pcts[1] ?? '0', n2).numerators) {
            const pv = pValuesFromCounts(k1, n1, k2, n2);
            tables.push({ t: [k1, n1, k2, n2], p: { fisher: pv.fisher, chi2: pv.chi2, 'chi2-yates': pv['chi2-yates'] } });
          }
        }
      }
    }
    const hits = tables.flatMap((x) =>
      (['fisher', 'chi2', 'chi2-yates'] as const)
        .filter((k) => Number.isFinite(x.p[k]) && matchesPrintedP(x.p[k], p))
        .map((k) => `${x.t[0]}/${x.t[1]} vs ${x.t[2]}/${x.t[3]} (${TEST_LABEL[k]} ${x.p[k].toFixed(4)})`),
    );
    out.push({
      check: 'reconstruction',
      severity: 'info',
      demonstration: true,
      studyId: study.id,
      outcomeId: outcome.id,
      numbers: `${pcts[0]}% vs ${pcts[1]}%, ${pText(p)}`,
      message: `${study.label}, ${outcome.name} (demonstration, inference only, not data): per-arm denominators are not reported; with ${lo}–${maxNs[0]} and ${lo}–${maxNs[1]} per arm, ${pcts[0]}% fits n = ${listNs(sets[0] ?? [])} and ${pcts[1]}% fits n = ${listNs(sets[1] ?? [])}; of ${tables.length} such tables, ${
        hits.length === 0 ? `none reproduces ${pText(p)} by Fisher or χ²` : `these reproduce ${pText(p)}: ${hits.join('; ')}`
      }.`,
    });
  }
}

function fieldValue(study: Study, claimValue: Claim['seedValues'][number]): NumberValue | undefined {
  const t = claimValue.compareTo;
  if (t === undefined) return undefined;
  const o = study.outcomes.find((x) => x.id === t.outcome);
  const r = o?.results.find((x) => x.arm === t.arm);
  return r?.[t.field];
}

function claimChecks(claim: Claim, base: EvidenceBase, out: Finding[]): void {
  for (const v of claim.seedValues) {
    if (v.compareTo !== undefined) {
      const study = base.studies.find((s) => s.id === v.compareTo?.study);
      if (study === undefined) continue;
      const src = fieldValue(study, v);
      const unit = v.unit === '%' ? '%' : v.unit !== undefined ? ` ${v.unit}` : '';
      if (src === undefined || src.status === 'not_found') {
        out.push({ check: 'seed-vs-source', severity: 'warning', claimId: claim.id, studyId: study.id, outcomeId: v.compareTo.outcome, numbers: `${v.reported}${unit}`,
          message: `${claim.id}: the seed's ${v.label} ${v.reported}${unit} has no value in ${study.label} to compare with (not found).` });
        continue;
      }
      const d = decimalsOf(v.reported);
      const same = roundTo(src.value, d) === roundTo(v.value, d);
      const srcText = src.status === 'confirmed' ? src.reported : `${src.value} (derived)`;
      out.push({
        check: 'seed-vs-source',
        severity: same ? 'info' : 'error',
        claimId: claim.id,
        studyId: study.id,
        outcomeId: v.compareTo.outcome,
        numbers: `seed ${v.reported}${unit} vs source ${srcText}${unit}`,
        message: same
          ? `${claim.id}: the seed's ${v.label} ${v.reported}${unit} matches ${study.label} (${srcText}${unit}).`
          : `${claim.id}: the seed says ${v.label} ${v.reported}${unit}; ${study.label} says ${srcText}${unit}.`,
      });
    }
    if (v.unit === '%' && v.n !== undefined) {
      const g = grimPercent(v.reported, v.n);
      out.push({
        check: 'grim',
        severity: g.consistent ? 'info' : 'error',
        claimId: claim.id,
        numbers: `${v.reported}% of ${v.n}`,
        message: g.consistent
          ? `${claim.id}: the seed's ${v.label} ${v.reported}% of ${v.n} is possible${g.testable ? '' : ` (GRIM has no power here: ${v.n} ≥ ${10 ** g.decimals})`}.`
          : `${claim.id}: the seed's ${v.label} ${v.reported}% is impossible with ${v.n} (GRIM).`,
      });
    }
  }
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Runs every check over the evidence base; findings sorted by severity, then study, then claim. */
export function runChecks(base: EvidenceBase): Finding[] {
  const out: Finding[] = [];
  for (const study of base.studies) {
    arithmeticChecks(study, out);
    for (const outcome of study.outcomes) {
      grimChecks(study, outcome, out);
      pChecks(study, outcome, out);
      ciChecks(study, outcome, out);
      reconstruction(study, outcome, out);
    }
    jointGrim(study, out);
  }
  for (const claim of base.claims) claimChecks(claim, base, out);
  const order = new Map(base.studies.map((s, i) => [s.id, i]));
  return out
    .map((f, i) => ({ f, i }))
    .sort(
      (a, b) =>
        SEVERITY_ORDER[a.f.severity] - SEVERITY_ORDER[b.f.severity] ||
        (order.get(a.f.studyId ?? '') ?? 1e6) - (order.get(b.f.studyId ?? '') ?? 1e6) ||
        (a.f.claimId ?? '').localeCompare(b.f.claimId ?? '') ||
        a.i - b.i,
    )
    .map((x) => x.f);
}

export function countBySeverity(findings: readonly Finding[]): Record<Severity, number> {
  const c: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) c[f.severity] += 1;
  return c;
}

/** Findings that bear on a claim: its own, and warnings or errors on the studies it rests on. */
export function findingsForClaim(claim: Claim, findings: readonly Finding[]): Finding[] {
  return findings.filter(
    (f) => f.claimId === claim.id || (f.claimId === undefined && f.studyId !== undefined && claim.studyIds.includes(f.studyId) && f.severity !== 'info'),
  );
}
