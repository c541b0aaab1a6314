/**
 * Uploading the team's sample CSVs and getting them back: rows and columns as in the file, the
 * profile stored, list/get/download round trips (byte-identical), rename, delete, attach/detach
 * and the live notifications that go with them.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, test } from 'vitest';
import { datasets } from '../../server/db/schema.ts';
import type { DatasetList, DatasetRecord } from '../../shared/api/datasets.ts';
import { parseRecordNotification, type RecordNotification } from '../../shared/api/notifications.ts';
import { api, createPipeline, registerUser, type TestUser } from './helpers/accounts.ts';
import { connectCollab } from './helpers/collab-client.ts';
import { SHARED_DATA, uploadBytes, useSuiteDatasetServer } from './helpers/datasets.ts';

const server = useSuiteDatasetServer();
let owner: TestUser;

beforeAll(async () => {
  owner = await registerUser(server().url);
});

const SAMPLES = ['penguins.csv', 'titanic.csv', 'tips.csv'] as const;

/** Rows and column names as the file has them (these samples have no quoted newlines or commas). */
function expectedShape(bytes: Buffer) {
  const lines = bytes.toString('utf8').split('\n').filter(Boolean);
  const names = lines[0]!.split(',').map((name) => name.replace(/^"|"$/g, ''));
  return { rows: lines.length - 1, names };
}

async function upload(file: string, name = file.replace('.csv', ''), extra: Record<string, string> = {}) {
  const bytes = readFileSync(path.join(SHARED_DATA, file));
  const response = await uploadBytes(server().url, owner, bytes, { name, fileName: file, ...extra });
  expect(response.status, await response.clone().text()).toBe(201);
  return { bytes, record: (await response.json()) as DatasetRecord };
}

async function getJson<T>(url: string, user: TestUser = owner): Promise<T> {
  const response = await api(server().url, url, { cookie: user.cookie });
  expect(response.status, await response.clone().text()).toBe(200);
  return (await response.json()) as T;
}

