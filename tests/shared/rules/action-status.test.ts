import { describe, expect, it } from 'vitest';
import {
  ACTION_TRANSITIONS,
  actionNoteRequirement,
  actionReminderStages,
  actionTiming,
  actionTransitionRefusal,
  allowedActionStatuses,
  isClosedActionStatus,
} from '../../../shared/src/rules/action-status';
import { ACTION_STATUSES, CLOSED_ACTION_STATUSES } from '../../../shared/src/schemas/actions';

describe('the action status graph', () => {
  it('closes exactly the statuses the rest of the platform treats as closed', () => {
    expect(ACTION_STATUSES.filter(isClosedActionStatus)).toEqual([...CLOSED_ACTION_STATUSES]);
    expect(ACTION_STATUSES.filter((s) => ACTION_TRANSITIONS[s].length === 0)).toEqual([...CLOSED_ACTION_STATUSES]);
  });

  it('offers each actor what it may choose', () => {
    expect(allowedActionStatuses('open', 'agency')).toEqual(['open', 'in_progress', 'completed', 'not_possible', 'escalated']);
    expect(allowedActionStatuses('open', 'marac')).toEqual(['open', 'in_progress', 'completed', 'not_possible', 'not_completed', 'escalated']);
    expect(allowedActionStatuses('escalated', 'agency')).toEqual(['in_progress', 'completed', 'not_possible', 'escalated']);
    expect(allowedActionStatuses('completed', 'agency')).toEqual([]);
    expect(allowedActionStatuses('not_completed', 'marac')).toEqual(['open', 'in_progress']);
  });

  it('says why a change is refused, and which refusals are about who rather than when', () => {
    expect(actionTransitionRefusal('in_progress', 'open', 'marac')).toEqual({ kind: 'conflict', message: 'An action that is in progress cannot go back to open' });
    expect(actionTransitionRefusal('open', 'not_completed', 'agency')?.kind).toBe('forbidden');
    expect(actionTransitionRefusal('completed', 'open', 'agency')?.kind).toBe('conflict');
    expect(actionTransitionRefusal('completed', 'open', 'marac')).toBeNull();
  });

  it('asks for a note where the update must say what happened', () => {
    expect(actionNoteRequirement('open', 'in_progress')).toBeNull();
    expect(actionNoteRequirement('open', 'completed')).toBe('Say what was done to complete the action');
    expect(actionNoteRequirement('in_progress', 'in_progress')).toBe('Add a note of what was done');
    expect(actionNoteRequirement('completed', 'open')).toBe('Say why the action is reopened');
  });
});

describe('reminder and escalation stages', () => {
  const timing = actionTiming({});

  it('defaults to 2 working days’ notice, the coordinator after 5 working days overdue and the chair after 10', () => {
    expect(timing).toEqual({ reminderWorkingDays: 2, coordinatorAfterWorkingDays: 5, chairAfterWorkingDays: 10 });
    // The chair never hears before the coordinator.
    expect(actionTiming({ actionEscalateToCoordinatorWorkingDays: 8, actionEscalateToChairWorkingDays: 3 }).chairAfterWorkingDays).toBe(8);
  });

  it('counts working days either side of the due date', () => {
    // Due Monday 30 November 2026: two working days before is Thursday 26.
    expect(actionReminderStages('2026-11-30', '2026-11-25', timing)).toEqual([]);
    expect(actionReminderStages('2026-11-30', '2026-11-26', timing)).toEqual(['due_soon']);
    expect(actionReminderStages('2026-11-30', '2026-11-30', timing)).toEqual(['due_soon']);
    expect(actionReminderStages('2026-11-30', '2026-12-01', timing)).toEqual(['overdue']);
    expect(actionReminderStages('2026-11-30', '2026-12-04', timing)).toEqual(['overdue']);
    expect(actionReminderStages('2026-11-30', '2026-12-07', timing)).toEqual(['overdue', 'escalated_coordinator']);
    expect(actionReminderStages('2026-11-30', '2026-12-11', timing)).toEqual(['overdue', 'escalated_coordinator']);
    expect(actionReminderStages('2026-11-30', '2026-12-14', timing)).toEqual(['overdue', 'escalated_coordinator', 'escalated_chair']);
  });

  it('leaves bank holidays out of the count', () => {
    // Due Wednesday 23 December 2026; 25 and 28 December and 1 January are bank holidays.
    expect(actionReminderStages('2026-12-23', '2026-12-31', timing)).toEqual(['overdue']);
    expect(actionReminderStages('2026-12-23', '2027-01-04', timing)).toEqual(['overdue', 'escalated_coordinator']);
    // Due Tuesday 29 December: two working days before is Wednesday 23, before the Christmas break.
    expect(actionReminderStages('2026-12-29', '2026-12-22', timing)).toEqual([]);
    expect(actionReminderStages('2026-12-29', '2026-12-23', timing)).toEqual(['due_soon']);
  });
});
