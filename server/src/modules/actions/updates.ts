/**
 * Changing an action after the meeting: an update (status, what was done, when) by its agency or the
 * MARAC, and reassignment to another agency by the coordinator or chair. Every change is kept in
 * `action_updates`; a refused change writes nothing. Each names the version of the action it started
 * from, so an update sent from what someone saw before another person's never puts the status back.
 */

import { and, eq, isNull } from 'drizzle-orm';
import {
  actionNoteRequirement,
  actionTransitionRefusal,
  compareIsoDates,
  isClosedActionStatus,
  longDate,
  type FieldError,
  type ReassignActionInput,
  type UpdateActionInput,
} from '@marac/shared';
import type { Db } from '../../db/client';
import { actionUpdates, actions, agencies, agencyAreas } from '../../db/schema';
import { AppError, conflict, invalid, notFound } from '../../lib/errors';
import { newId } from '../../lib/ids';
import { hasSignedProtocol } from '../admin/protocol/signatories';
import type { SessionUser } from '../auth/session-store';
import { queueNotice } from '../mail/outbox';
import { notifyUsers } from '../notifications/repository';
import { isBarred } from '../cases/policy';
import { claimVersion } from '../../db/versions';
import { findVisibleAction, managesActionsOf, type ActionRow } from './access';
import { actionLink, agencyMailbox, agencyRepresentatives } from './recipients';

export interface UpdateResult {
  row: ActionRow;
  updateId: string;
}

/**
 * Records an update. The transition must be allowed for who is updating (`actionTransitionRefusal`):
 * a refusal is 409 (or 403 for a status only the MARAC records) with the reason in words. Finishing,
 * escalating, reopening and a note-only update need a note; the date is today or earlier, and not
 * before the meeting that agreed the action.
 */
export function updateAction(db: Db, user: SessionUser, actionId: string, input: UpdateActionInput, today: string, now: Date): UpdateResult {
  const row = findVisibleAction(db, user, actionId);
  // Before the rules: a transition judged from a status the person never saw would only confuse them.
  claimVersion(db, actions, actionId, input.version, 'this action');
  const from = row.action.status;
  const actor = managesActionsOf(user, row.areaId) ? 'marac' : 'agency';
  if (row.caseStatus === 'closed') throw conflict('The MARAC involvement in this case is closed: its actions cannot be changed');
  const refusal = actionTransitionRefusal(from, input.status, actor);
  if (refusal) {
    const fields = [{ field: 'status', message: refusal.message }];
    throw refusal.kind === 'forbidden' ? new AppError(403, 'forbidden', refusal.message, fields) : conflict(refusal.message, fields);
  }

  const problems: FieldError[] = [];
  const note = input.note === null || input.note === '' ? null : input.note;
  const needed = actionNoteRequirement(from, input.status);
  if (needed && note === null) problems.push({ field: 'note', message: needed });
  const occurredOn = input.occurredOn ?? today;
  if (compareIsoDates(occurredOn, today) > 0) problems.push({ field: 'occurredOn', message: 'The date cannot be in the future' });
  else if (compareIsoDates(occurredOn, row.meetingDate) < 0) {
    problems.push({ field: 'occurredOn', message: `The date cannot be before the meeting that agreed the action (${longDate(row.meetingDate)})` });
  }
  if (problems.length) throw invalid(problems);

  const at = now.toISOString();
  const updateId = newId();
  db.update(actions).set({ status: input.status, updatedAt: at }).where(eq(actions.id, actionId)).run();
  db.insert(actionUpdates)
    .values({ id: updateId, actionId, status: input.status, note, occurredOn, updatedBy: user.id, updatedAt: at, fromAgencyId: null, toAgencyId: null, dueDate: null })
    .run();
  return { row, updateId };
}

/**
 * Gives an open action to another agency: enabled, serving the area and signed up to its
 * information-sharing protocol. The reason is kept in the history; the new agency is told.
 */
export function reassignAction(db: Db, user: SessionUser, actionId: string, input: ReassignActionInput, today: string, now: Date, publicUrl: string): UpdateResult {
  const row = findVisibleAction(db, user, actionId);
  if (!managesActionsOf(user, row.areaId)) throw notFound('action');
  claimVersion(db, actions, actionId, input.version, 'this action');
  if (row.caseStatus === 'closed') throw conflict('The MARAC involvement in this case is closed: its actions cannot be changed');
  if (isClosedActionStatus(row.action.status)) throw conflict('A closed action cannot be reassigned: reopen it first');

  const problems: FieldError[] = [];
  if (input.agencyId === row.action.agencyId) {
    problems.push({ field: 'agencyId', message: 'The action is already with this agency: choose another' });
  } else {
    const serving = db
      .select({ id: agencies.id })
      .from(agencies)
      .innerJoin(agencyAreas, and(eq(agencyAreas.agencyId, agencies.id), eq(agencyAreas.areaId, row.areaId)))
      .where(and(eq(agencies.id, input.agencyId), isNull(agencies.disabledAt)))
      .get();
    if (!serving || !hasSignedProtocol(db, row.areaId, input.agencyId)) {
      problems.push({ field: 'agencyId', message: 'Choose an agency that serves this MARAC area and has signed its information-sharing protocol' });
    } else if (isBarred(db, { agencyId: input.agencyId, email: agencyMailbox(db, input.agencyId) }, row.action.caseId)) {
      problems.push({ field: 'agencyId', message: 'A referral on this case names this agency as unsafe to contact: choose another' });
    }
  }
  if (input.dueDate && compareIsoDates(input.dueDate, today) < 0) problems.push({ field: 'dueDate', message: 'The due date must be today or later' });
  if (problems.length) throw invalid(problems);

  const at = now.toISOString();
  const updateId = newId();
  const dueDate = input.dueDate ?? row.action.dueDate;
  db.update(actions).set({ agencyId: input.agencyId, ownerName: input.ownerName, dueDate, updatedAt: at }).where(eq(actions.id, actionId)).run();
  db.insert(actionUpdates)
    .values({
      id: updateId,
      actionId,
      status: row.action.status,
      note: input.note,
      occurredOn: today,
      updatedBy: user.id,
      updatedAt: at,
      fromAgencyId: row.action.agencyId,
      toAgencyId: input.agencyId,
      dueDate: input.dueDate ?? null,
    })
    .run();

  const subject = `Action reassigned to your agency, due ${longDate(dueDate)}`;
  notifyUsers(
    db,
    agencyRepresentatives(db, input.agencyId, row.areaId, row.action.caseId).map((u) => u.id),
    {
      subject,
      body: `The ${row.areaName} MARAC has given your agency an action on case ${row.caseReference}, due on ${longDate(dueDate)}.`,
      link: actionLink('', actionId),
      dedupeKey: `action-reassigned:${updateId}`,
      caseId: row.action.caseId,
    },
    now,
  );
  const mailbox = agencyMailbox(db, input.agencyId);
  if (mailbox) {
    queueNotice(
      db,
      {
        recipient: mailbox,
        subject: `MARAC action reassigned to your agency: ${row.areaName}`,
        body: [`The ${row.areaName} MARAC has given your agency an action, due on ${longDate(dueDate)}.`, `Sign in to see it: ${actionLink(publicUrl, actionId)}`].join('\n\n'),
        dedupeKey: `action-reassigned:${updateId}`,
        caseIds: [row.action.caseId],
      },
      now,
    );
  }
  return { row, updateId };
}
