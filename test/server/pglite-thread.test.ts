/**
 * Embedded PGlite on its own thread (server/db/pglite-thread.ts): what drizzle and pg-boss rely on
 * must behave as with PGlite in the main thread — errors keep PostgreSQL's fields, transactions
 * commit, roll back and keep other statements out while open, notifications arrive, a dump loads.
 */

import type { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/pglite';
import { afterEach, describe, expect, it } from 'vitest';
import { isUniqueViolation } from '../../server/db/pg-errors.ts';
import { type PgliteThread, startPgliteThread } from '../../server/db/pglite-thread.ts';
import { pgliteSnapshot } from './helpers/pglite-snapshot.ts';

const opened: PgliteThread[] = [];
/** Starts from the suite's migrated snapshot (initdb takes seconds), or from `snapshot`. */
async function open(snapshot?: ArrayBuffer): Promise<PgliteThread> {
  const thread = startPgliteThread({ snapshot: snapshot ?? (await (await pgliteSnapshot()).arrayBuffer()) });
  opened.push(thread);
  await thread.waitReady;
  return thread;
}

afterEach(async () => {
  for (const thread of opened.splice(0)) await thread.close();
});

describe('PGlite on its own thread', () => {
  it('answers queries with rows, bytea as bytes, and errors with their SQLSTATE and constraint', async () => {
    const thread = await open();
    await thread.exec(
      'create table t (id int primary key, data bytea); insert into t values (1, $$\\x0102ff$$)',
    );
    const { rows } = await thread.query<{ id: number; data: Uint8Array }>('select id, data from t');
    expect(rows).toEqual([{ id: 1, data: new Uint8Array([1, 2, 255]) }]);
    // Parameters in binary (the bytea serializer runs in the worker).
    await thread.query('insert into t values ($1, $2)', [2, new Uint8Array([7, 8])]);
    expect(
      (await thread.query<{ data: Uint8Array }>('select data from t where id = 2')).rows[0]!.data,
    ).toEqual(new Uint8Array([7, 8]));

    const duplicate = await thread.query('insert into t values (1, null)').catch((error: unknown) => error);
    expect(duplicate).toBeInstanceOf(Error);
    expect(duplicate).toMatchObject({ code: '23505', constraint: 't_pkey' });
    expect(isUniqueViolation(duplicate)).toBe(true);
  });

  it('keeps per-query parsers meaning "leave as text" (what drizzle asks for timestamps)', async () => {
    const thread = await open();
    const raw = await thread.query<{ at: unknown }>(
      "select '2026-01-02 03:04:05+00'::timestamptz as at",
      [],
      {
        parsers: { 1184: (value: string) => value },
      },
    );
    expect(raw.rows[0]!.at).toBe('2026-01-02 03:04:05+00');
    const parsed = await thread.query<{ at: unknown }>("select '2026-01-02 03:04:05+00'::timestamptz as at");
    expect(parsed.rows[0]!.at).toBeInstanceOf(Date);
    await expect(thread.query('select 1', [], { onNotice: () => {} })).rejects.toThrow(/not supported/);
  });

  it('commits, rolls back on a thrown error or rollback(), and holds other statements until the end', async () => {
    const thread = await open();
    await thread.exec('create table t (n int)');
    await thread.transaction(async (tx) => {
      await tx.query('insert into t values (1)');
    });
    await expect(
      thread.transaction(async (tx) => {
        await tx.query('insert into t values (2)');
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    await thread.transaction(async (tx) => {
      await tx.query('insert into t values (3)');
      await tx.rollback();
    });
    expect((await thread.query('select n from t order by n')).rows).toEqual([{ n: 1 }]);

    // A statement outside the transaction waits for it, as on a single PostgreSQL connection:
    // issued while the transaction is open and before its last statement, it still runs after.
    const order: string[] = [];
    let inside!: () => void;
    const entered = new Promise<void>((resolve) => {
      inside = resolve;
    });
    let issued!: () => void;
    const outsideIssued = new Promise<void>((resolve) => {
      issued = resolve;
    });
    const transaction = thread.transaction(async (tx) => {
      await tx.query('insert into t values (10)');
      inside();
      await outsideIssued;
      await tx.query('insert into t values (11)');
      order.push('transaction');
    });
    await entered;
    const outside = thread.query<{ count: number }>('select count(*)::int as count from t').then((result) => {
      order.push('outside');
      return result.rows[0]!.count;
    });
    issued(); // the query above is on its way to the thread (calls post synchronously)
    await transaction;
    expect(await outside).toBe(3);
    expect(order).toEqual(['transaction', 'outside']);
  });

  it('serves drizzle, savepoints included', async () => {
    const thread = await open();
    const db = drizzle(thread as unknown as PGlite);
    await db.execute(sql`create table t (n int)`);
    await db.transaction(async (tx) => {
      await tx.execute(sql`insert into t values (1)`);
      await tx
        .transaction(async (inner) => {
          await inner.execute(sql`insert into t values (2)`);
          throw new Error('inner fails');
        })
        .catch(() => {});
    });
    expect((await db.execute(sql`select n from t`)).rows).toEqual([{ n: 1 }]);
  });

  it('delivers notifications until unlistened', async () => {
    const thread = await open();
    const heard: string[] = [];
    const unlisten = await thread.listen('news', (payload) => heard.push(payload));
    await thread.query("select pg_notify('news', 'first')");
    await expect.poll(() => heard).toEqual(['first']);
    await unlisten();
    await thread.query("select pg_notify('news', 'second')");
    await thread.query('select 1');
    expect(heard).toEqual(['first']);
  });

  it('dumps a database that another thread starts from', async () => {
    const first = await open();
    await first.exec("create table t (s text); insert into t values ('kept')");
    const dump = await first.dumpDataDir('none');
    const second = await open(await dump.arrayBuffer());
    expect((await second.query('select s from t')).rows).toEqual([{ s: 'kept' }]);
  });

  it('reports a database that cannot start, and fails calls with the reason', async () => {
    const thread = startPgliteThread({ dataDir: '/proc/dominoml-cannot-create-this' });
    await expect(thread.waitReady).rejects.toThrow();
    const reason = await thread.lost;
    await expect(thread.query('select 1')).rejects.toBe(reason);
  });

  it('fails calls clearly once closed', async () => {
    const thread = await open();
    await thread.close();
    await expect(thread.query('select 1')).rejects.toThrow(/closed/);
  });
});
