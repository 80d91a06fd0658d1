CREATE TABLE `person_match_keys` (
	`key` text NOT NULL,
	`person_id` text NOT NULL,
	PRIMARY KEY(`key`, `person_id`),
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `person_match_keys_person_idx` ON `person_match_keys` (`person_id`);--> statement-breakpoint
CREATE TABLE `referral_drafts` (
	`id` text PRIMARY KEY NOT NULL,
	`created_by` text NOT NULL,
	`agency_id` text,
	`payload` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`agency_id`) REFERENCES `agencies`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `referral_drafts_created_by_idx` ON `referral_drafts` (`created_by`);