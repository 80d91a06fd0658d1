ALTER TABLE `referrals` ADD `agenda_meeting_id` text;--> statement-breakpoint
CREATE INDEX `referrals_awaiting_listing_idx` ON `referrals` (`area_id`,`status`,`agenda_meeting_id`,`referral_date`);