// The repository layer on every back end: round trips, ordering, JSON and timestamp types that are
// the same on PGlite and PostgreSQL, transactions that roll back whole, unique ids as conflicts,
// migrations that apply twice without harm, a database made before a migration upgraded at start,
// and a data directory that keeps its data across restarts.
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIGRATIONS_DIR, openDatabase, redactUrl, type Database } from '../src/db/client.js';
import { ConflictError, Repository } from '../src/db/repository.js';
import { BACKENDS } from './helpers.js';

describe.each(BACKENDS)('repository on $name', (backend) => {
  let database: Database;
  let drop: () => Promise<void>;
  let repo: Repository;
  beforeAll(async () => {
    ({ database, drop } = await backend.open());
    repo = new Repository(database.db);
  });
  afterAll(async () => drop());

  it('reports its kind and answers a ping', async () => {
    expect(database.kind).toBe(backend.name);
    await expect(database.ping()).resolves.toBeUndefined();
  });

  it('stores, lists, updates and deletes scenarios with ISO timestamps and JSON as given', async () => {
    const request = { dose: 4.5, time: '22:00', days: 14, hypotheses: ['ogf'], regimen: undefined };
    const a = await repo.createScenario('a1', { name: 'bedtime', request: { dose: 4.5, time: '22:00', days: 14, hypotheses: ['ogf'] }, notes: 'ünïcödé ✓ <b>' });
    expect(a).toMatchObject({ id: 'a1', name: 'bedtime', notes: 'ünïcödé ✓ <b>' });
    expect(a.request).toEqual({ dose: 4.5, time: '22:00', days: 14, hypotheses: ['ogf'] });
    expect(typeof a.created_at).toBe('string');
    expect(new Date(a.created_at).toISOString()).toBe(a.created_at);
    await repo.createScenario('a2', { name: 'morning', request: { ...request, time: '08:00' }, notes: '' });
    const list = await repo.listScenarios();
    expect(list.map((s) => s.id)).toEqual(['a1', 'a2']);
    const u = await repo.updateScenario('a1', { name: 'renamed', request: { dose: 3 }, notes: 'n' });
    expect(u).toMatchObject({ id: 'a1', name: 'renamed', request: { dose: 3 }, notes: 'n', created_at: a.created_at });
    expect(await repo.updateScenario('nope', { name: 'x', request: {}, notes: '' })).toBeUndefined();
    expect(await repo.deleteScenario('a2')).toBe(true);
    expect(await repo.deleteScenario('a2')).toBe(false);
    expect(await repo.getScenario('a2')).toBeUndefined();
    expect((await repo.counts()).scenarios).toBe(1);
    expect(typeof (await repo.counts()).scenarios).toBe('number');
  });

  it('adds user evidence in one transaction, and a duplicate id is a conflict that stores nothing', async () => {
    await repo.addUserEvidence([{ id: 'src-a' }], [{ id: 'study-a' }]);
    const before = await repo.counts();
    await expect(repo.addUserEvidence([{ id: 'src-b' }], [{ id: 'study-a' }])).rejects.toBeInstanceOf(ConflictError);
    expect(await repo.counts()).toEqual(before);
    const all = await repo.listUserEvidence();
    expect(all.sources).toEqual([{ id: 'src-a' }]);
    expect(all.studies).toEqual([{ id: 'study-a' }]);
  });

  it('stores saved plans with their output as sent (json keeps key order on both back ends)', async () => {
    const plan = { status: 'ok', z: 1, a: { y: [1, 2.5, null], b: 'ü ✓ <b>' }, m: -0.000123, k: 1e-9 };
    const a = await repo.createSavedPlan('p1', { name: 'first', request: { start: '2026-12-01', condition: 'endometriosis' }, notes: 'n', plan });
    expect(a).toMatchObject({ id: 'p1', name: 'first', notes: 'n' });
    expect(JSON.stringify(a.plan)).toBe(JSON.stringify(plan));
    expect(JSON.stringify(a.request)).toBe('{"start":"2026-12-01","condition":"endometriosis"}');
    await repo.createSavedPlan('p2', { name: 'second', request: {}, notes: '', plan: {} });
    const got = await repo.getSavedPlan('p1');
    expect(got).toEqual(a);
    expect(JSON.stringify(got!.plan)).toBe(JSON.stringify(plan));
    const list = await repo.listSavedPlans();
    expect(list.map((p) => p.id)).toEqual(['p1', 'p2']);
    expect(list[0]).toEqual({ id: 'p1', name: 'first', request: a.request, notes: 'n', created_at: a.created_at });
    expect((await repo.counts()).saved_plans).toBe(2);
    expect(await repo.deleteSavedPlan('p2')).toBe(true);
    expect(await repo.deleteSavedPlan('p2')).toBe(false);
    expect(await repo.getSavedPlan('p2')).toBeUndefined();
  });

  it('stores meta-analyses and jobs', async () => {
    const m = await repo.createMetaAnalysis('m1', { name: 'bcg', request: { csv: 'study,yi,vi\na,1,1', measure: 'GEN', method: 'DL' } });
    expect((await repo.listMetaAnalyses()).map((x) => x.id)).toEqual(['m1']);
    expect(await repo.getMetaAnalysis('m1')).toEqual(m);
    expect(await repo.deleteMetaAnalysis('m1')).toBe(true);
    await repo.createJob('j1', 'calibrate', { pet_time: 4 });
    await repo.updateJob('j1', { status: 'done', progress: { done: 3, total: 3 }, result: { ok: [1, 2.5, null] } });
    const j = await repo.getJob('j1');
    expect(j).toMatchObject({ id: 'j1', kind: 'calibrate', status: 'done', input: { pet_time: 4 }, progress: { done: 3, total: 3 }, result: { ok: [1, 2.5, null] } });
  });
});