describe('uploading the sample datasets', () => {
  test.each(SAMPLES)('%s: rows, columns, profile, hash and file as uploaded', async (file) => {
    const { bytes, record } = await upload(file);
    const { rows, names } = expectedShape(bytes);
    expect(record).toMatchObject({
      name: file.replace('.csv', ''),
      fileName: file,
      sizeBytes: bytes.byteLength,
      rows,
      columns: names.length,
      owner: { id: owner.user.id, username: owner.user.username },
      access: 'owner',
      pipelines: [],
    });
    expect(record.profile.rows).toBe(rows);
    expect(record.profile.columns.map((column) => column.name)).toEqual(names);
    expect(record.profile).toMatchObject({ delimiter: ',', encoding: 'utf-8' });

    const [row] = await server()
      .context.database.db.select()
      .from(datasets)
      .where(eq(datasets.id, record.id));
    expect(row!.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(row!.storageKey).toBe(`datasets/${record.id}.csv`);
    expect(row!.profile).toEqual(record.profile);
    expect(readFileSync(path.join(server().blobDir, 'datasets', `${record.id}.csv`))).toEqual(bytes);

    // GET gives the same record; the download gives the same bytes.
    expect(await getJson<DatasetRecord>(`/api/datasets/${record.id}`)).toEqual(record);
    const download = await api(server().url, `/api/datasets/${record.id}/download`, { cookie: owner.cookie });
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(download.headers.get('content-disposition')).toBe(
      `attachment; filename="${file}"; filename*=UTF-8''${file}`,
    );
    expect(Buffer.from(await download.arrayBuffer())).toEqual(bytes);
  });

  test('the penguins profile finds the missing values and a target', async () => {
    const { record } = await upload('penguins.csv');
    const sex = record.profile.columns.find((column) => column.name === 'sex')!;
    expect(sex.missing).toBeGreaterThan(0);
    const bill = record.profile.columns.find((column) => column.name === 'bill_length_mm')!;
    expect(bill).toMatchObject({ kind: 'float', dtype: 'float64' });
    expect(bill.numeric?.min).toBeGreaterThan(30);
  });

  test('an upload with ?pipeline= is attached at once, and the pipeline hears of it', async () => {
    const pipeline = await createPipeline(server().url, owner, 'With data');
    const heard = await listen(pipeline.id, owner);
    const { record } = await upload('tips.csv', 'Tips', { pipeline: pipeline.id });
    expect(record.pipelines).toEqual([{ id: pipeline.id, name: 'With data' }]);
    const attached = await getJson<{ datasets: DatasetRecord[] }>(`/api/pipelines/${pipeline.id}/datasets`);
    expect(attached.datasets.map((d) => d.id)).toEqual([record.id]);
    await expect
      .poll(() => heard)
      .toEqual([{ type: 'dominoml/record', kind: 'dataset', action: 'attached', id: record.id }]);
  });

  test('a file name with spaces and accents downloads under that name', async () => {
    const bytes = readFileSync(path.join(SHARED_DATA, 'tips.csv'));
    const fileName = 'Trinkgeld "März" 2024.csv';
    const response = await uploadBytes(server().url, owner, bytes, { name: 'Tips', fileName });
    const record = (await response.json()) as DatasetRecord;
    expect(record.fileName).toBe(fileName);
    const download = await api(server().url, `/api/datasets/${record.id}/download`, { cookie: owner.cookie });
    expect(download.headers.get('content-disposition')).toBe(
      `attachment; filename="Trinkgeld _M_rz_ 2024.csv"; filename*=UTF-8''Trinkgeld%20%22M%C3%A4rz%22%202024.csv`,
    );
    await download.body?.cancel();
  });
});

describe('listing', () => {
  test('newest first, searched by name, in pages', async () => {
    const lister = await registerUser(server().url);
    const ids: string[] = [];
    for (const name of ['Alpha 100%', 'alpha_2', 'Beta']) {
      const bytes = readFileSync(path.join(SHARED_DATA, 'tips.csv'));
      const response = await uploadBytes(server().url, lister, bytes, { name, fileName: 'tips.csv' });
      ids.push(((await response.json()) as DatasetRecord).id);
    }
    const all = await getJson<DatasetList>('/api/datasets', lister);
    expect(all.total).toBe(3);
    expect(all.datasets.map((d) => d.id)).toEqual([...ids].reverse());
    expect(all.datasets[0]).not.toHaveProperty('profile');

    const alpha = await getJson<DatasetList>(`/api/datasets?q=ALPHA`, lister);
    expect(alpha.datasets.map((d) => d.name).sort()).toEqual(['Alpha 100%', 'alpha_2']);
    // % and _ are literal characters, not wildcards.
    const percent = await getJson<DatasetList>(`/api/datasets?q=${encodeURIComponent('100%')}`, lister);
    expect(percent.datasets.map((d) => d.name)).toEqual(['Alpha 100%']);
    const underscore = await getJson<DatasetList>(`/api/datasets?q=a_2`, lister);
    expect(underscore.datasets.map((d) => d.name)).toEqual(['alpha_2']);

    const page = await getJson<DatasetList>('/api/datasets?limit=2&offset=1', lister);
    expect(page).toMatchObject({ total: 3 });
    expect(page.datasets.map((d) => d.id)).toEqual([ids[1], ids[0]]);
    const bad = await api(server().url, '/api/datasets?limit=1000', { cookie: lister.cookie });
    expect(bad.status).toBe(400);
  });
});

describe('rename and delete', () => {
  test('the owner renames; the pipelines it is attached to hear of it', async () => {
    const pipeline = await createPipeline(server().url, owner, 'Renames');
    const { record } = await upload('penguins.csv', 'Penguins', { pipeline: pipeline.id });
    const heard = await listen(pipeline.id, owner);
    const response = await api(server().url, `/api/datasets/${record.id}`, {
      method: 'PATCH',
      body: { name: '  Palmer penguins  ' },
      cookie: owner.cookie,
    });
    expect(response.status).toBe(200);
    const renamed = (await response.json()) as DatasetRecord;
    expect(renamed.name).toBe('Palmer penguins');
    expect(Date.parse(renamed.updatedAt)).toBeGreaterThanOrEqual(Date.parse(record.updatedAt));
    expect(renamed.fileName).toBe('penguins.csv');
    await expect.poll(() => heard.map((n) => n.action)).toEqual(['renamed']);

    for (const name of ['', '   ', 'a\u0007b', 'x'.repeat(121)]) {
      const refused = await api(server().url, `/api/datasets/${record.id}`, {
        method: 'PATCH',
        body: { name },
        cookie: owner.cookie,
      });
      expect(refused.status).toBe(400);
    }
    expect((await getJson<DatasetRecord>(`/api/datasets/${record.id}`)).name).toBe('Palmer penguins');
  });

  test('delete is refused (409, naming the pipelines) while attached; after detaching it removes row and file', async () => {
    const first = await createPipeline(server().url, owner, 'First user');
    const second = await createPipeline(server().url, owner, 'Second user');
    const { record } = await upload('titanic.csv', 'Titanic', { pipeline: first.id });
    const attach = await api(server().url, `/api/pipelines/${second.id}/datasets/${record.id}`, {
      method: 'PUT',
      cookie: owner.cookie,
    });
    expect(attach.status).toBe(200);
    expect(((await attach.json()) as DatasetRecord).pipelines.map((p) => p.name)).toEqual([
      'First user',
      'Second user',
    ]);

    const refused = await api(server().url, `/api/datasets/${record.id}`, {
      method: 'DELETE',
      cookie: owner.cookie,
    });
    expect(refused.status).toBe(409);
    const { error } = (await refused.json()) as { error: { code: string; message: string } };
    expect(error.code).toBe('conflict');
    expect(error.message).toContain('"First user"');
    expect(error.message).toContain('"Second user"');
    expect(server().blobFiles()).toContain(`datasets/${record.id}.csv`);

    const heard = await listen(first.id, owner);
    for (const pipeline of [first, second]) {
      const detached = await api(server().url, `/api/pipelines/${pipeline.id}/datasets/${record.id}`, {
        method: 'DELETE',
        cookie: owner.cookie,
      });
      expect(detached.status).toBe(204);
    }
    // Detaching again is not an error (and not news).
    const again = await api(server().url, `/api/pipelines/${first.id}/datasets/${record.id}`, {
      method: 'DELETE',
      cookie: owner.cookie,
    });
    expect(again.status).toBe(204);
    await expect.poll(() => heard.map((n) => n.action)).toEqual(['detached']);

    const deleted = await api(server().url, `/api/datasets/${record.id}`, {
      method: 'DELETE',
      cookie: owner.cookie,
    });
    expect(deleted.status).toBe(204);
    expect(server().blobFiles()).not.toContain(`datasets/${record.id}.csv`);
    const [row] = await server()
      .context.database.db.select()
      .from(datasets)
      .where(eq(datasets.id, record.id));
    expect(row).toBeUndefined();
    expect((await api(server().url, `/api/datasets/${record.id}`, { cookie: owner.cookie })).status).toBe(
      404,
    );
  });

  test('attaching twice is idempotent: one attachment, one notification', async () => {
    const pipeline = await createPipeline(server().url, owner, 'Twice');
    const { record } = await upload('tips.csv');
    const heard = await listen(pipeline.id, owner);
    for (let i = 0; i < 2; i++) {
      const response = await api(server().url, `/api/pipelines/${pipeline.id}/datasets/${record.id}`, {
        method: 'PUT',
        cookie: owner.cookie,
      });
      expect(response.status).toBe(200);
    }
    const attached = await getJson<{ datasets: DatasetRecord[] }>(`/api/pipelines/${pipeline.id}/datasets`);
    expect(attached.datasets.map((d) => d.id)).toEqual([record.id]);
    // A later notification proves the second PUT sent none.
    await api(server().url, `/api/pipelines/${pipeline.id}/datasets/${record.id}`, {
      method: 'DELETE',
      cookie: owner.cookie,
    });
    await expect.poll(() => heard.map((n) => n.action)).toEqual(['attached', 'detached']);
  });
});

/** Connects to the pipeline's document and collects dataset notifications. */
async function listen(pipelineId: string, user: TestUser): Promise<RecordNotification[]> {
  const client = connectCollab(server().url, pipelineId, { cookie: user.cookie });
  await client.synced;
  const heard: RecordNotification[] = [];
  client.provider.on('stateless', ({ payload }: { payload: string }) => {
    const notification = parseRecordNotification(payload);
    if (notification?.kind === 'dataset') heard.push(notification);
  });
  return heard;
}
