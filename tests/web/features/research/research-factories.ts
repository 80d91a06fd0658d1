import { ConfidentialityStatus, ResearchGrid, ResearchRevision, ResearchTask } from '@marac/shared';
import { newId } from '../../factories';

// Research data for web tests, parsed by the shared schemas so a test can never feed the app a shape
// the API cannot send. All people and agencies are invented.

export const POLICE = { id: newId(), name: 'Northbridge Police', kind: 'police' as const };

const EMPTY = {
  knownToAgency: null,
  facts: null,
  opinion: null,
  risksIdentified: null,
  protectiveFactors: null,
  withheld: null,
  withheldReason: null,
  researchedBy: null,
};

/** A task not started, open for editing, for the police. */
export function buildTask(overrides: Partial<ResearchTask> = {}): ResearchTask {
  return ResearchTask.parse({
    id: newId(),
    meetingId: newId(),
    caseId: newId(),
    agencyId: POLICE.id,
    status: 'not_started',
    ...EMPTY,
    dueDate: '2026-03-13',
    submittedAt: null,
    updatedAt: '2026-03-10T09:00:00.000Z',
    version: 0,
    caseReference: 'NBC-2026-0001',
    position: 1,
    editable: true,
    ...overrides,
  });
}

export function buildRevision(overrides: Partial<ResearchRevision> = {}, content: Partial<ResearchRevision['content']> = {}): ResearchRevision {
  return ResearchRevision.parse({
    id: newId(),
    status: 'draft',
    savedAt: '2026-03-11T10:15:00.000Z',
    savedByName: 'Pat Constable',
    content: { ...EMPTY, ...content },
    ...overrides,
  });
}

export function buildGrid(overrides: Partial<ResearchGrid> = {}): ResearchGrid {
  return ResearchGrid.parse({ researchDeadline: '2026-03-13', agencies: [], cases: [], outstanding: 0, heldBack: [], ...overrides });
}

/** The statement, signed: what the meeting page's attendance part reads, answered so these tests are about research. */
export const signedStatement = () =>
  ConfidentialityStatus.parse({ statementVersion: '2026-1', statement: ['Confidential.'], signedAt: '2026-03-10T09:00:00.000Z' });
