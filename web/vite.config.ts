import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const root = decodeURIComponent(new URL('.', import.meta.url).pathname);

/** Drops `@media` blocks whose query carries the `\0` hack for old Internet Explorer, which no supported browser reads. */
function withoutIeMediaHacks(css: string): string {
  let kept = '';
  let from = 0;
  for (;;) {
    const at = css.indexOf('@media', from);
    const open = at === -1 ? -1 : css.indexOf('{', at);
    if (open === -1) return kept + css.slice(from);
    if (!css.slice(at, open).includes('\\0')) {
      kept += css.slice(from, open + 1);
      from = open + 1;
      continue;
    }
    let depth = 1;
    let end = open + 1;
    for (; end < css.length && depth > 0; end += 1) {
      if (css[end] === '{') depth += 1;
      else if (css[end] === '}') depth -= 1;
    }
    kept += css.slice(from, at);
    from = end;
  }
}

/**
 * Adapts the compiled GOV.UK Frontend stylesheet to this service:
 * - the GDS Transport typeface and the crest are licensed for services on GOV.UK only, and this platform
 *   runs on council, police, NHS and charity domains, so their `@font-face` rules and the crest image are
 *   dropped and the stylesheet's own fallback (Arial) is used;
 * - the old Internet Explorer hacks are removed, because the CSS minifier rejects them as invalid syntax.
 */
function govukFrontendForThisService(): Plugin {
  return {
    name: 'marac:govuk-frontend-for-this-service',
    enforce: 'pre',
    transform(code, id) {
      if (!id.includes('govuk-frontend.min.css')) return null;
      const adapted = withoutIeMediaHacks(code)
        .replace(/@font-face\s*\{[^}]*\}/g, '')
        .replace(/url\(\/assets\/images\/govuk-crest\.svg\)/g, 'none');
      return { code: adapted, map: null };
    },
  };
}

export default defineConfig({
  root,
  plugins: [react(), govukFrontendForThisService()],
  server: {
    proxy: { '/api': { target: 'http://127.0.0.1:3000' } },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    rolldownOptions: {
      output: {
        // React changes least often, so it gets its own long-cached file; other libraries share one.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/, priority: 2 },
            { name: 'libraries', test: /node_modules[\\/]/, priority: 1 },
          ],
        },
      },
    },
  },
});
