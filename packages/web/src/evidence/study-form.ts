// The "add a study" form as data: what the reader types (texts, numbers as printed, arms, outcomes)
// and the record it becomes (the evidence study schema, plus a new source when the study cites one
// the base lacks), for POST /api/evidence/studies. The rule of the evidence base holds here too: a
// number typed in the form is recorded as *confirmed*, exactly as printed, in the source named
// above, at the place given ("abstract", "Table 2"); a number not typed is left out, never guessed.
// Derived numbers (with their method) and not-found ones are written in the JSON editor. The record
// is checked with the same schema as the server's before it is sent; every problem names the form
// field it belongs to, so the page can mark and focus it.
import type { ARM_ROLES, DURATION_UNITS, IDENTIFICATION, INDIRECTNESS_DOMAINS, OUTCOME_CATEGORIES, SOURCE_KINDS, STUDY_STATUSES, WHERE } from '@ldn/evidence';
import { MAX_DOSE_MG } from '@ldn/engine';
import { ID_PATTERN, REPORTED_PATTERN, SourceSchema, StudySchema, type Condition, type EvidenceLevel } from '@ldn/evidence';

export type ArmRole = (typeof ARM_ROLES)[number];
export type OutcomeCategory = (typeof OUTCOME_CATEGORIES)[number];
export type SourceKind = (typeof SOURCE_KINDS)[number];
export type Where = (typeof WHERE)[number];
export type Identification = (typeof IDENTIFICATION)[number];
export const P_COMPARATORS = ['=', '<', '≤'] as const;

export interface ArmInput {
  label: string;
  role: ArmRole;
  /** participants, as printed */
  n: string;
  intervention: string;
  /** mg/day, as printed; blank when not an LDN or naltrexone arm */
  dose: string;
  timing: string;
}

export interface CellInput {
  events: string;
  total: string;
  mean: string;
  sd: string;
  n: string;
}

export interface OutcomeInput {
  name: string;
  category: OutcomeCategory;
  primary: boolean;
  timepoint: string;
  kind: 'dichotomous' | 'continuous';
  unit: string;
  /** one per arm, in the arms' order */
  cells: CellInput[];
  /** the between-arm (or, with one arm, within-arm) p-value as printed */
  p: string;
  pComparator: (typeof P_COMPARATORS)[number];
}

export interface IndirectnessInput {
  domain: (typeof INDIRECTNESS_DOMAINS)[number];
  reason: string;
}

export interface StudyForm {
  label: string;
  /** blank: made from the label */
  id: string;
  title: string;
  design: string;
  evidenceLevel: EvidenceLevel;
  status: (typeof STUDY_STATUSES)[number];
  conditions: Condition[];
  population: string;
  registryIds: string;
  duration: string;
  durationUnit: (typeof DURATION_UNITS)[number];
  source: {
    mode: 'new' | 'existing';
    /** existing mode: the id of a source already in the base */
    existingId: string;
    /** new mode: blank = "<study id>-src" */
    id: string;
    kind: SourceKind;
    citation: string;
    year: string;
    pmid: string;
    doi: string;
    url: string;
    identification: Identification;
  };
  where: Where;
  locator: string;
  enrolled: string;
  randomized: string;
  completed: string;
  analysed: string;
  arms: ArmInput[];
  outcomes: OutcomeInput[];
  indirectness: IndirectnessInput[];
  notes: string;
}

export const emptyCell = (): CellInput => ({ events: '', total: '', mean: '', sd: '', n: '' });
export const emptyArm = (role: ArmRole = 'ldn'): ArmInput => ({ label: '', role, n: '', intervention: '', dose: '', timing: '' });
export const emptyOutcome = (arms: number): OutcomeInput => ({
  name: '',
  category: 'efficacy',
  primary: false,
  timepoint: '',
  kind: 'dichotomous',
  unit: '',
  cells: Array.from({ length: arms }, emptyCell),
  p: '',
  pComparator: '=',
});

