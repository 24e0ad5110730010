// The one repository layer the routes use: every query of the application is here, written once
// for both back ends. Each write runs in a transaction; counts are cast in SQL (::int) so PGlite
// and node-postgres return the same JS types; rows go out with ISO timestamps. A unique-key
// violation (two writers racing for one id) comes back as a ConflictError, not a server fault.
import { asc, eq, inArray, sql } from 'drizzle-orm';
import type { AppDb } from './client.js';
import { jobs, metaAnalyses, savedPlans, scenarios, userSources, userStudies } from './schema.js';

export interface ScenarioInput {
  name: string;
  request: unknown;
  notes: string;
}

export interface Scenario extends ScenarioInput {
  id: string;
  created_at: string;
  updated_at: string;
}

export interface MetaAnalysisInput {
  name: string;
  request: unknown;
}

export interface SavedMetaAnalysis extends MetaAnalysisInput {
  id: string;
  created_at: string;
}

export interface SavedPlanInput {
  name: string;
  request: unknown;
  notes: string;
  /** the plan output (status "ok") as it was when saved */
  plan: unknown;
}

/** A saved plan without its output (for lists). */
export interface SavedPlanSummary {
  id: string;
  name: string;
  request: unknown;
  notes: string;
  created_at: string;
}

export interface SavedPlan extends SavedPlanSummary {
  plan: unknown;
}

export type JobStatus = 'queued' | 'running' | 'done' | 'failed';

export interface JobRow {
  id: string;
  kind: string;
  status: JobStatus;
  input: unknown;
  progress: unknown;
  result: unknown;
  error: unknown;
  created_at: string;
  updated_at: string;
}

export class ConflictError extends Error {
  readonly field: string;
  constructor(message: string, field: string) {
    super(message);
    this.name = 'ConflictError';
    this.field = field;
  }
}

/** True when `e` (or an error it wraps) is PostgreSQL's unique_violation. */
function isUniqueViolation(e: unknown): boolean {
  for (let x: unknown = e, i = 0; x !== null && typeof x === 'object' && i < 5; x = (x as { cause?: unknown }).cause, i++) {
    if ((x as { code?: unknown }).code === '23505') return true;
  }
  return false;
}

const iso = (d: Date): string => d.toISOString();

export class Repository {
  constructor(private readonly db: AppDb) {}

  // ---------- scenarios ----------

  async listScenarios(): Promise<Scenario[]> {
    const rows = await this.db.select().from(scenarios).orderBy(asc(scenarios.createdAt), asc(scenarios.id));
    return rows.map(scenarioOut);
  }

  async getScenario(id: string): Promise<Scenario | undefined> {
    const [row] = await this.db.select().from(scenarios).where(eq(scenarios.id, id));
    return row === undefined ? undefined : scenarioOut(row);
  }

  async createScenario(id: string, input: ScenarioInput): Promise<Scenario> {
    return this.db.transaction(async (tx) => {
      const [row] = await tx.insert(scenarios).values({ id, name: input.name, request: input.request, notes: input.notes }).returning();
      return scenarioOut(row!);
    });
  }

  async updateScenario(id: string, input: ScenarioInput): Promise<Scenario | undefined> {
    return this.db.transaction(async (tx) => {
      const [row] = await tx
        .update(scenarios)
        .set({ name: input.name, request: input.request, notes: input.notes, updatedAt: sql`now()` })
        .where(eq(scenarios.id, id))
        .returning();
      return row === undefined ? undefined : scenarioOut(row);
    });
  }

  async deleteScenario(id: string): Promise<boolean> {
    return this.db.transaction(async (tx) => (await tx.delete(scenarios).where(eq(scenarios.id, id)).returning({ id: scenarios.id })).length > 0);
  }

  // ---------- evidence records users added ----------

  async listUserEvidence(): Promise<{ sources: unknown[]; studies: unknown[] }> {
    const [sources, studies] = await Promise.all([
      this.db.select({ record: userSources.record }).from(userSources).orderBy(asc(userSources.createdAt), asc(userSources.id)),
      this.db.select({ record: userStudies.record }).from(userStudies).orderBy(asc(userStudies.createdAt), asc(userStudies.id)),
    ]);
    return { sources: sources.map((r) => r.record), studies: studies.map((r) => r.record) };
  }

  /** Stores validated records in one transaction (all or none). */
  async addUserEvidence(sources: readonly { id: string }[], studies: readonly { id: string }[]): Promise<void> {
    try {
      await this.db.transaction(async (tx) => {
        if (sources.length > 0) await tx.insert(userSources).values(sources.map((s) => ({ id: s.id, record: s })));
        if (studies.length > 0) await tx.insert(userStudies).values(studies.map((s) => ({ id: s.id, record: s })));
      });
    } catch (e) {
      if (isUniqueViolation(e)) throw new ConflictError('a record with one of these ids was added meanwhile; choose another id', 'id');
      throw e;
    }
  }

