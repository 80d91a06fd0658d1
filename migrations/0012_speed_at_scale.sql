DROP INDEX `audit_events_entity_idx`;--> statement-breakpoint
CREATE INDEX `audit_events_entity_idx` ON `audit_events` (`entity_type`,`entity_id`,`action`);--> statement-breakpoint
CREATE INDEX `cases_last_referral_idx` ON `cases` (`last_referral_date`);--> statement-breakpoint
CREATE INDEX `cases_last_hearing_idx` ON `cases` (`last_hearing_date`);