import type { AcceptInput, Accepted, Outbox } from './outbox.ts';

/**
 * Group commit: requests that arrive while the disk is busy are written together in one
 * transaction, so many people sending forms at once share one disk sync instead of queueing
 * behind one each. Every caller still hears back only after its request is durably stored.
 */
export function groupCommitter(store: Pick<Outbox, 'acceptMany'>): (input: AcceptInput) => Promise<Accepted> {
  let queue: { input: AcceptInput; resolve: (accepted: Accepted) => void; reject: (error: unknown) => void }[] = [];

  const flush = () => {
    const batch = queue;
    queue = [];
    try {
      const results = store.acceptMany(batch.map((item) => item.input));
      batch.forEach((item, index) => {
        const accepted = results[index];
        if (accepted) item.resolve(accepted);
        else item.reject(new Error('acceptMany returned too few results'));
      });
    } catch (error) {
      for (const item of batch) item.reject(error);
    }
  };

  return (input) =>
    new Promise((resolve, reject) => {
      queue.push({ input, resolve, reject });
      // The first request of a batch schedules the write; the rest of this turn of the event loop joins it.
      if (queue.length === 1) setImmediate(flush);
    });
}
