/**
 * A throwaway PostgreSQL 15 cluster for one test that must do to the database what a shared one
 * cannot take: restart it, stop it. initdb + pg_ctl from Debian's binaries on a free loopback port
 * (like scripts/postgres-test-server.sh), as the `postgres` user when the tests run as root
 * (initdb refuses root). Removed when the test ends.
 */
import { execFile } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import postgres from 'postgres';
import { onTestFinished } from 'vitest';
import { freePort } from './server-process.ts';

const run = promisify(execFile);
export const PG_BIN = '/usr/lib/postgresql/15/bin';

export interface PrivatePostgres {
  /** `postgres://…/dominoml`, a database created for the test. */
  url: string;
  /** `pg_ctl restart -m fast`: every connection is cut, the server is back when this resolves. */
  restart(): Promise<void>;
  /** Stops it (`-m fast`) and starts it again `downMs` later: an outage of some seconds. */
  outage(downMs: number): Promise<void>;
  stop(): Promise<void>;
}

export function privatePostgresAvailable(): boolean {
  return existsSync(path.join(PG_BIN, 'pg_ctl'));
}

/** Runs a PostgreSQL binary as the `postgres` user when this process is root. */
async function asPostgres(file: string, args: string[]): Promise<string> {
  const root = process.getuid?.() === 0;
  const [command, argv] = root ? ['runuser', ['-u', 'postgres', '--', file, ...args]] : [file, args];
  const { stdout } = await run(command, argv, { timeout: 60_000 });
  return stdout;
}

export async function startPrivatePostgres(): Promise<PrivatePostgres> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'dominoml-private-pg-'));
  if (process.getuid?.() === 0) {
    const { stdout } = await run('id', ['-u', 'postgres']);
    const uid = Number(stdout.trim());
    const { stdout: gid } = await run('id', ['-g', 'postgres']);
    chownSync(dir, uid, Number(gid.trim()));
  }
  const data = path.join(dir, 'data');
  const port = await freePort();
  const pgCtl = path.join(PG_BIN, 'pg_ctl');
  const options = `-p ${port} -k /tmp -c listen_addresses=127.0.0.1 -c fsync=off`;
  let running = false;
  const stop = async () => {
    if (!running) return;
    running = false;
    await asPostgres(pgCtl, ['-D', data, '-m', 'immediate', 'stop']).catch(() => {});
  };
  onTestFinished(async () => {
    await stop();
    rmSync(dir, { recursive: true, force: true });
  });

  await asPostgres(path.join(PG_BIN, 'initdb'), [
    '-D',
    data,
    '--auth=trust',
    '-U',
    'postgres',
    '--no-sync',
    '-E',
    'UTF8',
  ]);
  await asPostgres(pgCtl, [
    '-D',
    data,
    '-l',
    path.join(dir, 'server.log'),
    '-w',
    '-t',
    '30',
    '-o',
    options,
    'start',
  ]);
  running = true;
  const admin = postgres(`postgres://postgres@127.0.0.1:${port}/postgres`, { max: 1, onnotice: () => {} });
  await admin.unsafe('CREATE DATABASE dominoml');
  await admin.end();

  return {
    url: `postgres://postgres@127.0.0.1:${port}/dominoml`,
    async restart() {
      await asPostgres(pgCtl, [
        '-D',
        data,
        '-l',
        path.join(dir, 'server.log'),
        '-m',
        'fast',
        '-w',
        '-t',
        '30',
        '-o',
        options,
        'restart',
      ]);
    },
    async outage(downMs) {
      await asPostgres(pgCtl, ['-D', data, '-m', 'fast', '-w', 'stop']);
      await new Promise((resolve) => setTimeout(resolve, downMs));
      await asPostgres(pgCtl, [
        '-D',
        data,
        '-l',
        path.join(dir, 'server.log'),
        '-w',
        '-t',
        '30',
        '-o',
        options,
        'start',
      ]);
    },
    stop,
  };
}
