/**
 * Uploads that are odd or hostile: each is either read correctly (BOM, semicolons, quoted
 * newlines, latin-1, a 9 MB field, SQL-ish and Unicode names) or refused with a clear message
 * (too large, empty, header only, ragged, binary, over-long line, bad names, forms, wrong method)
 * and then nothing is stored: no `datasets` row and no file, partial or whole, in the blob store.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import type { DatasetRecord } from '../../shared/api/datasets.ts';
import type { ApiErrorBody, ApiErrorCode } from '../../shared/api/types.ts';
import { addMember, createPipeline, registerUser, type TestUser } from './helpers/accounts.ts';
import { type DatasetTestServer, uploadBytes, uploadUrl, useSuiteDatasetServer } from './helpers/datasets.ts';

const server = useSuiteDatasetServer();
let owner: TestUser;

beforeAll(async () => {
  owner = await registerUser(server().url);
});

const encode = (text: string) => new TextEncoder().encode(text);

async function stored(target: DatasetTestServer) {
  return { rows: await target.rowCounts(), files: target.blobFiles() };
}

/** Sends, checks status, code and message, and that no row or file appeared. */
async function expectRefused(
  send: () => Promise<Response>,
  status: number,
  code: ApiErrorCode,
  message: RegExp,
  target: DatasetTestServer = server(),
): Promise<void> {
  const before = await stored(target);
  const response = await send();
  const text = await response.text();
  expect(response.status, text).toBe(status);
  const body = JSON.parse(text) as ApiErrorBody;
  expect(body.error.code).toBe(code);
  expect(body.error.message).toMatch(message);
  expect(text).not.toMatch(/\bat .+\.ts:\d+|node_modules/); // no stack trace
  expect(await stored(target)).toEqual(before);
}

async function accepted(body: BodyInit, fileName = 'data.csv', name = 'Data'): Promise<DatasetRecord> {
  const response = await uploadBytes(server().url, owner, body, { name, fileName });
  const text = await response.text();
  expect(response.status, text).toBe(201);
  return JSON.parse(text) as DatasetRecord;
}

async function download(record: DatasetRecord): Promise<Response> {
  return fetch(`${server().url}/api/datasets/${record.id}/download`, { headers: { cookie: owner.cookie } });
}

/** A stream of `count` chunks made by `chunk(i)`, produced as the server reads them. */
function streamOf(count: number, chunk: (index: number) => Uint8Array): ReadableStream<Uint8Array> {
  let index = 0;
  return new ReadableStream({
    pull(controller) {
      if (index === count) return controller.close();
      controller.enqueue(chunk(index++));
    },
  });
}

describe('files that are read correctly', () => {
  test('a UTF-8 byte order mark is not part of the first column name, and the download keeps it', async () => {
    const bytes = encode('\uFEFFcity,temp\nOslo,4\nRome,18\n');
    const record = await accepted(bytes);
    expect(record.profile.columns.map((c) => c.name)).toEqual(['city', 'temp']);
    expect(record.rows).toBe(2);
    expect(new Uint8Array(await (await download(record)).arrayBuffer())).toEqual(bytes);
  });

  test('semicolon-delimited with decimal commas', async () => {
    const record = await accepted(encode('name;price;qty\nbread;2,50;3\nmilk;1,10;1\nsoap;3,00;2\n'));
    expect(record.profile.delimiter).toBe(';');
    expect(record).toMatchObject({ rows: 3, columns: 3 });
  });

  test('quoted fields with newlines, commas and doubled quotes', async () => {
    const record = await accepted(
      encode('id,note,label\n1,"two\nlines",a\n2,"comma, inside",b\n3,"say ""hi""",a\n4,plain,b\n'),
    );
    expect(record).toMatchObject({ rows: 4, columns: 3 });
    const note = record.profile.columns.find((c) => c.name === 'note')!;
    expect(note.top.map((t) => t.value)).toEqual(
      expect.arrayContaining(['two\nlines', 'comma, inside', 'say "hi"']),
    );
  });

  test('latin-1 / windows-1252 bytes are decoded as such and downloaded unchanged', async () => {
    // "café" and "crème" in latin-1 (0xE9, 0xE8), and the euro sign at windows-1252's 0x80.
    const bytes = Uint8Array.from([
      ...encode('item,price\ncaf'),
      0xe9,
      ...encode(',2\ncr'),
      0xe8,
      ...encode('me,3\n'),
      0x80,
      ...encode('uro,4\n'),
    ]);
    const record = await accepted(bytes);
    expect(record.profile.encoding).toBe('windows-1252');
    const item = record.profile.columns.find((c) => c.name === 'item')!;
    expect(item.top.map((t) => t.value).sort()).toEqual(['café', 'crème', '€uro']);
    const response = await download(record);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=windows-1252');
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(bytes);
  });

  test('a 9 MB field in one record (under the 10 MiB record limit), streamed in 1 MB chunks', async () => {
    const megabyte = encode('x'.repeat(1024 * 1024));
    const body = streamOf(11, (i) =>
      i === 0 ? encode('id,blob\n1,"') : i < 10 ? megabyte : encode('"\n2,small\n'),
    );
    const record = await accepted(body);
    expect(record).toMatchObject({ rows: 2, columns: 2, sizeBytes: 9 * 1024 * 1024 + 21 });
  });

  test('names with SQL, quotes and Unicode are stored as typed', async () => {
    const names = ["'); DROP TABLE datasets; --", 'Données 📊 日本語', '<script>alert(1)</script>'];
    for (const name of names) {
      const record = await accepted(
        encode('a,b\n1,x\n'),
        `${name.slice(0, 20)}.csv`.replace(/[/\\]/g, ''),
        name,
      );
      expect(record.name).toBe(name);
    }
    const list = await fetch(`${server().url}/api/datasets?limit=100`, { headers: { cookie: owner.cookie } });
    const names2 = ((await list.json()) as { datasets: { name: string }[] }).datasets.map((d) => d.name);
    expect(names2).toEqual(expect.arrayContaining(names));
  });
});

