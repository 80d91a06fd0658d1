import { spawn, type ChildProcess } from 'node:child_process';
import { join, resolve } from 'node:path';

export const REPO_ROOT = resolve(import.meta.dirname, '../..');

export interface PlatformProcess {
  child: ChildProcess;
  /** Everything it printed so far, both streams. */
  output(): string;
  /** Resolves with its exit code once it has exited. */
  exited: Promise<number | null>;
}

/** The platform as README starts it (`server/src/server.ts`), with these settings, or `command` instead. */
export function startProcess(env: Record<string, string | undefined>, command: string[] = [process.execPath, '--import', 'tsx', 'src/server.ts'], cwd = join(REPO_ROOT, 'server')): PlatformProcess {
  // A setting given as undefined is left out altogether, as on a machine that never set it.
  const merged: Record<string, string | undefined> = { ...process.env, LOG_LEVEL: 'warn', ...env };
  for (const [key, value] of Object.entries(merged)) if (value === undefined) delete merged[key];
  const child = spawn(command[0] as string, command.slice(1), { cwd, env: merged, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  return { child, output: () => output, exited };
}

/** Waits until the platform answers on `port`, or fails with what it printed; the limit only stops a broken test. */
export async function untilListening(platform: PlatformProcess, port: number, limitMs = 90_000): Promise<void> {
  const deadline = Date.now() + limitMs;
  while (Date.now() < deadline) {
    if (platform.child.exitCode !== null) throw new Error(`the platform exited early:\n${platform.output()}`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}/api/health/live`)).status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`the platform did not answer within ${limitMs} ms:\n${platform.output()}`);
}

/** A port nothing listens on now, taken from the operating system. */
export async function freePort(): Promise<number> {
  const { createServer } = await import('node:net');
  return new Promise((done) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => done(typeof address === 'object' && address ? address.port : 0));
    });
  });
}
