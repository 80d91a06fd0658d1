import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, testConfig } from '../../server/src/config';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

describe('loadConfig', () => {
  it('fills in the defaults from an empty environment', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      PORT: 3000,
      HOST: '127.0.0.1',
      DEMO_MODE: false,
      SECURE_COOKIES: false,
      TRUST_PROXY_HOPS: 0,
      SESSION_IDLE_MINUTES: 30,
      SESSION_ABSOLUTE_HOURS: 12,
      LOG_LEVEL: 'info',
      PUBLIC_URL: 'http://localhost:3000',
    });
    expect(config.WEB_DIST).toBeUndefined();
    // ./data/marac.db, under the repository root.
    expect(resolve(REPO_ROOT, config.DATABASE_FILE)).toBe(resolve(REPO_ROOT, 'data', 'marac.db'));
  });

  it('reads numbers and paths from their text', () => {
    const config = loadConfig({ PORT: '8080', DATABASE_FILE: '/var/lib/marac/marac.db', SESSION_IDLE_MINUTES: '15', TRUST_PROXY_HOPS: '1' });
    expect(config.PORT).toBe(8080);
    expect(config.DATABASE_FILE).toBe('/var/lib/marac/marac.db');
    expect(config.SESSION_IDLE_MINUTES).toBe(15);
    expect(config.TRUST_PROXY_HOPS).toBe(1);
  });

  it('throws a ConfigError naming PORT when it is not a number', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'abc' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toMatch(/^\s*PORT:/m);
  });

  it('throws for a port out of range and names every wrong variable', () => {
    expect(() => loadConfig({ PORT: '70000' })).toThrow(ConfigError);
    let message = '';
    try {
      loadConfig({ PORT: '-1', LOG_LEVEL: 'chatty', SESSION_ABSOLUTE_HOURS: '100' });
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toContain('PORT');
    expect(message).toContain('LOG_LEVEL');
    expect(message).toContain('SESSION_ABSOLUTE_HOURS');
  });

  it('parses the yes/no flags', () => {
    expect(loadConfig({ DEMO_MODE: 'false' }).DEMO_MODE).toBe(false);
    expect(loadConfig({ DEMO_MODE: '0' }).DEMO_MODE).toBe(false);
    expect(loadConfig({ DEMO_MODE: 'off' }).DEMO_MODE).toBe(false);
    expect(loadConfig({ DEMO_MODE: 'true' }).DEMO_MODE).toBe(true);
    expect(loadConfig({ SECURE_COOKIES: 'yes' }).SECURE_COOKIES).toBe(true);
    expect(loadConfig({ SECURE_COOKIES: 'on' }).SECURE_COOKIES).toBe(true);
  });

  it('refuses a flag it cannot read rather than guessing, naming it', () => {
    expect(() => loadConfig({ DEMO_MODE: 'maybe' })).toThrow(ConfigError);
    expect(() => loadConfig({ DEMO_MODE: 'maybe' })).toThrow(/DEMO_MODE/);
  });

  it('refuses a PUBLIC_URL that is not a URL', () => {
    expect(() => loadConfig({ PUBLIC_URL: 'not a url' })).toThrow(/PUBLIC_URL/);
  });

  it('gives tests an in-memory database, quiet logs and no demo data', () => {
    const config = testConfig({ SESSION_IDLE_MINUTES: 5 });
    expect(config).toMatchObject({ DATABASE_FILE: ':memory:', LOG_LEVEL: 'silent', DEMO_MODE: false, SESSION_IDLE_MINUTES: 5, PORT: 3000 });
  });
});
