CREATE TABLE `subject_match_decisions` (
	`id` text PRIMARY KEY NOT NULL,
	`subject_id` text NOT NULL,
	`person_id` text NOT NULL,
	`decision` text NOT NULL,
	`decided_by` text NOT NULL,
	`decided_at` text NOT NULL,
	FOREIGN KEY (`subject_id`) REFERENCES `referral_subjects`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`decided_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `subject_match_decisions_pair_idx` ON `subject_match_decisions` (`subject_id`,`person_id`);--> statement-breakpoint
CREATE INDEX `identity_decisions_other_idx` ON `identity_decisions` (`other_person_id`);