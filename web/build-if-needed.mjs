// Builds the single-page app only when its sources are newer than the last build, so `pnpm start` on a
// machine that already built it starts at once, and a fresh checkout never serves a missing or stale bundle.
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const webDir = dirname(fileURLToPath(import.meta.url));
const repoDir = join(webDir, '..');
const builtIndex = join(webDir, 'dist', 'index.html');
const inputs = [
  join(webDir, 'src'),
  join(webDir, 'index.html'),
  join(webDir, 'vite.config.ts'),
  join(repoDir, 'shared', 'src'),
];

/** The newest modification time under a file or folder, with the file it belongs to; missing paths count as nothing. */
function newest(path) {
  let stat;
  try {
    stat = statSync(path);
  } catch {
    return { mtimeMs: 0, path: null };
  }
  if (!stat.isDirectory()) return { mtimeMs: stat.mtimeMs, path };
  let best = { mtimeMs: 0, path: null };
  for (const entry of readdirSync(path)) {
    const candidate = newest(join(path, entry));
    if (candidate.mtimeMs > best.mtimeMs) best = candidate;
  }
  return best;
}

function reasonToBuild() {
  let builtAt;
  try {
    builtAt = statSync(builtIndex).mtimeMs;
  } catch {
    return 'no previous build';
  }
  for (const input of inputs) {
    const latest = newest(input);
    if (latest.mtimeMs > builtAt && latest.path) return `${relative(repoDir, latest.path)} changed since the last build`;
  }
  return null;
}

const reason = reasonToBuild();
if (!reason) {
  console.log('web: web/dist is up to date, build skipped');
  process.exit(0);
}

const require = createRequire(import.meta.url);
const vitePackage = require.resolve('vite/package.json');
const viteBin = join(dirname(vitePackage), JSON.parse(readFileSync(vitePackage, 'utf8')).bin.vite);
const started = Date.now();
const result = spawnSync(process.execPath, [viteBin, 'build', '--logLevel', 'warn'], { cwd: webDir, stdio: 'inherit' });
if (result.status !== 0) {
  console.error(`web: build failed (${reason}); see the errors above`);
  process.exit(result.status ?? 1);
}
console.log(`web: built web/dist in ${((Date.now() - started) / 1000).toFixed(1)} s (${reason})`);
