CREATE TABLE `action_reviews` (
	`id` text PRIMARY KEY NOT NULL,
	`meeting_id` text NOT NULL,
	`action_id` text NOT NULL,
	`outcome` text NOT NULL,
	`note` text,
	`reviewed_by` text NOT NULL,
	`reviewed_at` text NOT NULL,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`action_id`) REFERENCES `actions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`reviewed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `action_reviews_meeting_action_idx` ON `action_reviews` (`meeting_id`,`action_id`);