describe('files that are refused, leaving nothing behind', () => {
  test.each([
    ['an empty body', new Uint8Array(0), /empty/],
    ['a header but no rows', encode('a,b,c\n'), /header \(3 columns\) but no rows/],
    ['a header and blank lines', encode('a,b\n\n\n'), /header \(2 columns\) but no rows/],
    ['a ragged row', encode('a,b\n1,2\n3\n4,5\n'), /Line 3: row 2 has 1 field, but the header has 2/],
    ['binary bytes', Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256), /binary/],
    [
      'an unterminated quote (found only at the end)',
      encode('a,b\n1,"open\n2,3\n'),
      /Line 2: .*never closed/,
    ],
    ['a first line of numbers (no header)', encode('1,2,3\n4,5,6\n'), /no header/],
  ])('%s → 422 csv_invalid', async (_, body, message) => {
    await expectRefused(() => uploadBytes(server().url, owner, body), 422, 'csv_invalid', message);
  });

  test('no body at all → 422 (empty)', async () => {
    await expectRefused(() => uploadBytes(server().url, owner, null), 422, 'csv_invalid', /empty/);
  });

  test('a single 10 MB line with no newline → 422 naming line 1 and the limit', async () => {
    const body = streamOf(11, () => encode('y'.repeat(1024 * 1024)));
    await expectRefused(
      () => uploadBytes(server().url, owner, body),
      422,
      'csv_invalid',
      /Line 1: a record is longer than 10 MiB/,
    );
  });

  test('UTF-8 that breaks into other bytes after the first 64 KB → 422 (mixed encodings)', async () => {
    const start = encode(`a,b\n${'1,é\n'.repeat(20_000)}`);
    const body = Uint8Array.from([...start, ...encode('2,'), 0xe9, ...encode('\n')]);
    await expectRefused(() => uploadBytes(server().url, owner, body), 422, 'csv_invalid', /mixed encodings/);
  });

  test.each([
    ['a missing name', { fileName: 'a.csv' }, /name/],
    ['a blank name', { name: '   ', fileName: 'a.csv' }, /name/i],
    ['a control character in the name', { name: 'a\u0007b', fileName: 'a.csv' }, /control characters/],
    ['a name over 120 characters', { name: 'n'.repeat(121), fileName: 'a.csv' }, /120/],
    ['a missing file name', { name: 'A' }, /fileName/],
    ['a file name with folders', { name: 'A', fileName: '../../etc/passwd' }, /without folders/],
    ['a file name with a backslash', { name: 'A', fileName: 'C:\\data.csv' }, /without folders/],
    ['a file name with a newline', { name: 'A', fileName: 'a\r\nX-Evil: 1.csv' }, /without folders/],
    ['a pipeline that is not an id', { name: 'A', fileName: 'a.csv', pipeline: "1' OR '1'='1" }, /pipeline/],
  ])('%s → 400 validation_failed', async (_, query, message) => {
    await expectRefused(
      () => uploadBytes(server().url, owner, encode('a,b\n1,2\n'), query),
      400,
      'validation_failed',
      message,
    );
  });

  test('a NUL character in the name → 400 bad_request', async () => {
    await expectRefused(
      () => uploadBytes(server().url, owner, encode('a,b\n1,2\n'), { name: 'a\u0000b', fileName: 'a.csv' }),
      400,
      'bad_request',
      /NUL/,
    );
  });

  test('a multipart form instead of the file → 415', async () => {
    const form = new FormData();
    form.set('file', new Blob(['a,b\n1,2\n']), 'a.csv');
    await expectRefused(
      () =>
        fetch(uploadUrl(server().url, { name: 'A', fileName: 'a.csv' }), {
          method: 'POST',
          headers: { origin: server().url, cookie: owner.cookie },
          body: form,
        }),
      415,
      'unsupported_media_type',
      /not a form/,
    );
  });

  test('anonymous → 401, cross-site → 403', async () => {
    const body = encode('a,b\n1,2\n');
    await expectRefused(() => uploadBytes(server().url, null, body), 401, 'unauthenticated', /Sign in/);
    await expectRefused(
      () =>
        uploadBytes(server().url, owner, body, undefined, {
          headers: { origin: 'https://evil.example' },
        }),
      403,
      'forbidden',
      /Cross-site/,
    );
  });

  test('attaching at upload needs editor or owner on the pipeline (checked before the body is read)', async () => {
    const other = await registerUser(server().url);
    const pipeline = await createPipeline(server().url, other, 'Not yours');
    const body = () => encode('a,b\n1,2\n');
    const query = { name: 'A', fileName: 'a.csv', pipeline: pipeline.id };
    await expectRefused(() => uploadBytes(server().url, owner, body(), query), 404, 'not_found', /Pipeline/);
    for (const role of ['viewer', 'commenter'] as const) {
      await addMember(server().url, other, pipeline.id, owner, role);
      await expectRefused(
        () => uploadBytes(server().url, owner, body(), query),
        403,
        'forbidden',
        /editors and owners can attach datasets/,
      );
    }
    const missing = { ...query, pipeline: '00000000-0000-4000-8000-000000000000' };
    await expectRefused(
      () => uploadBytes(server().url, owner, body(), missing),
      404,
      'not_found',
      /Pipeline/,
    );
  });

  test('wrong methods → 404 naming the route', async () => {
    for (const method of ['PUT', 'PATCH', 'DELETE']) {
      await expectRefused(
        () =>
          fetch(`${server().url}/api/datasets`, {
            method,
            headers: { origin: server().url, cookie: owner.cookie },
            body: 'a,b\n1,2\n',
          }),
        404,
        'not_found',
        new RegExp(`No API route ${method} /api/datasets`),
      );
    }
  });
});