export function emptyStudyForm(): StudyForm {
  return {
    label: '',
    id: '',
    title: '',
    design: '',
    evidenceLevel: 'rct',
    status: 'completed',
    conditions: [],
    population: '',
    registryIds: '',
    duration: '',
    durationUnit: 'weeks',
    source: { mode: 'new', existingId: '', id: '', kind: 'journal_article', citation: '', year: '', pmid: '', doi: '', url: '', identification: 'confirmed' },
    where: 'abstract',
    locator: '',
    enrolled: '',
    randomized: '',
    completed: '',
    analysed: '',
    arms: [emptyArm('ldn'), emptyArm('placebo')],
    outcomes: [],
    indirectness: [],
    notes: '',
  };
}

// Ukrainian letters in Latin letters by the national transliteration (Cabinet of Ministers of
// Ukraine resolution No. 55 of 27 January 2010): the second form is used at the start of a word,
// and "зг" is "zgh".
const UK_LATIN: Record<string, string | [string, string]> = {
  а: 'a', б: 'b', в: 'v', г: 'h', ґ: 'g', д: 'd', е: 'e', є: ['ie', 'ye'], ж: 'zh', з: 'z', и: 'y', і: 'i', ї: ['i', 'yi'], й: ['i', 'y'],
  к: 'k', л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch',
  ь: '', ю: ['iu', 'yu'], я: ['ia', 'ya'], '’': '', "'": '', ʼ: '',
};

/** An id from a label: "Doe 2025" → "doe2025", "Іваненко 2024" → "ivanenko2024"; '' when nothing usable is left. */
export function idFromLabel(label: string): string {
  let out = '';
  let start = true;
  let prev = '';
  for (const ch of label.toLowerCase().normalize('NFC')) {
    const t = ch === 'г' && prev === 'з' ? 'gh' : UK_LATIN[ch]; // "зг" is "zgh", so it is not read as "zh"
    prev = ch;
    if (t !== undefined) {
      out += typeof t === 'string' ? t : start ? t[1] : t[0];
      start = false;
      continue;
    }
    const plain = ch.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
    if (/^[a-z0-9]$/.test(plain)) {
      out += plain;
      start = false;
    } else {
      // spaces and punctuation join words (ids stay short, as the shipped "smith2007"); a hyphen keeps its place
      if (ch === '-' && out !== '' && !out.endsWith('-')) out += '-';
      start = true;
    }
  }
  out = out.replace(/-+$/, '').slice(0, 60).replace(/-+$/, '');
  return ID_PATTERN.test(out) ? out : '';
}

/** A field of the form a problem belongs to: "label", "source.citation", "arms.1.n", "outcomes.0.cells.1.events"… */
export interface FormProblem {
  field: string;
  /** what is wrong, for the page's own words in the reader's language ('schema': only `message`) */
  code: ProblemCode;
  params: Record<string, string>;
  /** the same in English (the schema's words for 'schema') */
  message: string;
}

export type ProblemCode =
  | 'labelRequired'
  | 'idFromLabel'
  | 'idPattern'
  | 'sourceExisting'
  | 'notPrinted'
  | 'notCount'
  | 'below'
  | 'above'
  | 'armLabel'
  | 'armIntervention'
  | 'noArms'
  | 'eventsOverTotal'
  | 'outcomeName'
  | 'reasonShort'
  | 'year'
  | 'conditions'
  | 'required'
  | 'pmid'
  | 'doi'
  | 'schema';

export interface StudyBody {
  study: Record<string, unknown>;
  sources: Record<string, unknown>[];
}

/** The record with the problems found; `body` is also the draft the JSON editor starts from. */
export type BuildResult = { ok: true; body: StudyBody; studyId: string; sourceId: string } | { ok: false; problems: FormProblem[]; body: StudyBody };

const trim = (s: string): string => s.trim();

/**
 * The record (and its new source) for the form, or every problem found. Printed numbers keep their
 * decimals; a decimal comma (as Ukrainian sources print them) is read as a point.
 */
