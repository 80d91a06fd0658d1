/**
 * What the platform's background jobs (the mail worker, the daily chase of actions, scheduled
 * backups, the purge of old sessions) last did, so readiness can tell a stuck job and metrics can count
 * runs. Each job reports here after every run; nothing here runs a job.
 */
export interface JobState {
  name: string;
  /** How long may pass between runs before the job is said to be stuck. */
  expectedEveryMs: number;
  lastRunAt: Date | null;
  lastSuccessAt: Date | null;
  /** A short description of the last failure, never personal data; null after a success. */
  lastError: string | null;
  runs: number;
  failures: number;
}

export class JobRegistry {
  private readonly jobs = new Map<string, JobState>();

  register(name: string, expectedEveryMs: number): void {
    if (!this.jobs.has(name)) this.jobs.set(name, { name, expectedEveryMs, lastRunAt: null, lastSuccessAt: null, lastError: null, runs: 0, failures: 0 });
  }

  /** Records one run of a registered job: a success, or the failure's description. */
  ran(name: string, at: Date, error: string | null = null): void {
    const job = this.jobs.get(name);
    if (!job) return;
    job.lastRunAt = at;
    job.runs += 1;
    if (error === null) {
      job.lastSuccessAt = at;
      job.lastError = null;
    } else {
      job.failures += 1;
      job.lastError = error;
    }
  }

  list(): JobState[] {
    return [...this.jobs.values()].map((job) => ({ ...job }));
  }

  /** Jobs that have not succeeded for twice their interval since `since` (when they were registered or the process started). */
  stuck(now: Date, since: Date): JobState[] {
    return this.list().filter((job) => now.getTime() - (job.lastSuccessAt ?? since).getTime() > 2 * job.expectedEveryMs);
  }
}