  /**
   * Deletes a user-added study and the user-added sources that no remaining user study cites, in one
   * transaction. False when no user study has this id (shipped studies are not in these tables).
   */
  async deleteUserStudy(id: string): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const gone = await tx.delete(userStudies).where(eq(userStudies.id, id)).returning({ id: userStudies.id, record: userStudies.record });
      if (gone.length === 0) return false;
      const cited = new Set<string>();
      for (const r of await tx.select({ record: userStudies.record }).from(userStudies)) for (const sid of sourceIdsOf(r.record)) cited.add(sid);
      const orphans = sourceIdsOf(gone[0]!.record).filter((sid) => !cited.has(sid));
      if (orphans.length > 0) await tx.delete(userSources).where(inArray(userSources.id, orphans));
      return true;
    });
  }

  // ---------- saved meta-analyses ----------

  async listMetaAnalyses(): Promise<SavedMetaAnalysis[]> {
    const rows = await this.db.select().from(metaAnalyses).orderBy(asc(metaAnalyses.createdAt), asc(metaAnalyses.id));
    return rows.map(metaOut);
  }

  async getMetaAnalysis(id: string): Promise<SavedMetaAnalysis | undefined> {
    const [row] = await this.db.select().from(metaAnalyses).where(eq(metaAnalyses.id, id));
    return row === undefined ? undefined : metaOut(row);
  }

  async createMetaAnalysis(id: string, input: MetaAnalysisInput): Promise<SavedMetaAnalysis> {
    return this.db.transaction(async (tx) => {
      const [row] = await tx.insert(metaAnalyses).values({ id, name: input.name, request: input.request }).returning();
      return metaOut(row!);
    });
  }

  async deleteMetaAnalysis(id: string): Promise<boolean> {
    return this.db.transaction(async (tx) => (await tx.delete(metaAnalyses).where(eq(metaAnalyses.id, id)).returning({ id: metaAnalyses.id })).length > 0);
  }

  // ---------- saved dosing plans ----------

  /** Saved plans without their outputs, oldest first. */
  async listSavedPlans(): Promise<SavedPlanSummary[]> {
    const rows = await this.db
      .select({ id: savedPlans.id, name: savedPlans.name, request: savedPlans.request, notes: savedPlans.notes, createdAt: savedPlans.createdAt })
      .from(savedPlans)
      .orderBy(asc(savedPlans.createdAt), asc(savedPlans.id));
    return rows.map((r) => ({ id: r.id, name: r.name, request: r.request, notes: r.notes, created_at: iso(r.createdAt) }));
  }

  async getSavedPlan(id: string): Promise<SavedPlan | undefined> {
    const [row] = await this.db.select().from(savedPlans).where(eq(savedPlans.id, id));
    return row === undefined ? undefined : savedPlanOut(row);
  }

  async createSavedPlan(id: string, input: SavedPlanInput): Promise<SavedPlan> {
    return this.db.transaction(async (tx) => {
      const [row] = await tx.insert(savedPlans).values({ id, name: input.name, request: input.request, notes: input.notes, plan: input.plan }).returning();
      return savedPlanOut(row!);
    });
  }

  async deleteSavedPlan(id: string): Promise<boolean> {
    return this.db.transaction(async (tx) => (await tx.delete(savedPlans).where(eq(savedPlans.id, id)).returning({ id: savedPlans.id })).length > 0);
  }

  // ---------- jobs ----------

  async createJob(id: string, kind: string, input: unknown): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx.insert(jobs).values({ id, kind, status: 'queued', input, progress: { done: 0, total: 0 } });
    });
  }

  async updateJob(id: string, patch: { status: JobStatus; progress?: unknown; result?: unknown; error?: unknown }): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx
        .update(jobs)
        .set({
          status: patch.status,
          ...(patch.progress !== undefined ? { progress: patch.progress } : {}),
          ...(patch.result !== undefined ? { result: patch.result, done: true } : {}),
          ...(patch.error !== undefined ? { error: patch.error } : {}),
          updatedAt: sql`now()`,
        })
        .where(eq(jobs.id, id));
    });
  }

  async getJob(id: string): Promise<JobRow | undefined> {
    const [row] = await this.db.select().from(jobs).where(eq(jobs.id, id));
    if (row === undefined) return undefined;
    return { id: row.id, kind: row.kind, status: row.status as JobStatus, input: row.input, progress: row.progress, result: row.result, error: row.error, created_at: iso(row.createdAt), updated_at: iso(row.updatedAt) };
  }

  // ---------- whole-database facts ----------

  /** Row counts per table (for tests that assert a rejected request changed nothing). */
  async counts(): Promise<Record<'scenarios' | 'user_studies' | 'user_sources' | 'meta_analyses' | 'saved_plans' | 'jobs', number>> {
    const one = async (table: typeof scenarios | typeof userStudies | typeof userSources | typeof metaAnalyses | typeof savedPlans | typeof jobs) => {
      const [r] = await this.db.select({ n: sql<number>`count(*)::int` }).from(table);
      return r?.n ?? 0;
    };
    return { scenarios: await one(scenarios), user_studies: await one(userStudies), user_sources: await one(userSources), meta_analyses: await one(metaAnalyses), saved_plans: await one(savedPlans), jobs: await one(jobs) };
  }
}

function scenarioOut(r: typeof scenarios.$inferSelect): Scenario {
  return { id: r.id, name: r.name, request: r.request, notes: r.notes, created_at: iso(r.createdAt), updated_at: iso(r.updatedAt) };
}

function metaOut(r: typeof metaAnalyses.$inferSelect): SavedMetaAnalysis {
  return { id: r.id, name: r.name, request: r.request, created_at: iso(r.createdAt) };
}

function savedPlanOut(r: typeof savedPlans.$inferSelect): SavedPlan {
  return { id: r.id, name: r.name, request: r.request, notes: r.notes, created_at: iso(r.createdAt), plan: r.plan };
}

/** The source ids a stored study record cites (records were validated before they were stored). */
function sourceIdsOf(record: unknown): string[] {
  const ids = typeof record === 'object' && record !== null ? (record as { sourceIds?: unknown }).sourceIds : undefined;
  return Array.isArray(ids) ? ids.filter((x): x is string => typeof x === 'string') : [];
}