export function buildStudy(form: StudyForm): BuildResult {
  const problems: FormProblem[] = [];
  const add = (field: string, code: ProblemCode, message: string, params: Record<string, string> = {}): void => {
    problems.push({ field, code, params, message });
  };
  const studyId = trim(form.id) !== '' ? trim(form.id) : idFromLabel(form.label);
  if (studyId === '') {
    if (trim(form.label) === '') add('label', 'labelRequired', 'a label is required, e.g. "Doe 2025"');
    else add('id', 'idFromLabel', 'no id can be made from this label; type an id (lower-case letters, digits, hyphens), e.g. "doe2025"');
  } else if (!ID_PATTERN.test(studyId)) add('id', 'idPattern', `"${studyId}" is not an id; ids are lower-case letters, digits and single hyphens, e.g. "doe2025"`, { value: studyId });

  const src = form.source;
  const sourceId = src.mode === 'existing' ? trim(src.existingId) : trim(src.id) !== '' ? trim(src.id) : studyId === '' ? '' : `${studyId}-src`;
  if (src.mode === 'existing' && sourceId === '') add('source.existingId', 'sourceExisting', 'give the id of a source already in the evidence base, or choose "a new source"');

  const printed = (text: string, field: string, opts: { integer?: boolean; unit?: string; min?: number; max?: number } = {}): Record<string, unknown> | undefined => {
    const raw = trim(text).replace(',', '.');
    if (raw === '') return undefined;
    if (!REPORTED_PATTERN.test(raw)) {
      add(field, 'notPrinted', `"${trim(text)}" is not a number as printed; type it as the source prints it, e.g. 47 or 25.5`, { value: trim(text) });
      return undefined;
    }
    const value = Number(raw);
    if (opts.integer === true && (!Number.isInteger(value) || value < 0)) {
      add(field, 'notCount', `"${trim(text)}" is not a count; counts are whole numbers, 0 or more`, { value: trim(text) });
      return undefined;
    }
    if (opts.min !== undefined && value < opts.min) {
      add(field, 'below', `${trim(text)} is below ${opts.min}`, { value: trim(text), min: String(opts.min) });
      return undefined;
    }
    if (opts.max !== undefined && value > opts.max) {
      add(field, 'above', `${trim(text)} is above ${opts.max}`, { value: trim(text), max: String(opts.max) });
      return undefined;
    }
    const n: Record<string, unknown> = { status: 'confirmed', value, reported: raw, source: sourceId === '' ? 'missing-source' : sourceId, where: form.where };
    if (trim(form.locator) !== '') n.locator = trim(form.locator);
    if (opts.unit !== undefined && opts.unit !== '') n.unit = opts.unit;
    return n;
  };
  const put = (o: Record<string, unknown>, key: string, v: unknown): void => {
    if (v !== undefined && v !== '') o[key] = v;
  };

  const flow: Record<string, unknown> = {};
  for (const k of ['enrolled', 'randomized', 'completed', 'analysed'] as const) put(flow, k, printed(form[k], k, { integer: true, unit: 'participants' }));

  const armIds: string[] = [];
  const arms = form.arms.map((a, i) => {
    let id = idFromLabel(a.label) || `arm-${i + 1}`;
    while (armIds.includes(id)) id = `${id}-${i + 1}`;
    armIds.push(id);
    const arm: Record<string, unknown> = { id, label: trim(a.label), role: a.role, intervention: trim(a.intervention) };
    if (trim(a.label) === '') add(`arms.${i}.label`, 'armLabel', 'each arm needs a label, e.g. "LDN 4.5 mg" or "placebo"');
    if (trim(a.intervention) === '') add(`arms.${i}.intervention`, 'armIntervention', 'say what this arm received, e.g. "naltrexone 4.5 mg at bedtime" or "identical placebo capsule"');
    put(arm, 'n', printed(a.n, `arms.${i}.n`, { integer: true, unit: 'participants' }));
    const dose = printed(a.dose, `arms.${i}.dose`, { unit: 'mg/day', min: 0, max: MAX_DOSE_MG });
    if (dose !== undefined) {
      const d: Record<string, unknown> = { perDay: dose, description: `${trim(a.dose).replace(',', '.')} mg/day${trim(a.timing) !== '' ? `, ${trim(a.timing)}` : ''}` };
      put(d, 'timing', trim(a.timing));
      arm.dose = d;
    }
    return arm;
  });
  if (form.arms.length === 0) add('arms', 'noArms', 'add at least one arm (a single-arm study has one)');

  const outcomeIds: string[] = [];
  const outcomes = form.outcomes.map((o, i) => {
    let id = idFromLabel(o.name) || `outcome-${i + 1}`;
    while (outcomeIds.includes(id)) id = `${id}-${i + 1}`;
    outcomeIds.push(id);
    if (trim(o.name) === '') add(`outcomes.${i}.name`, 'outcomeName', 'each outcome needs a name, e.g. "pain response (≥30 % less pain)"');
    const out: Record<string, unknown> = { id, name: trim(o.name), category: o.category };
    if (o.primary) out.primary = true;
    put(out, 'timepoint', trim(o.timepoint));
    const results: Record<string, unknown>[] = [];
    o.cells.forEach((c, j) => {
      if (j >= arms.length) return;
      const at = `outcomes.${i}.cells.${j}`;
      const r: Record<string, unknown> = { arm: armIds[j] };
      if (o.kind === 'dichotomous') {
        const ev = printed(c.events, `${at}.events`, { integer: true, unit: 'participants' });
        const tot = printed(c.total, `${at}.total`, { integer: true, unit: 'participants' });
        if (ev !== undefined && tot !== undefined && (ev.value as number) > (tot.value as number)) add(`${at}.events`, 'eventsOverTotal', `${String(ev.value)} events out of ${String(tot.value)}: events cannot exceed the total`, { events: String(ev.value), total: String(tot.value) });
        put(r, 'events', ev);
        put(r, 'total', tot);
      } else {
        put(r, 'mean', printed(c.mean, `${at}.mean`, { unit: trim(o.unit) }));
        put(r, 'sd', printed(c.sd, `${at}.sd`, { unit: trim(o.unit), min: 0 }));
        put(r, 'total', printed(c.n, `${at}.n`, { integer: true, unit: 'participants' }));
      }
      if (Object.keys(r).length > 1) results.push(r);
    });
    if (results.length > 0) out.results = results;
    const p = printed(o.p, `outcomes.${i}.p`, { min: 0, max: 1 });
    if (p !== undefined) {
      if (o.pComparator !== '=') p.comparator = o.pComparator;
      out.comparisons = [{ arms: armIds.slice(0, Math.min(2, armIds.length)) }];
      (out.comparisons as Record<string, unknown>[])[0]!.p = p;
    }
    return out;
  });

  const study: Record<string, unknown> = {
    id: studyId,
    label: trim(form.label),
    sourceIds: sourceId === '' ? [] : [sourceId],
    seedMention: 'not_cited',
    design: trim(form.design),
    evidenceLevel: form.evidenceLevel,
    status: form.status,
    conditions: form.conditions,
    population: trim(form.population),
    flow,
    arms,
    outcomes,
  };
  put(study, 'title', trim(form.title));
  const registry = form.registryIds.split(/[,;\s]+/).map(trim).filter((x) => x !== '');
  if (registry.length > 0) study.registryIds = registry;
  const duration = printed(form.duration, 'duration', { unit: form.durationUnit, min: 0 });
  if (duration !== undefined) study.duration = duration;
  const indirectness = form.indirectness.map((x, i) => {
    if (trim(x.reason).length < 10) add(`indirectness.${i}.reason`, 'reasonShort', 'say why in at least 10 characters, e.g. "50 mg in opioid use disorder, not LDN"');
    return { domain: x.domain, reason: trim(x.reason) };
  });
  if (indirectness.length > 0) study.indirectness = indirectness;
  const notes = form.notes.split('\n').map(trim).filter((x) => x !== '');
  if (notes.length > 0) study.notes = notes;

  const sources: Record<string, unknown>[] = [];
  if (src.mode === 'new') {
    const s: Record<string, unknown> = { id: sourceId, kind: src.kind, citation: trim(src.citation), identification: src.identification };
    const year = trim(src.year);
    if (year !== '') {
      if (/^\d{4}$/.test(year)) s.year = Number(year);
      else add('source.year', 'year', `"${year}" is not a year; type four digits, e.g. 2025`, { value: year });
    }
    put(s, 'pmid', trim(src.pmid));
    put(s, 'doi', trim(src.doi).replace(/^https?:\/\/(dx\.)?doi\.org\//i, '').replace(/^doi:\s*/i, ''));
    if (trim(src.url) !== '') s.urls = [trim(src.url)];
    if (registry.length > 0) s.registryIds = registry;
    sources.push(s);
    const r = SourceSchema.safeParse(s);
    if (!r.success) {
      for (const iss of r.error.issues) {
        const field = sourceField(iss.path);
        if (!problems.some((p) => p.field === field)) problems.push({ field, ...friendly(iss.path, iss.message) });
      }
    }
  }
  const r = StudySchema.safeParse(study);
  if (!r.success) {
    for (const iss of r.error.issues) {
      const field = studyField(iss.path);
      // the form's own checks already said it better
      if (!problems.some((p) => p.field === field)) problems.push({ field, ...friendly(iss.path, iss.message) });
    }
  }
  if (problems.length > 0) return { ok: false, problems: inFormOrder(problems), body: { study, sources } };
  return { ok: true, body: { study, sources }, studyId, sourceId };
}

/** The form's fields top to bottom, so the first problem listed (and focused) is the first on screen. */
const FORM_ORDER = ['label', 'id', 'title', 'design', 'evidenceLevel', 'status', 'conditions', 'population', 'registryIds', 'duration', 'source', 'where', 'locator', 'enrolled', 'randomized', 'completed', 'analysed', 'arms', 'outcomes', 'indirectness', 'notes'];

function inFormOrder(problems: FormProblem[]): FormProblem[] {
  const rank = (field: string): number => {
    const i = FORM_ORDER.indexOf(field.split('.')[0] ?? '');
    return i < 0 ? FORM_ORDER.length : i;
  };
  const index = (field: string): number => Number(field.split('.')[1] ?? 0) || 0;
  // stable: within one arm or outcome, problems stay in the order they were found
  return problems.map((p, i) => ({ p, i })).sort((a, b) => rank(a.p.field) - rank(b.p.field) || index(a.p.field) - index(b.p.field) || a.i - b.i).map((x) => x.p);
}

/** Where a server error's field ("study.arms.0.n.value", "sources.0.id") sits in the form. */
export function formFieldOfServer(field: string | undefined): string | undefined {
  if (field === undefined || field === '') return undefined;
  const parts = field.split('.');
  if (parts[0] === 'sources') return parts.length < 3 ? 'source.citation' : sourceField(parts.slice(2));
  const path = parts[0] === 'study' ? parts.slice(1) : parts;
  return studyField(path.map((x) => (/^\d+$/.test(x) ? Number(x) : x)));
}

function sourceField(path: readonly PropertyKey[]): string {
  const k = String(path[0] ?? '');
  if (k === 'id') return 'source.id';
  if (k === 'urls') return 'source.url';
  return `source.${k}`;
}

/** A path in the record → the form field that makes it. */
export function studyField(path: readonly PropertyKey[]): string {
  const [a, b, c, d, e] = path.map(String);
  if (a === 'sourceIds') return 'source.existingId';
  if (a === 'flow') return b ?? 'enrolled';
  if (a === 'arms' && b !== undefined) return c === 'dose' ? `arms.${b}.dose` : `arms.${b}.${c === 'n' ? 'n' : c ?? 'label'}`;
  if (a === 'outcomes' && b !== undefined) {
    if (c === 'results' && d !== undefined) return `outcomes.${b}.cells.${d}.${e === 'total' ? 'total' : e ?? 'events'}`;
    if (c === 'comparisons') return `outcomes.${b}.p`;
    return `outcomes.${b}.${c === 'name' ? 'name' : c ?? 'name'}`;
  }
  if (a === 'indirectness' && b !== undefined) return `indirectness.${b}.reason`;
  if (a === 'registryIds') return 'registryIds';
  return a ?? 'label';
}

/** A schema issue in the form's terms: the fields the form cannot check itself get their own words. */
function friendly(path: readonly PropertyKey[], message: string): Omit<FormProblem, 'field'> {
  const key = String(path[path.length - 1] ?? '');
  if (/too small|>=\s*\d|at least/i.test(message)) {
    if (key === 'conditions') return { code: 'conditions', params: {}, message: 'choose at least one condition' };
    if (['label', 'design', 'population', 'citation', 'title'].includes(key)) {
      const min = key === 'citation' ? '5' : '3';
      return { code: 'required', params: { min }, message: `required: at least ${min} characters` };
    }
  }
  if (key === 'pmid') return { code: 'pmid', params: {}, message: 'a PMID is 6 to 9 digits, e.g. 17222320' };
  if (key === 'doi') return { code: 'doi', params: {}, message: 'a DOI starts with 10. and a registrant code, e.g. 10.1111/j.1572-0241.2007.01139.x' };
  return { code: 'schema', params: {}, message };
}
