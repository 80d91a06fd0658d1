/** The error backups and restores report, and the file handling both share. */
import { open, rm } from 'node:fs/promises';

/** A problem with a backup or a restore, in words naming the setting and the path; never personal data. */
export class BackupError extends Error {}

/** `2026-12-07T19-30-00Z`: UTC, sortable, and free of the colons some file systems refuse. */
export const fileStamp = (at: Date) => at.toISOString().replace(/\.\d{3}Z$/, 'Z').replaceAll(':', '-');

export const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

export const sqliteCode = (error: unknown) => (error instanceof Error && 'code' in error ? String((error as { code: unknown }).code) : error instanceof Error ? error.message : String(error));

/** Off the main thread: flushing gigabytes to disk must not stop the platform answering. */
export async function fsyncPath(path: string) {
  const handle = await open(path, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Removes a temporary copy with whatever SQLite kept beside it; unlinking gigabytes takes a while, so off the main thread. */
export const removeTemp = (path: string) => Promise.all(['', '-journal', '-wal', '-shm'].map((suffix) => rm(path + suffix, { force: true })));
