import type { Db } from '../../db/client';

/** Called with the ids of people whose names, dates of birth, addresses or phones were just written. */
export type PeopleChangedHook = (db: Db, personIds: readonly string[]) => void;

const nothing: PeopleChangedHook = () => {};
let hook: PeopleChangedHook = nothing;

/**
 * The hook point where identity match keys are rebuilt for people a referral created or changed, so a
 * later referral naming the same person can find them. It runs with the caller's `db` inside the
 * caller's transaction: the keys commit or roll back with the people they describe. Until identity
 * matching (server/src/modules/people/matching) is wired in, it does nothing.
 */
export function onPeopleChanged(db: Db, personIds: readonly string[]): void {
  if (personIds.length > 0) hook(db, personIds);
}

/** Installs what `onPeopleChanged` runs; returns a function that puts the previous hook back. */
export function setPeopleChangedHook(next: PeopleChangedHook): () => void {
  const previous = hook;
  hook = next;
  return () => {
    hook = previous;
  };
}
