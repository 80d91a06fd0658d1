import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { REPO_ROOT } from './browser';

/** The browser tests need the built SPA, as `pnpm start` serves it. */
export default function setup() {
  execFileSync(process.execPath, [join(REPO_ROOT, 'web/build-if-needed.mjs')], { cwd: join(REPO_ROOT, 'web'), stdio: 'inherit' });
}
