/**
 * Who is the same person. Each referral's subjects become held people; when a coordinator later
 * confirms that two held records are one person (`identity_decisions`, "confirmed"), history is read
 * across both. Confirmations chain: if A is B and B is C, A is C.
 */

import type { Db } from '../../db/client';
import { connectionOf, selectIn } from '../people/matching/records';

interface Edge {
  id: string;
  person_id: string;
  other_person_id: string;
}

/**
 * The identity group of each given person: a map from every person in any of the groups to the
 * group's key (its smallest id), so two people are the same exactly when their keys are equal.
 * `exceptDecisionId` leaves one confirmation out, to ask whether taking it back would part the two.
 */
export function identityGroups(db: Db, personIds: readonly string[], options: { exceptDecisionId?: string } = {}): Map<string, string> {
  const sqlite = connectionOf(db);
  const parent = new Map<string, string>();
  const find = (id: string): string => {
    let root = id;
    while (parent.get(root) !== root) root = parent.get(root) as string;
    // Path compression keeps long chains cheap on later look-ups.
    let node = id;
    while (node !== root) {
      const next = parent.get(node) as string;
      parent.set(node, root);
      node = next;
    }
    return root;
  };
  const add = (id: string) => {
    if (!parent.has(id)) parent.set(id, id);
  };
  const union = (a: string, b: string) => {
    const ra = find(a);
    const rb = find(b);
    if (ra === rb) return;
    // The smaller id becomes the root, so a group's key does not depend on the order edges are read.
    if (ra < rb) parent.set(rb, ra);
    else parent.set(ra, rb);
  };

  let frontier = [...new Set(personIds)];
  for (const id of frontier) add(id);
  while (frontier.length > 0) {
    const edges = [
      ...selectIn<Edge>(sqlite, (list) => `SELECT id, person_id, other_person_id FROM identity_decisions WHERE decision = 'confirmed' AND person_id IN ${list}`, frontier),
      ...selectIn<Edge>(sqlite, (list) => `SELECT id, person_id, other_person_id FROM identity_decisions WHERE decision = 'confirmed' AND other_person_id IN ${list}`, frontier),
    ];
    const next: string[] = [];
    for (const edge of edges) {
      if (edge.id === options.exceptDecisionId) continue;
      for (const id of [edge.person_id, edge.other_person_id]) {
        if (!parent.has(id)) {
          add(id);
          next.push(id);
        }
      }
      union(edge.person_id, edge.other_person_id);
    }
    frontier = next;
  }
  const groups = new Map<string, string>();
  for (const id of parent.keys()) groups.set(id, find(id));
  return groups;
}

/** Everyone confirmed to be the same person as any of `personIds`, those included. */
export function samePeople(db: Db, personIds: readonly string[]): string[] {
  return [...identityGroups(db, personIds).keys()];
}
