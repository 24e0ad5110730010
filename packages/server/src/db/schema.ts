// The database schema (drizzle), one for PGlite and PostgreSQL. drizzle-kit generates the SQL
// migrations in packages/server/drizzle/ from this file (npm run db:generate -w @ldn/server), and
// both back ends apply the same files at start. Ids are text (UUIDs made by the server, or the
// record's own id for evidence), timestamps are timestamptz read back as Date, JSON is jsonb: the
// types both drivers return alike, so the repository layer needs no per-driver code.
import { boolean, index, json, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

const created = () => timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow();
const updated = () => timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow();

/** Saved simulator scenarios: a simulate request (regimen, parameter set, hypotheses) and notes. */
export const scenarios = pgTable(
  'scenarios',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    request: jsonb('request').notNull(),
    notes: text('notes').notNull().default(''),
    createdAt: created(),
    updatedAt: updated(),
  },
  (t) => [index('scenarios_created_idx').on(t.createdAt)],
);

/** Study records users added (validated against the evidence schema before they are stored). */
export const userStudies = pgTable('user_studies', {
  id: text('id').primaryKey(),
  record: jsonb('record').notNull(),
  createdAt: created(),
});

/** Sources that user-added studies cite. */
export const userSources = pgTable('user_sources', {
  id: text('id').primaryKey(),
  record: jsonb('record').notNull(),
  createdAt: created(),
});

/** Saved custom meta-analyses: a name and the POST /api/meta request (CSV text and options). */
export const metaAnalyses = pgTable(
  'meta_analyses',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    request: jsonb('request').notNull(),
    createdAt: created(),
  },
  (t) => [index('meta_analyses_created_idx').on(t.createdAt)],
);

/** Background jobs (population, calibrate): any instance can answer for a finished job. */
export const jobs = pgTable('jobs', {
  id: text('id').primaryKey(),
  kind: text('kind').notNull(),
  status: text('status').notNull(),
  input: jsonb('input').notNull(),
  progress: jsonb('progress'),
  result: jsonb('result'),
  error: jsonb('error'),
  /** true once the result is in the row (results can be large; listing skips them) */
  done: boolean('done').notNull().default(false),
  createdAt: created(),
  updatedAt: updated(),
});

/**
 * Saved dosing plans: a name, the plan request, notes, and the plan output as it was when saved
 * (only plans with status "ok" are stored), so a clinician reopens exactly what was printed.
 * `json`, not `jsonb`: PostgreSQL keeps json text as sent (key order included), so the stored plan
 * renders (HTML, iCalendar) exactly as it did then.
 */
export const savedPlans = pgTable(
  'saved_plans',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    request: json('request').notNull(),
    notes: text('notes').notNull().default(''),
    plan: json('plan').notNull(),
    createdAt: created(),
  },
  (t) => [index('saved_plans_created_idx').on(t.createdAt)],
);