describe('PGlite data directory', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ldn-pglite-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps data across a restart and re-applies no migration twice', async () => {
    const a = await openDatabase({ dataDir: dir });
    expect(a.location).toBe(dir);
    await new Repository(a.db).createScenario('kept', { name: 'kept', request: { dose: 1 }, notes: '' });
    await a.close();
    const b = await openDatabase({ dataDir: dir });
    expect((await new Repository(b.db).getScenario('kept'))?.name).toBe('kept');
    await b.close();
    await expect(b.ping()).rejects.toThrow();
  });

  it('upgrades a database made before saved plans: 0001 is applied at start and the data is kept', async () => {
    const old = mkdtempSync(join(tmpdir(), 'ldn-pglite-0000-'));
    const onlyInit = mkdtempSync(join(tmpdir(), 'ldn-migrations-0000-'));
    try {
      mkdirSync(join(onlyInit, 'meta'));
      copyFileSync(join(MIGRATIONS_DIR, '0000_init.sql'), join(onlyInit, '0000_init.sql'));
      const journal = JSON.parse(readFileSync(join(MIGRATIONS_DIR, 'meta', '_journal.json'), 'utf8')) as { entries: { tag: string }[] };
      expect(journal.entries.map((e) => e.tag)).toEqual(['0000_init', '0001_saved_plans']);
      writeFileSync(join(onlyInit, 'meta', '_journal.json'), JSON.stringify({ ...journal, entries: journal.entries.slice(0, 1) }));
      const client = new PGlite(old);
      await migrate(drizzle({ client }), { migrationsFolder: onlyInit });
      await client.query(`insert into scenarios (id, name, request) values ('kept', 'kept', '{"dose":1}')`);
      await expect(client.query('select 1 from saved_plans')).rejects.toThrow();
      await client.close();

      const db = await openDatabase({ dataDir: old });
      const repo = new Repository(db.db);
      expect((await repo.getScenario('kept'))?.name).toBe('kept');
      await repo.createSavedPlan('p', { name: 'p', request: {}, notes: '', plan: { status: 'ok' } });
      expect((await repo.counts()).saved_plans).toBe(1);
      await db.close();
    } finally {
      rmSync(old, { recursive: true, force: true });
      rmSync(onlyInit, { recursive: true, force: true });
    }
  });

  it('redacts passwords of database URLs', () => {
    expect(redactUrl('postgres://u:secret@h:5432/db')).toBe('postgres://u:***@h:5432/db');
    expect(redactUrl('postgres://h/db')).toBe('postgres://h/db');
  });
});
