CREATE TABLE `action_updates` (
	`id` text PRIMARY KEY NOT NULL,
	`action_id` text NOT NULL,
	`status` text NOT NULL,
	`note` text,
	`occurred_on` text NOT NULL,
	`updated_by` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`action_id`) REFERENCES `actions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `action_updates_action_idx` ON `action_updates` (`action_id`);--> statement-breakpoint
CREATE TABLE `actions` (
	`id` text PRIMARY KEY NOT NULL,
	`case_id` text NOT NULL,
	`meeting_id` text NOT NULL,
	`agency_id` text NOT NULL,
	`owner_name` text,
	`description` text NOT NULL,
	`linked_risk` text,
	`category` text NOT NULL,
	`due_date` text NOT NULL,
	`status` text NOT NULL,
	`created_by` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`agency_id`) REFERENCES `agencies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `actions_agency_status_idx` ON `actions` (`agency_id`,`status`,`due_date`);--> statement-breakpoint
CREATE INDEX `actions_case_idx` ON `actions` (`case_id`);--> statement-breakpoint
CREATE INDEX `actions_meeting_idx` ON `actions` (`meeting_id`);--> statement-breakpoint
CREATE TABLE `agencies` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`secure_email` text,
	`created_at` text NOT NULL,
	`disabled_at` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `agencies_name_unique` ON `agencies` (`name`);--> statement-breakpoint
