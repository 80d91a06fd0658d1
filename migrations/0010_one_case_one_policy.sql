CREATE TABLE `case_bars` (
	`id` text PRIMARY KEY NOT NULL,
	`case_id` text NOT NULL,
	`agency_id` text,
	`email` text,
	`name` text NOT NULL,
	`reason` text,
	`referral_id` text,
	`source_key` text NOT NULL,
	`recorded_by` text,
	`recorded_at` text NOT NULL,
	`lifted_at` text,
	`lifted_by` text,
	`lift_reason` text,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`agency_id`) REFERENCES `agencies`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`referral_id`) REFERENCES `referrals`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`recorded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`lifted_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `case_bars_source_idx` ON `case_bars` (`case_id`,`source_key`);--> statement-breakpoint
CREATE INDEX `case_bars_agency_idx` ON `case_bars` (`agency_id`,`case_id`);--> statement-breakpoint
CREATE INDEX `case_bars_email_idx` ON `case_bars` (`email`,`case_id`);--> statement-breakpoint
CREATE TABLE `packet_versions` (
	`id` text PRIMARY KEY NOT NULL,
	`meeting_id` text NOT NULL,
	`version` integer NOT NULL,
	`case_id` text NOT NULL,
	`content` text NOT NULL,
	`published_at` text NOT NULL,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `packet_versions_meeting_version_case_idx` ON `packet_versions` (`meeting_id`,`version`,`case_id`);--> statement-breakpoint
CREATE INDEX `packet_versions_case_idx` ON `packet_versions` (`case_id`);--> statement-breakpoint
-- Each case is listed once per meeting. Where an agenda listed two referrals of one case as two entries,
-- the entries become one (a listed entry before a removed one, then the earlier place), keeping what
-- either recorded, and both referrals are listed under it.
CREATE TABLE `__agenda_merge` AS
SELECT a.`id` AS `item_id`, a.`referral_id` AS `referral_id`,
  (SELECT b.`id` FROM `agenda_items` b WHERE b.`meeting_id` = a.`meeting_id` AND b.`case_id` = a.`case_id`
   ORDER BY (b.`status` = 'removed'), b.`position`, b.`id` LIMIT 1) AS `kept_id`
FROM `agenda_items` a;--> statement-breakpoint
UPDATE `agenda_items` SET `risk_analysis` = (
  SELECT d.`risk_analysis` FROM `agenda_items` d INNER JOIN `__agenda_merge` m ON m.`item_id` = d.`id`
  WHERE m.`kept_id` = `agenda_items`.`id` AND d.`risk_analysis` IS NOT NULL ORDER BY d.`revision` DESC LIMIT 1)
WHERE `risk_analysis` IS NULL AND `id` IN (SELECT `kept_id` FROM `__agenda_merge`);--> statement-breakpoint
UPDATE `agenda_items` SET `outcome` = (
  SELECT d.`outcome` FROM `agenda_items` d INNER JOIN `__agenda_merge` m ON m.`item_id` = d.`id`
  WHERE m.`kept_id` = `agenda_items`.`id` AND d.`outcome` IS NOT NULL ORDER BY d.`revision` DESC LIMIT 1)
WHERE `outcome` IS NULL AND `id` IN (SELECT `kept_id` FROM `__agenda_merge`);--> statement-breakpoint
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_agenda_items` (
	`id` text PRIMARY KEY NOT NULL,
	`meeting_id` text NOT NULL,
	`case_id` text NOT NULL,
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
	`frozen_flags` text,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`transferred_from_area_id`) REFERENCES `areas`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
INSERT INTO `__new_agenda_items`("id", "meeting_id", "case_id", "position", "slot_start", "pinned", "manually_placed", "status", "removed_reason", "transferred_from_area_id", "risk_analysis", "outcome", "revision", "frozen_flags") SELECT "id", "meeting_id", "case_id", "position", "slot_start", "pinned", "manually_placed", "status", "removed_reason", "transferred_from_area_id", "risk_analysis", "outcome", "revision", NULL FROM `agenda_items` WHERE "id" IN (SELECT "kept_id" FROM "__agenda_merge");--> statement-breakpoint
DROP TABLE `agenda_items`;--> statement-breakpoint
ALTER TABLE `__new_agenda_items` RENAME TO `agenda_items`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE INDEX `agenda_items_meeting_idx` ON `agenda_items` (`meeting_id`,`position`);--> statement-breakpoint
CREATE UNIQUE INDEX `agenda_items_meeting_case_idx` ON `agenda_items` (`meeting_id`,`case_id`);--> statement-breakpoint
CREATE INDEX `agenda_items_case_idx` ON `agenda_items` (`case_id`);--> statement-breakpoint
-- Agendas that lost an entry count their places 1…n again, each slot counted from the start time.
CREATE TABLE `__renumber` AS
SELECT a.`id` AS `id`, (
  SELECT COUNT(*) FROM `agenda_items` o WHERE o.`meeting_id` = a.`meeting_id` AND o.`status` <> 'removed'
  AND (o.`position` < a.`position` OR (o.`position` = a.`position` AND o.`id` <= a.`id`))) AS `position`
FROM `agenda_items` a
WHERE a.`status` <> 'removed' AND a.`meeting_id` IN (
  SELECT k.`meeting_id` FROM `agenda_items` k INNER JOIN `__agenda_merge` m ON m.`kept_id` = k.`id` WHERE m.`item_id` <> m.`kept_id`);--> statement-breakpoint
UPDATE `agenda_items` SET `position` = (SELECT r.`position` FROM `__renumber` r WHERE r.`id` = `agenda_items`.`id`)
WHERE `id` IN (SELECT `id` FROM `__renumber`);--> statement-breakpoint
UPDATE `agenda_items` SET `slot_start` = (
  SELECT strftime('%H:%M', '2000-01-01 ' || m.`start_time`, '+' || ((`agenda_items`.`position` - 1) * m.`minutes_per_case`) || ' minutes')
  FROM `meetings` m WHERE m.`id` = `agenda_items`.`meeting_id`)
WHERE `slot_start` IS NOT NULL AND `id` IN (SELECT `id` FROM `__renumber`);--> statement-breakpoint
DROP TABLE `__renumber`;--> statement-breakpoint
CREATE TABLE `agenda_item_referrals` (
	`item_id` text NOT NULL,
	`referral_id` text NOT NULL,
	PRIMARY KEY(`item_id`, `referral_id`),
	FOREIGN KEY (`item_id`) REFERENCES `agenda_items`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`referral_id`) REFERENCES `referrals`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `agenda_item_referrals_referral_idx` ON `agenda_item_referrals` (`referral_id`);--> statement-breakpoint
INSERT INTO `agenda_item_referrals` (`item_id`, `referral_id`) SELECT DISTINCT `kept_id`, `referral_id` FROM `__agenda_merge`;--> statement-breakpoint
DROP TABLE `__agenda_merge`;--> statement-breakpoint
ALTER TABLE `notifications` ADD `case_id` text REFERENCES cases(id);--> statement-breakpoint
ALTER TABLE `outbox` ADD `case_ids` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE `outbox` ADD `cancelled_at` text;--> statement-breakpoint
ALTER TABLE `research` ADD `withdrawn_at` text;--> statement-breakpoint
ALTER TABLE `research` ADD `withdrawn_bar_id` text REFERENCES case_bars(id);--> statement-breakpoint
-- Every agency and e-mail a referral names as unsafe to contact bars it from the referral's case, and
-- from the case of any referral merged into it. Bars from other cases of the same victim are added by
-- the platform when identities are next confirmed or referrals accepted.
INSERT INTO `case_bars` (`id`, `case_id`, `agency_id`, `email`, `name`, `reason`, `referral_id`, `source_key`, `recorded_by`, `recorded_at`)
WITH RECURSIVE `on_case`(`referral_id`, `case_id`) AS (
  SELECT `id`, `case_id` FROM `referrals` WHERE `case_id` IS NOT NULL
  UNION
  SELECT r.`id`, c.`case_id` FROM `referrals` r INNER JOIN `on_case` c ON r.`merged_into_referral_id` = c.`referral_id`
)
SELECT
  lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || substr(lower(hex(randomblob(2))), 2) || '-'
    || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6))),
  c.`case_id`, u.`agency_id`, lower(trim(u.`email`)), u.`name`, u.`reason`, u.`referral_id`,
  'referral:' || u.`referral_id` || ':' || coalesce(u.`agency_id`, '') || ':' || coalesce(lower(trim(u.`email`)), ''),
  NULL, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
FROM `unsafe_contacts` u INNER JOIN `on_case` c ON c.`referral_id` = u.`referral_id`
WHERE u.`agency_id` IS NOT NULL OR (u.`email` IS NOT NULL AND trim(u.`email`) <> '')
GROUP BY c.`case_id`, u.`referral_id`, u.`agency_id`, lower(trim(u.`email`));--> statement-breakpoint
-- Research of an agency barred from the case, for meetings not yet minuted, is withdrawn.
UPDATE `research` SET
  `withdrawn_at` = strftime('%Y-%m-%dT%H:%M:%fZ', 'now'),
  `withdrawn_bar_id` = (SELECT b.`id` FROM `case_bars` b WHERE b.`case_id` = `research`.`case_id` AND b.`agency_id` = `research`.`agency_id` LIMIT 1)
WHERE EXISTS (SELECT 1 FROM `case_bars` b WHERE b.`case_id` = `research`.`case_id` AND b.`agency_id` = `research`.`agency_id`)
  AND `meeting_id` IN (SELECT `id` FROM `meetings` WHERE `status` IN ('planned', 'agenda_published', 'in_progress'));
