CREATE TABLE `action_reminders` (
	`id` text PRIMARY KEY NOT NULL,
	`action_id` text NOT NULL,
	`kind` text NOT NULL,
	`agency_id` text NOT NULL,
	`due_date` text NOT NULL,
	`sent_on` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`action_id`) REFERENCES `actions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`agency_id`) REFERENCES `agencies`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `action_reminders_stage_idx` ON `action_reminders` (`action_id`,`kind`,`agency_id`,`due_date`);--> statement-breakpoint
CREATE TABLE `case_reviews` (
	`id` text PRIMARY KEY NOT NULL,
	`case_id` text NOT NULL,
	`outcome` text NOT NULL,
	`closed_involvement` integer NOT NULL,
	`reviewed_by` text NOT NULL,
	`reviewed_at` text NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`reviewed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `case_reviews_case_idx` ON `case_reviews` (`case_id`,`reviewed_at`);--> statement-breakpoint
CREATE TABLE `notifications` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`subject` text NOT NULL,
	`body` text NOT NULL,
	`link` text,
	`dedupe_key` text NOT NULL,
	`created_at` text NOT NULL,
	`read_at` text,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `notifications_dedupe_idx` ON `notifications` (`dedupe_key`);--> statement-breakpoint
CREATE INDEX `notifications_user_idx` ON `notifications` (`user_id`,`created_at`);--> statement-breakpoint
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_action_updates` (
	`id` text PRIMARY KEY NOT NULL,
	`action_id` text NOT NULL,
	`status` text NOT NULL,
	`note` text,
	`occurred_on` text NOT NULL,
	`updated_by` text,
	`updated_at` text NOT NULL,
	`from_agency_id` text,
	`to_agency_id` text,
	`due_date` text,
	FOREIGN KEY (`action_id`) REFERENCES `actions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`from_agency_id`) REFERENCES `agencies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`to_agency_id`) REFERENCES `agencies`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
INSERT INTO `__new_action_updates`("id", "action_id", "status", "note", "occurred_on", "updated_by", "updated_at", "from_agency_id", "to_agency_id", "due_date") SELECT "id", "action_id", "status", "note", "occurred_on", "updated_by", "updated_at", NULL, NULL, NULL FROM `action_updates`;--> statement-breakpoint
DROP TABLE `action_updates`;--> statement-breakpoint
ALTER TABLE `__new_action_updates` RENAME TO `action_updates`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE INDEX `action_updates_action_idx` ON `action_updates` (`action_id`);