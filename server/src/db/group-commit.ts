import type { Db } from './client';

/** A small write that rides on a read: an audit row of a view, a session's last-seen time. */
export type QueuedWrite = (db: Db) => void;

interface Pending {
  write: QueuedWrite;
  settle: (error?: unknown) => void;
}

/** Rows in one commit at most: a batch this size is written at once rather than at the end of the turn. */
const MAX_BATCH = 512;

/**
 * Group commit for the small writes that ride on reads. Each disk sync is the cost of a commit, and a
 * read that is audited would otherwise pay one of its own; here every write queued during one turn of
 * the event loop is committed together, in one IMMEDIATE transaction with one sync, as soon as that turn
 * ends (no timer, so nothing waits on wall-clock time). Each caller gets a promise that settles when the
 * commit holding its write is durable, and rejects if that commit failed.
 *
 * Order is kept: writes are committed in the order they were queued, and a change's own transaction
 * (`transaction` in client.ts) takes whatever is queued first, so an audit row of a view never lands
 * after the row of a change that happened later.
 */
export class GroupCommit {
  private queue: Pending[] = [];
  private scheduled = false;

  constructor(private readonly commit: (work: () => void) => void, private readonly db: Db) {}

  /** Queues `write`; resolves once the commit that holds it is on disk. */
  add(write: QueuedWrite): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ write, settle: (error) => (error === undefined ? resolve() : reject(error)) });
      if (this.queue.length >= MAX_BATCH) this.flush();
      else if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  /** How many writes wait for their commit. */
  get pending(): number {
    return this.queue.length;
  }

  /** Commits everything queued now (the end of a turn, a full batch, shutdown). */
  flush(): void {
    this.scheduled = false;
    this.commitBatch(this.take());
  }

  /**
   * Hands what is queued to a transaction about to start, which writes it first (`writeAll`) and settles
   * it after its own commit (`settle`), or commits it on its own if the transaction fails (`commitBatch`).
   */
  take(): Pending[] {
    return this.queue.splice(0);
  }

  writeAll(batch: Pending[]): void {
    for (const p of batch) p.write(this.db);
  }

  commitBatch(batch: Pending[]): void {
    if (batch.length === 0) return;
    try {
      this.commit(() => this.writeAll(batch));
    } catch (error) {
      GroupCommit.settle(batch, error ?? new Error('commit failed'));
      return;
    }
    GroupCommit.settle(batch);
  }

  static settle(batch: Pending[], error?: unknown): void {
    for (const p of batch) p.settle(error);
  }
}

