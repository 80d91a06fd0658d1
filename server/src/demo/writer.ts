/**
 * Bulk row writer for the generator: one prepared INSERT per table, rows bound positionally (no objects
 * per row), and a commit every `batchSize` rows.
 */

import type Database from 'better-sqlite3';

/** Columns of each table the generator fills, in the order values are passed to `insert`. */
const COLUMNS = {
  meta: ['key', 'value'],
  areas: ['id', 'name', 'code', 'description', 'postcode_districts', 'adult_female_population', 'settings', 'created_at', 'disabled_at'],
  agencies: ['id', 'name', 'kind', 'secure_email', 'created_at', 'disabled_at'],
  agency_areas: ['agency_id', 'area_id'],
  users: ['id', 'email', 'name', 'role', 'agency_id', 'password_hash', 'created_at', 'last_signed_in_at', 'disabled_at'],
  user_areas: ['user_id', 'area_id'],
  protocol_signatures: ['id', 'area_id', 'agency_id', 'signed_on', 'signatory', 'recorded_by', 'withdrawn_on'],
  meeting_series: [
    'id', 'area_id', 'name', 'recurrence', 'weekday', 'week_of_month', 'first_date', 'start_time', 'location', 'online_link', 'capacity',
    'minutes_per_case', 'referral_cutoff_working_days', 'circulation_lead_working_days', 'research_deadline_working_days',
    'minutes_deadline_working_days', 'active',
  ],
  meetings: [
    'id', 'area_id', 'series_id', 'kind', 'date', 'start_time', 'location', 'online_link', 'capacity', 'minutes_per_case', 'status',
    'referral_cutoff', 'circulation_date', 'research_deadline', 'minutes_due_date', 'agenda_version', 'chair_user_id', 'created_at',
  ],
  meeting_invitations: ['id', 'meeting_id', 'agency_id', 'case_id'],
  attendance: ['id', 'meeting_id', 'user_id', 'name', 'agency_id', 'kind', 'information_sent', 'recorded_at'],
  confidentiality_attestations: ['id', 'meeting_id', 'user_id', 'statement_version', 'signed_at'],
  people: ['id', 'given_name', 'family_name', 'gender', 'created_at', 'updated_at'],
  person_names: ['id', 'person_id', 'given_name', 'family_name', 'kind'],
  person_birth_dates: ['person_id', 'date_of_birth'],
  person_addresses: ['id', 'person_id', 'line1', 'line2', 'town', 'postcode', 'current'],
  person_phones: ['person_id', 'phone'],
  cases: [
    'id', 'reference', 'area_id', 'victim_person_id', 'status', 'opened_at', 'closed_at', 'last_referral_date', 'last_hearing_date',
    'transferred_from_area_id', 'transferred_to_area_id',
  ],
  case_people: ['id', 'person_id', 'case_id', 'role', 'relationship_to_victim', 'relationship_to_perpetrator', 'created_at'],
  referrals: [
    'id', 'reference', 'status', 'area_id', 'case_id', 'referring_agency_id', 'referrer_user_id', 'referrer_name', 'referrer_contact',
    'entered_by_user_id', 'referral_date', 'manager_sign_off', 'urgent', 'dash_score', 'criteria_met', 'professional_judgement_reasons',
    'incident_dates', 'victim_details', 'consent', 'victim_fears', 'previous_marac_elsewhere', 'narrative', 'police_references',
    'merged_into_referral_id', 'agenda_meeting_id', 'submitted_at', 'created_at', 'updated_at',
  ],
  referral_subjects: [
    'id', 'referral_id', 'position', 'role', 'given_name', 'family_name', 'aliases', 'dates_of_birth', 'gender', 'address', 'phone',
    'relationship_to_victim', 'relationship_to_perpetrator', 'school', 'person_id',
  ],
  risk_assessments: ['id', 'referral_id', 'tool', 'version', 'completed_on', 'answers', 'score'],
  unsafe_contacts: ['id', 'referral_id', 'name', 'relationship', 'email', 'agency_id', 'reason'],
  case_bars: ['id', 'case_id', 'agency_id', 'email', 'name', 'reason', 'referral_id', 'source_key', 'recorded_by', 'recorded_at'],
  screening_decisions: ['id', 'referral_id', 'decision', 'reason', 'area_id', 'merged_into_referral_id', 'decided_by', 'decided_at'],
  flags: ['id', 'case_id', 'referral_id', 'kind', 'detail', 'related_case_ids', 'computed_at'],
  agenda_items: [
    'id', 'meeting_id', 'case_id', 'position', 'slot_start', 'pinned', 'manually_placed', 'status', 'removed_reason',
    'transferred_from_area_id', 'risk_analysis', 'outcome', 'revision', 'frozen_flags',
  ],
  agenda_item_referrals: ['item_id', 'referral_id'],
  research: [
    'id', 'meeting_id', 'case_id', 'agency_id', 'status', 'known_to_agency', 'facts', 'opinion', 'risks_identified', 'protective_factors',
    'withheld', 'withheld_reason', 'researched_by', 'due_date', 'submitted_at', 'updated_at',
  ],
  actions: [
    'id', 'case_id', 'meeting_id', 'agency_id', 'owner_name', 'description', 'linked_risk', 'category', 'due_date', 'status', 'created_by',
    'created_at', 'updated_at',
  ],
  action_updates: ['id', 'action_id', 'status', 'note', 'occurred_on', 'updated_by', 'updated_at'],
} as const;

export type DemoTable = keyof typeof COLUMNS;
export const DEMO_TABLES = Object.keys(COLUMNS) as DemoTable[];

/** Tables where the same row can legitimately be offered twice (a date of birth or phone named again on a repeat). */
const IGNORE_DUPLICATES: ReadonlySet<DemoTable> = new Set<DemoTable>(['person_birth_dates', 'person_phones']);

export type SqlValue = string | number | null;

export class RowWriter {
  readonly counts: Record<DemoTable, number>;
  private readonly statements: Record<DemoTable, Database.Statement>;
  private pending = 0;
  private open = false;

  constructor(
    private readonly sqlite: Database.Database,
    private readonly batchSize: number,
  ) {
    const counts = {} as Record<DemoTable, number>;
    const statements = {} as Record<DemoTable, Database.Statement>;
    for (const table of DEMO_TABLES) {
      const columns = COLUMNS[table];
      const verb = IGNORE_DUPLICATES.has(table) ? 'INSERT OR IGNORE' : 'INSERT';
      statements[table] = sqlite.prepare(`${verb} INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`);
      counts[table] = 0;
    }
    this.counts = counts;
    this.statements = statements;
  }

  begin(): void {
    this.sqlite.exec('BEGIN IMMEDIATE');
    this.open = true;
  }

  insert(table: DemoTable, ...values: SqlValue[]): void {
    this.pending += 1;
    this.counts[table] += this.statements[table].run(...values).changes;
  }

  /** Commits and starts a new transaction once enough rows are waiting; called between whole referrals. */
  checkpoint(): void {
    if (this.pending >= this.batchSize) {
      this.sqlite.exec('COMMIT');
      this.sqlite.exec('BEGIN IMMEDIATE');
      this.pending = 0;
    }
  }

  commit(): void {
    if (this.open) this.sqlite.exec('COMMIT');
    this.open = false;
  }

  rollback(): void {
    if (this.open && this.sqlite.inTransaction) this.sqlite.exec('ROLLBACK');
    this.open = false;
  }

  /** Runs a one-off statement (an UPDATE) inside the current batch. */
  prepare(sql: string): Database.Statement {
    return this.sqlite.prepare(sql);
  }
}