CREATE TABLE `agency_areas` (
	`agency_id` text NOT NULL,
	`area_id` text NOT NULL,
	PRIMARY KEY(`agency_id`, `area_id`),
	FOREIGN KEY (`agency_id`) REFERENCES `agencies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`area_id`) REFERENCES `areas`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `agency_areas_area_idx` ON `agency_areas` (`area_id`);--> statement-breakpoint
CREATE TABLE `agenda_items` (
	`id` text PRIMARY KEY NOT NULL,
	`meeting_id` text NOT NULL,
	`case_id` text NOT NULL,
	`referral_id` text NOT NULL,
	`position` integer NOT NULL,
	`slot_start` text,
	`pinned` integer DEFAULT false NOT NULL,
	`manually_placed` integer DEFAULT false NOT NULL,
	`status` text NOT NULL,
	`removed_reason` text,
	`transferred_from_area_id` text,
	`risk_analysis` text,
	`outcome` text,
	`revision` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`referral_id`) REFERENCES `referrals`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`transferred_from_area_id`) REFERENCES `areas`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `agenda_items_meeting_idx` ON `agenda_items` (`meeting_id`,`position`);--> statement-breakpoint
CREATE INDEX `agenda_items_referral_idx` ON `agenda_items` (`referral_id`);--> statement-breakpoint
CREATE TABLE `agenda_versions` (
	`id` text PRIMARY KEY NOT NULL,
	`meeting_id` text NOT NULL,
	`version` integer NOT NULL,
	`published_at` text NOT NULL,
	`published_by` text NOT NULL,
	`content` text NOT NULL,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`published_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `agenda_versions_meeting_version_idx` ON `agenda_versions` (`meeting_id`,`version`);--> statement-breakpoint
CREATE TABLE `areas` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`code` text NOT NULL,
	`description` text,
	`postcode_districts` text NOT NULL,
	`adult_female_population` integer,
	`settings` text NOT NULL,
	`created_at` text NOT NULL,
	`disabled_at` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `areas_code_unique` ON `areas` (`code`);--> statement-breakpoint
CREATE TABLE `attendance` (
	`id` text PRIMARY KEY NOT NULL,
	`meeting_id` text NOT NULL,
	`user_id` text,
	`name` text NOT NULL,
	`agency_id` text,
	`kind` text NOT NULL,
	`information_sent` integer DEFAULT false NOT NULL,
	`recorded_at` text NOT NULL,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`agency_id`) REFERENCES `agencies`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `attendance_meeting_idx` ON `attendance` (`meeting_id`);--> statement-breakpoint
CREATE TABLE `audit_events` (
	`id` text PRIMARY KEY NOT NULL,
	`at` text NOT NULL,
	`user_id` text,
	`user_email` text,
	`action` text NOT NULL,
	`entity_type` text NOT NULL,
	`entity_id` text,
	`ip` text,
	`detail` text
);
--> statement-breakpoint
CREATE INDEX `audit_events_at_idx` ON `audit_events` (`at`);--> statement-breakpoint
CREATE INDEX `audit_events_entity_idx` ON `audit_events` (`entity_type`,`entity_id`);--> statement-breakpoint
CREATE INDEX `audit_events_user_idx` ON `audit_events` (`user_id`,`at`);--> statement-breakpoint
CREATE TABLE `case_people` (
	`id` text PRIMARY KEY NOT NULL,
	`person_id` text NOT NULL,
	`case_id` text NOT NULL,
	`role` text NOT NULL,
	`relationship_to_victim` text,
	`relationship_to_perpetrator` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `case_people_unique_idx` ON `case_people` (`case_id`,`person_id`,`role`);--> statement-breakpoint
CREATE INDEX `case_people_person_idx` ON `case_people` (`person_id`);--> statement-breakpoint
CREATE TABLE `cases` (
	`id` text PRIMARY KEY NOT NULL,
	`reference` text NOT NULL,
	`area_id` text NOT NULL,
	`victim_person_id` text NOT NULL,
	`status` text NOT NULL,
	`opened_at` text NOT NULL,
	`closed_at` text,
	`last_referral_date` text NOT NULL,
	`last_hearing_date` text,
	`transferred_from_area_id` text,
	`transferred_to_area_id` text,
	FOREIGN KEY (`area_id`) REFERENCES `areas`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`victim_person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`transferred_from_area_id`) REFERENCES `areas`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`transferred_to_area_id`) REFERENCES `areas`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `cases_reference_unique` ON `cases` (`reference`);--> statement-breakpoint
CREATE INDEX `cases_area_status_idx` ON `cases` (`area_id`,`status`);--> statement-breakpoint
CREATE INDEX `cases_victim_idx` ON `cases` (`victim_person_id`);--> statement-breakpoint
CREATE TABLE `confidentiality_attestations` (
	`id` text PRIMARY KEY NOT NULL,
	`meeting_id` text NOT NULL,
	`user_id` text NOT NULL,
	`statement_version` text NOT NULL,
	`signed_at` text NOT NULL,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `confidentiality_attestations_unique_idx` ON `confidentiality_attestations` (`meeting_id`,`user_id`);--> statement-breakpoint
CREATE TABLE `flags` (
	`id` text PRIMARY KEY NOT NULL,
	`case_id` text NOT NULL,
	`referral_id` text,
	`kind` text NOT NULL,
	`detail` text NOT NULL,
	`related_case_ids` text NOT NULL,
	`computed_at` text NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`referral_id`) REFERENCES `referrals`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `flags_case_idx` ON `flags` (`case_id`);--> statement-breakpoint
CREATE INDEX `flags_referral_idx` ON `flags` (`referral_id`);--> statement-breakpoint
CREATE TABLE `identity_decisions` (
	`id` text PRIMARY KEY NOT NULL,
	`person_id` text NOT NULL,
	`other_person_id` text NOT NULL,
	`decision` text NOT NULL,
	`decided_by` text NOT NULL,
	`decided_at` text NOT NULL,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`other_person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`decided_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `identity_decisions_pair_idx` ON `identity_decisions` (`person_id`,`other_person_id`);--> statement-breakpoint
CREATE TABLE `login_failures` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`key` text NOT NULL,
	`at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `login_failures_key_at_idx` ON `login_failures` (`key`,`at`);--> statement-breakpoint
CREATE TABLE `meeting_invitations` (
	`id` text PRIMARY KEY NOT NULL,
	`meeting_id` text NOT NULL,
	`agency_id` text NOT NULL,
	`case_id` text,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`agency_id`) REFERENCES `agencies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `meeting_invitations_meeting_idx` ON `meeting_invitations` (`meeting_id`);--> statement-breakpoint
CREATE INDEX `meeting_invitations_agency_idx` ON `meeting_invitations` (`agency_id`);--> statement-breakpoint
CREATE TABLE `meeting_series` (
	`id` text PRIMARY KEY NOT NULL,
	`area_id` text NOT NULL,
	`name` text NOT NULL,
	`recurrence` text NOT NULL,
	`weekday` text NOT NULL,
	`week_of_month` integer,
	`first_date` text NOT NULL,
	`start_time` text NOT NULL,
	`location` text,
	`online_link` text,
	`capacity` integer NOT NULL,
	`minutes_per_case` integer NOT NULL,
	`referral_cutoff_working_days` integer NOT NULL,
	`circulation_lead_working_days` integer NOT NULL,
	`research_deadline_working_days` integer NOT NULL,
	`minutes_deadline_working_days` integer NOT NULL,
	`active` integer NOT NULL,
	FOREIGN KEY (`area_id`) REFERENCES `areas`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `meeting_series_area_idx` ON `meeting_series` (`area_id`);--> statement-breakpoint
CREATE TABLE `meetings` (
	`id` text PRIMARY KEY NOT NULL,
	`area_id` text NOT NULL,
	`series_id` text,
	`kind` text NOT NULL,
	`date` text NOT NULL,
	`start_time` text NOT NULL,
	`location` text,
	`online_link` text,
	`capacity` integer NOT NULL,
	`minutes_per_case` integer NOT NULL,
	`status` text NOT NULL,
	`referral_cutoff` text NOT NULL,
	`circulation_date` text NOT NULL,
	`research_deadline` text NOT NULL,
	`minutes_due_date` text NOT NULL,
	`agenda_version` integer DEFAULT 0 NOT NULL,
	`chair_user_id` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`area_id`) REFERENCES `areas`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`series_id`) REFERENCES `meeting_series`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`chair_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `meetings_area_date_idx` ON `meetings` (`area_id`,`date`);--> statement-breakpoint
CREATE TABLE `meta` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `minutes` (
	`id` text PRIMARY KEY NOT NULL,
	`meeting_id` text NOT NULL,
	`status` text NOT NULL,
	`content` text NOT NULL,
	`edited_by` text,
	`signed_off_by` text,
	`signed_off_at` text,
	`distributed_at` text,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`edited_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`signed_off_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `minutes_meeting_id_unique` ON `minutes` (`meeting_id`);--> statement-breakpoint
CREATE TABLE `outbox` (
	`id` text PRIMARY KEY NOT NULL,
	`recipient` text NOT NULL,
	`subject` text NOT NULL,
	`body` text NOT NULL,
	`dedupe_key` text,
	`created_at` text NOT NULL,
	`sent_at` text,
	`error` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `outbox_dedupe_idx` ON `outbox` (`dedupe_key`);--> statement-breakpoint
CREATE TABLE `people` (
	`id` text PRIMARY KEY NOT NULL,
	`given_name` text NOT NULL,
	`family_name` text NOT NULL,
	`gender` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `people_family_name_idx` ON `people` (`family_name`);--> statement-breakpoint
CREATE TABLE `person_addresses` (
	`id` text PRIMARY KEY NOT NULL,
	`person_id` text NOT NULL,
	`line1` text NOT NULL,
	`line2` text,
	`town` text,
	`postcode` text,
	`current` integer NOT NULL,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `person_addresses_person_idx` ON `person_addresses` (`person_id`);--> statement-breakpoint
CREATE INDEX `person_addresses_postcode_idx` ON `person_addresses` (`postcode`);--> statement-breakpoint
CREATE TABLE `person_birth_dates` (
	`person_id` text NOT NULL,
	`date_of_birth` text NOT NULL,
	PRIMARY KEY(`person_id`, `date_of_birth`),
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `person_birth_dates_dob_idx` ON `person_birth_dates` (`date_of_birth`);--> statement-breakpoint
CREATE TABLE `person_names` (
	`id` text PRIMARY KEY NOT NULL,
	`person_id` text NOT NULL,
	`given_name` text NOT NULL,
	`family_name` text NOT NULL,
	`kind` text NOT NULL,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `person_names_person_idx` ON `person_names` (`person_id`);--> statement-breakpoint
CREATE TABLE `person_phones` (
	`person_id` text NOT NULL,
	`phone` text NOT NULL,
	PRIMARY KEY(`person_id`, `phone`),
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `person_phones_phone_idx` ON `person_phones` (`phone`);--> statement-breakpoint
CREATE TABLE `protocol_signatures` (
	`id` text PRIMARY KEY NOT NULL,
	`area_id` text NOT NULL,
	`agency_id` text NOT NULL,
	`signed_on` text NOT NULL,
	`signatory` text NOT NULL,
	`recorded_by` text NOT NULL,
	`withdrawn_on` text,
	FOREIGN KEY (`area_id`) REFERENCES `areas`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`agency_id`) REFERENCES `agencies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`recorded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `protocol_signatures_area_agency_idx` ON `protocol_signatures` (`area_id`,`agency_id`);--> statement-breakpoint
CREATE TABLE `referral_subjects` (
	`id` text PRIMARY KEY NOT NULL,
	`referral_id` text NOT NULL,
	`position` integer NOT NULL,
	`role` text NOT NULL,
	`given_name` text NOT NULL,
	`family_name` text NOT NULL,
	`aliases` text NOT NULL,
	`dates_of_birth` text NOT NULL,
	`gender` text NOT NULL,
	`address` text,
	`phone` text,
	`relationship_to_victim` text,
	`relationship_to_perpetrator` text,
	`school` text,
	`person_id` text,
	FOREIGN KEY (`referral_id`) REFERENCES `referrals`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `referral_subjects_referral_idx` ON `referral_subjects` (`referral_id`);--> statement-breakpoint
CREATE INDEX `referral_subjects_person_idx` ON `referral_subjects` (`person_id`);--> statement-breakpoint
CREATE TABLE `referrals` (
	`id` text PRIMARY KEY NOT NULL,
	`reference` text NOT NULL,
	`status` text NOT NULL,
	`area_id` text,
	`case_id` text,
	`referring_agency_id` text NOT NULL,
	`referrer_user_id` text NOT NULL,
	`referrer_name` text NOT NULL,
	`referrer_contact` text NOT NULL,
	`entered_by_user_id` text NOT NULL,
	`referral_date` text NOT NULL,
	`manager_sign_off` text,
	`urgent` integer NOT NULL,
	`dash_score` integer NOT NULL,
	`criteria_met` text NOT NULL,
	`professional_judgement_reasons` text,
	`incident_dates` text NOT NULL,
	`victim_details` text NOT NULL,
	`consent` text NOT NULL,
	`victim_fears` text,
	`previous_marac_elsewhere` text,
	`narrative` text NOT NULL,
	`police_references` text NOT NULL,
	`merged_into_referral_id` text,
	`submitted_at` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`area_id`) REFERENCES `areas`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`referring_agency_id`) REFERENCES `agencies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`referrer_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`entered_by_user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `referrals_reference_unique` ON `referrals` (`reference`);--> statement-breakpoint
CREATE INDEX `referrals_area_status_idx` ON `referrals` (`area_id`,`status`,`referral_date`);--> statement-breakpoint
CREATE INDEX `referrals_case_idx` ON `referrals` (`case_id`);--> statement-breakpoint
CREATE INDEX `referrals_agency_idx` ON `referrals` (`referring_agency_id`);--> statement-breakpoint
CREATE INDEX `referrals_referrer_idx` ON `referrals` (`referrer_user_id`);--> statement-breakpoint
CREATE TABLE `research` (
	`id` text PRIMARY KEY NOT NULL,
	`meeting_id` text NOT NULL,
	`case_id` text NOT NULL,
	`agency_id` text NOT NULL,
	`status` text NOT NULL,
	`known_to_agency` integer,
	`facts` text,
	`opinion` text,
	`risks_identified` text,
	`protective_factors` text,
	`withheld` text,
	`withheld_reason` text,
	`researched_by` text,
	`due_date` text NOT NULL,
	`submitted_at` text,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`agency_id`) REFERENCES `agencies`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `research_task_idx` ON `research` (`meeting_id`,`case_id`,`agency_id`);--> statement-breakpoint
CREATE INDEX `research_agency_idx` ON `research` (`agency_id`);--> statement-breakpoint
CREATE TABLE `risk_assessments` (
	`id` text PRIMARY KEY NOT NULL,
	`referral_id` text NOT NULL,
	`tool` text NOT NULL,
	`version` text NOT NULL,
	`completed_on` text NOT NULL,
	`answers` text NOT NULL,
	`score` integer NOT NULL,
	FOREIGN KEY (`referral_id`) REFERENCES `referrals`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `risk_assessments_referral_idx` ON `risk_assessments` (`referral_id`);--> statement-breakpoint
CREATE TABLE `screening_decisions` (
	`id` text PRIMARY KEY NOT NULL,
	`referral_id` text NOT NULL,
	`decision` text NOT NULL,
	`reason` text,
	`area_id` text,
	`merged_into_referral_id` text,
	`decided_by` text NOT NULL,
	`decided_at` text NOT NULL,
	FOREIGN KEY (`referral_id`) REFERENCES `referrals`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`area_id`) REFERENCES `areas`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`merged_into_referral_id`) REFERENCES `referrals`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`decided_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `screening_decisions_referral_idx` ON `screening_decisions` (`referral_id`);--> statement-breakpoint
CREATE TABLE `sessions` (
	`id_hash` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`csrf_token` text NOT NULL,
	`created_at` text NOT NULL,
	`last_seen_at` text NOT NULL,
	`absolute_expires_at` text NOT NULL,
	`revoked_at` text,
	`ip` text,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `sessions_user_idx` ON `sessions` (`user_id`);--> statement-breakpoint
CREATE TABLE `unsafe_contacts` (
	`id` text PRIMARY KEY NOT NULL,
	`referral_id` text NOT NULL,
	`name` text NOT NULL,
	`relationship` text,
	`email` text,
	`agency_id` text,
	`reason` text,
	FOREIGN KEY (`referral_id`) REFERENCES `referrals`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`agency_id`) REFERENCES `agencies`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `unsafe_contacts_referral_idx` ON `unsafe_contacts` (`referral_id`);--> statement-breakpoint
CREATE INDEX `unsafe_contacts_email_idx` ON `unsafe_contacts` (`email`);--> statement-breakpoint
CREATE TABLE `user_areas` (
	`user_id` text NOT NULL,
	`area_id` text NOT NULL,
	PRIMARY KEY(`user_id`, `area_id`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`area_id`) REFERENCES `areas`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `user_areas_area_idx` ON `user_areas` (`area_id`);--> statement-breakpoint
CREATE TABLE `users` (
	`id` text PRIMARY KEY NOT NULL,
	`email` text NOT NULL,
	`name` text NOT NULL,
	`role` text NOT NULL,
	`agency_id` text,
	`password_hash` text NOT NULL,
	`created_at` text NOT NULL,
	`last_signed_in_at` text,
	`disabled_at` text,
	FOREIGN KEY (`agency_id`) REFERENCES `agencies`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_email_unique` ON `users` (`email`);--> statement-breakpoint
CREATE INDEX `users_agency_idx` ON `users` (`agency_id`);