import { and, asc, desc, eq, isNull, type SQL } from 'drizzle-orm';
import {
  compareIsoDates,
  longDate,
  type FieldError,
  type ProtocolRegister,
  type ProtocolRegisterRow,
  type ProtocolSignatureEntry,
  type RecordProtocolSignature,
  type WithdrawProtocolSignature,
} from '@marac/shared';
import type { Db } from '../../../db/client';
import { agencies, agencyAreas, areas, protocolSignatures, users } from '../../../db/schema';
import { conflict, invalid, notFound } from '../../../lib/errors';
import { newId } from '../../../lib/ids';
import { inviteToPlannedMeetings, uninviteFromPlannedMeetings } from '../../meetings/protocol-invitations';

function areaOf(db: Db, areaId: string) {
  const area = db.select({ id: areas.id, name: areas.name }).from(areas).where(eq(areas.id, areaId)).get();
  if (!area) throw notFound('area');
  return area;
}

/** The signatures matching `where`, latest signing first, as the register shows them. */
function signatureEntries(db: Db, where: SQL | undefined): ProtocolSignatureEntry[] {
  return db
    .select({
      id: protocolSignatures.id,
      areaId: protocolSignatures.areaId,
      agencyId: protocolSignatures.agencyId,
      signedOn: protocolSignatures.signedOn,
      signatory: protocolSignatures.signatory,
      recordedBy: protocolSignatures.recordedBy,
      withdrawnOn: protocolSignatures.withdrawnOn,
      agencyName: agencies.name,
      recordedByName: users.name,
    })
    .from(protocolSignatures)
    .innerJoin(agencies, eq(agencies.id, protocolSignatures.agencyId))
    .innerJoin(users, eq(users.id, protocolSignatures.recordedBy))
    .where(where)
    .orderBy(desc(protocolSignatures.signedOn), asc(agencies.name))
    .all();
}

const entryOf = (db: Db, signatureId: string) => signatureEntries(db, eq(protocolSignatures.id, signatureId))[0] as ProtocolSignatureEntry;

/**
 * The register of an area: each agency serving it with where it stands (its current signature, or the
 * last one it withdrew, or none), and the whole history, including agencies that no longer serve it.
 */
export function protocolRegister(db: Db, areaId: string): ProtocolRegister {
  const area = areaOf(db, areaId);
  const history = signatureEntries(db, eq(protocolSignatures.areaId, areaId));
  const serving = db
    .select({ id: agencies.id, name: agencies.name, kind: agencies.kind, disabledAt: agencies.disabledAt })
    .from(agencyAreas)
    .innerJoin(agencies, eq(agencies.id, agencyAreas.agencyId))
    .where(eq(agencyAreas.areaId, areaId))
    .orderBy(asc(agencies.name))
    .all();
  const rows = serving.map((agency): ProtocolRegisterRow => {
    const own = history.filter((signature) => signature.agencyId === agency.id);
    const current = own.find((signature) => signature.withdrawnOn === null);
    // History is latest first, so the first withdrawn one is the signature the agency last withdrew.
    const last = current ?? own[0] ?? null;
    return {
      agencyId: agency.id,
      agencyName: agency.name,
      agencyKind: agency.kind,
      agencyDisabled: agency.disabledAt !== null,
      status: current ? 'signed' : last ? 'withdrawn' : 'not_signed',
      signature: last,
    };
  });
  return { areaId: area.id, areaName: area.name, agencies: rows, history };
}

/**
 * Records an agency's signature of the area's protocol. Only an enabled agency serving the area can
 * sign, on a day that has come, and while it has no current signature there (a new version of the
 * protocol is recorded by withdrawing the old signature first, so the history shows both).
 */
export function recordSignature(
  db: Db,
  recordedBy: string,
  areaId: string,
  input: RecordProtocolSignature,
  today: string,
): { signature: ProtocolSignatureEntry; invitationsAdded: number } {
  areaOf(db, areaId);
  const problems: FieldError[] = [];
  const agency = db.select({ id: agencies.id, disabledAt: agencies.disabledAt }).from(agencies).where(eq(agencies.id, input.agencyId)).get();
  if (!agency || agency.disabledAt) {
    problems.push({ field: 'agencyId', message: 'Choose an agency from the list' });
  } else if (!db.select({ agencyId: agencyAreas.agencyId }).from(agencyAreas).where(and(eq(agencyAreas.agencyId, agency.id), eq(agencyAreas.areaId, areaId))).get()) {
    problems.push({ field: 'agencyId', message: 'Choose an agency that serves this area: add the area to the agency first' });
  }
  if (compareIsoDates(input.signedOn, today) > 0) problems.push({ field: 'signedOn', message: 'The date signed must be today or in the past' });
  if (problems.length) throw invalid(problems);

  const open = db
    .select({ signedOn: protocolSignatures.signedOn })
    .from(protocolSignatures)
    .where(and(eq(protocolSignatures.areaId, areaId), eq(protocolSignatures.agencyId, input.agencyId), isNull(protocolSignatures.withdrawnOn)))
    .get();
  if (open) {
    throw conflict('This agency has already signed the protocol for this area', [
      { field: 'agencyId', message: `This agency signed on ${longDate(open.signedOn)} and has not withdrawn: withdraw that signature first` },
    ]);
  }

  const row = { id: newId(), areaId, agencyId: input.agencyId, signedOn: input.signedOn, signatory: input.signatory, recordedBy, withdrawnOn: null };
  db.insert(protocolSignatures).values(row).run();
  const invitationsAdded = inviteToPlannedMeetings(db, areaId, input.agencyId);
  return { signature: entryOf(db, row.id), invitationsAdded };
}

/**
 * Records that an agency withdrew from the area's protocol. From then on it is not invited; the
 * meetings whose agenda is not yet out no longer invite it (see meetings/protocol-invitations.ts).
 */
export function withdrawSignature(
  db: Db,
  areaId: string,
  signatureId: string,
  input: WithdrawProtocolSignature,
  today: string,
): { signature: ProtocolSignatureEntry; invitationsRemoved: number } {
  areaOf(db, areaId);
  const signature = db
    .select()
    .from(protocolSignatures)
    .where(and(eq(protocolSignatures.id, signatureId), eq(protocolSignatures.areaId, areaId)))
    .get();
  if (!signature) throw notFound('signature');
  if (signature.withdrawnOn !== null) throw conflict(`This signature was already withdrawn on ${longDate(signature.withdrawnOn)}`);
  const problems: FieldError[] = [];
  if (compareIsoDates(input.withdrawnOn, today) > 0) problems.push({ field: 'withdrawnOn', message: 'The date withdrawn must be today or in the past' });
  else if (compareIsoDates(input.withdrawnOn, signature.signedOn) < 0) {
    problems.push({ field: 'withdrawnOn', message: `The date withdrawn must be on or after the date signed, ${longDate(signature.signedOn)}` });
  }
  if (problems.length) throw invalid(problems);

  db.update(protocolSignatures).set({ withdrawnOn: input.withdrawnOn }).where(eq(protocolSignatures.id, signature.id)).run();
  const invitationsRemoved = uninviteFromPlannedMeetings(db, areaId, signature.agencyId);
  return { signature: entryOf(db, signature.id), invitationsRemoved };
}