describe('the size limit', () => {
  const small = useSuiteDatasetServer({ datasetMaxBytes: 64 * 1024 });
  let user: TestUser;
  beforeAll(async () => {
    user = await registerUser(small().url);
  });
  const rows = (bytes: number) => encode(`a,b\n${'1,2\n'.repeat(Math.ceil(bytes / 4))}`);

  test('declared by Content-Length → 413 before reading, naming the limit', async () => {
    await expectRefused(
      () => uploadBytes(small().url, user, rows(100 * 1024)),
      413,
      'payload_too_large',
      /larger than the 64 KB limit/,
      small(),
    );
  });

  test('streamed without Content-Length → 413 once the count passes the limit', async () => {
    const chunk = encode('1,2\n'.repeat(4096)); // 16 KB
    const body = streamOf(40, (i) => (i === 0 ? encode('a,b\n') : chunk));
    await expectRefused(
      () => uploadBytes(small().url, user, body),
      413,
      'payload_too_large',
      /64 KB limit/,
      small(),
    );
  });

  test('exactly at the limit is accepted', async () => {
    const header = encode('a,b\n');
    const body = new Uint8Array(64 * 1024);
    body.set(header);
    body.set(encode('1,2\n'.repeat((body.length - header.length) / 4)), header.length);
    const response = await uploadBytes(small().url, user, body);
    expect(response.status, await response.clone().text()).toBe(201);
    expect(((await response.json()) as DatasetRecord).sizeBytes).toBe(64 * 1024);
  });
});
