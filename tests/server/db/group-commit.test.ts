import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { migrateDatabase, openDatabase, transaction, type Database_ } from '../../../server/src/db/client';
import { areas } from '../../../server/src/db/schema';
import { makeArea } from '../helper';

const opened: Database_[] = [];
const folders: string[] = [];
afterEach(() => {
  for (const database of opened.splice(0)) if (database.sqlite.open) database.close();
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function fileDatabase(): Database_ {
  const folder = mkdtempSync(join(tmpdir(), 'marac-group-'));
  folders.push(folder);
  const database = openDatabase(join(folder, 'marac.db'));
  opened.push(database);
  migrateDatabase(database.db);
  database.sqlite.exec('CREATE TABLE seen (n INTEGER NOT NULL)');
  return database;
}

/** The queued writes are handed the query builder; these tests write their own table through the same connection. */
const insert = (database: Database_, n: number) => void database.sqlite.prepare('INSERT INTO seen (n) VALUES (?)').run(n);

const rows = (database: Database_) => database.sqlite.prepare('SELECT n FROM seen ORDER BY rowid').all().map((r) => (r as { n: number }).n);

/** Counts commits the way SQLite sees them: the data version another connection reads changes once per commit. */
function commitCounter(database: Database_) {
  const watcher = openDatabase(database.sqlite.name);
  opened.push(watcher);
  let last = watcher.sqlite.pragma('data_version', { simple: true }) as number;
  let commits = 0;
  return {
    check() {
      const now = watcher.sqlite.pragma('data_version', { simple: true }) as number;
      if (now !== last) commits += 1;
      last = now;
      return commits;
    },
  };
}

describe('group commit', () => {
  it('commits every write queued in one turn together, and settles each only once it is committed', async () => {
    const database = fileDatabase();
    const counter = commitCounter(database);
    const settled: number[] = [];
    const writes = Array.from({ length: 25 }, (_, n) =>
      database.commits.add(() => insert(database, n)).then(() => settled.push(n)),
    );
    // Nothing is written, nor settled, until the turn ends.
    expect(rows(database)).toEqual([]);
    expect(database.commits.pending).toBe(25);
    await Promise.all(writes);
    expect(rows(database)).toEqual(Array.from({ length: 25 }, (_, n) => n));
    expect(settled).toHaveLength(25);
    expect(counter.check()).toBe(1);
  });

  it('rejects every write of a commit that failed, and writes none of them', async () => {
    const database = fileDatabase();
    database.sqlite.exec("CREATE TRIGGER refuse BEFORE INSERT ON seen WHEN NEW.n = 3 BEGIN SELECT RAISE(ABORT, 'refused'); END");
    const outcomes = await Promise.allSettled([1, 2, 3].map((n) => database.commits.add(() => insert(database, n))));
    expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'rejected', 'rejected']);
    expect(rows(database)).toEqual([]);
    // The next turn's writes are not held back by it.
    await database.commits.add(() => insert(database, 4));
    expect(rows(database)).toEqual([4]);
  });

  it("writes what is queued before a change's own rows, in one transaction with it", async () => {
    const database = fileDatabase();
    const counter = commitCounter(database);
    const queued = database.commits.add(() => insert(database, 1));
    let settledBeforeChange = false;
    void queued.then(() => (settledBeforeChange = true));
    transaction(database, () => {
      insert(database, 2);
    });
    await queued;
    expect(settledBeforeChange).toBe(true);
    expect(rows(database)).toEqual([1, 2]);
    expect(counter.check()).toBe(1);
    expect(database.commits.pending).toBe(0);
  });

  it('commits what was queued on its own when the change it rode with fails', async () => {
    const database = fileDatabase();
    const queued = database.commits.add(() => insert(database, 1));
    expect(() =>
      transaction(database, () => {
        insert(database, 2);
        throw new Error('the change is refused');
      }),
    ).toThrow('the change is refused');
    await queued;
    expect(rows(database)).toEqual([1]);
  });

  it('writes what is still queued when the database is closed', () => {
    const database = fileDatabase();
    const file = database.sqlite.name;
    void database.commits.add(() => insert(database, 7));
    database.close();
    const again = openDatabase(file);
    opened.push(again);
    expect(rows(again)).toEqual([7]);
  });
});

describe('prepared statements', () => {
  it('prepares each SQL text once and hands it back in its default modes', () => {
    const database = fileDatabase();
    makeArea(database, { code: 'ONE' });
    const first = database.sqlite.prepare('SELECT code FROM areas');
    expect(database.sqlite.prepare('SELECT code FROM areas')).toBe(first);
    first.raw(true);
    // Whoever takes it next gets rows as objects, as they asked, not as the last user left it.
    expect(database.sqlite.prepare('SELECT code FROM areas').all()).toEqual([{ code: 'ONE' }]);
    // The query builder, which switches raw mode on and off, reads the same rows either way.
    expect(database.db.select({ code: areas.code }).from(areas).all()).toEqual([{ code: 'ONE' }]);
    expect(database.db.select().from(areas).all().map((a) => a.code)).toEqual(['ONE']);
  });
});
