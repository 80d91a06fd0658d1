CREATE TABLE `research_revisions` (
	`id` text PRIMARY KEY NOT NULL,
	`research_id` text NOT NULL,
	`status` text NOT NULL,
	`content` text NOT NULL,
	`saved_by` text NOT NULL,
	`saved_at` text NOT NULL,
	FOREIGN KEY (`research_id`) REFERENCES `research`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`saved_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `research_revisions_research_idx` ON `research_revisions` (`research_id`,`saved_at`);