/**
 * A hand-over of one chunk at a time from a producer to a consumer that iterates with
 * `for await`. An upload feeds two of these (storage and profiler) from one request body;
 * `ReadableStream.tee()` would instead queue without bound for the slower branch, so a fast
 * network and a slow disk could buffer the whole file. Here the producer waits until the chunk
 * is taken, so each consumer holds at most the chunk it works on and the one offered next.
 */

export interface ChunkChannel extends AsyncIterable<Uint8Array> {
  /**
   * Offers the next chunk; resolves true once the consumer took it, false when the consumer
   * stopped iterating (it finished early or failed) and will take no more.
   */
  push(chunk: Uint8Array): Promise<boolean>;
  /** No more chunks: the consumer's loop ends normally. */
  end(): void;
  /** The consumer's next read throws `error` (a pending chunk is dropped). */
  fail(error: unknown): void;
}

interface Waiting {
  resolve(result: IteratorResult<Uint8Array>): void;
  reject(error: unknown): void;
}

export function createChunkChannel(): ChunkChannel {
  let offered: { chunk: Uint8Array; taken: (accepted: boolean) => void } | null = null;
  let waiting: Waiting | null = null;
  let ended = false;
  let failure: { error: unknown } | null = null;
  let stopped = false;

  const dropOffered = () => {
    offered?.taken(false);
    offered = null;
  };

  /** Answers a waiting consumer when there is something to answer with. */
  const settle = () => {
    const reader = waiting;
    if (!reader) return;
    if (failure) {
      waiting = null;
      reader.reject(failure.error);
    } else if (offered) {
      waiting = null;
      const { chunk, taken } = offered;
      offered = null;
      taken(true);
      reader.resolve({ done: false, value: chunk });
    } else if (ended) {
      waiting = null;
      reader.resolve({ done: true, value: undefined });
    }
  };

  return {
    push(chunk) {
      if (stopped || failure) return Promise.resolve(false);
      if (ended || offered) throw new Error('push after end, or before the previous chunk was taken');
      return new Promise<boolean>((taken) => {
        offered = { chunk, taken };
        settle();
      });
    },
    end() {
      ended = true;
      settle();
    },
    fail(error) {
      failure ??= { error };
      dropOffered();
      settle();
    },
    [Symbol.asyncIterator]() {
      return {
        next() {
          if (stopped) return Promise.resolve({ done: true, value: undefined });
          return new Promise<IteratorResult<Uint8Array>>((resolve, reject) => {
            waiting = { resolve, reject };
            settle();
          });
        },
        // Called when the consumer leaves its loop early (break, return, or an error inside it).
        return() {
          stopped = true;
          dropOffered();
          return Promise.resolve({ done: true, value: undefined });
        },
      };
    },
  };
}
