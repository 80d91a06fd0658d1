ALTER TABLE `outbox` ADD `attempts` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX `outbox_waiting_idx` ON `outbox` (`sent_at`,`created_at`);