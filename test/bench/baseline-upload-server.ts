/**
 * The baselines of the dataset upload bench: a bare `node:http` server, in its own process like
 * the real one, that receives a request body and answers when it ends.
 *
 * - `discard`: drops the bytes (what receiving alone costs).
 * - `store`: hashes them (SHA-256) and writes them to a file in `DIR`, as the upload does, but
 *   without parsing or profiling, so the difference to it is what the CSV work costs.
 *
 * Usage: `node test/bench/baseline-upload-server.ts discard|store [DIR]`; prints `listening <port>`.
 */
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { createServer } from 'node:http';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';

const mode = process.argv[2];
const dir = process.argv[3];
if (mode !== 'discard' && !(mode === 'store' && dir)) {
  throw new Error('usage: baseline-upload-server.ts discard | store DIR');
}

let uploads = 0;
const server = createServer((request, response) => {
  const answer = (size: number, sha256 = '') => {
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ size, sha256 }));
  };
  let size = 0;
  if (mode === 'discard') {
    request.on('data', (chunk: Buffer) => {
      size += chunk.byteLength;
    });
    request.on('end', () => answer(size));
    return;
  }
  const hash = createHash('sha256');
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      size += chunk.byteLength;
      hash.update(chunk);
      done(null, chunk);
    },
  });
  uploads += 1;
  pipeline(request, counter, createWriteStream(path.join(dir!, `upload-${uploads}.csv`))).then(
    () => answer(size, hash.digest('hex')),
    (error: unknown) => {
      response.writeHead(500);
      response.end(String(error));
    },
  );
});

server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  console.log(`listening ${typeof address === 'object' && address ? address.port : 0}`);
});
