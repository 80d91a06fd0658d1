CREATE TABLE `action_tallies` (
	`area_id` text NOT NULL,
	`agency_id` text NOT NULL,
	`status` text NOT NULL,
	`due_date` text NOT NULL,
	`n` integer NOT NULL,
	PRIMARY KEY(`area_id`, `agency_id`, `status`, `due_date`)
);
--> statement-breakpoint
DROP INDEX `referrals_referrer_idx`;--> statement-breakpoint
CREATE INDEX `referrals_merged_into_idx` ON `referrals` (`merged_into_referral_id`);--> statement-breakpoint
CREATE INDEX `referrals_referrer_idx` ON `referrals` (`referrer_user_id`,`status`);--> statement-breakpoint
DROP INDEX `research_agency_idx`;--> statement-breakpoint
CREATE INDEX `research_agency_idx` ON `research` (`agency_id`,`meeting_id`,`status`);--> statement-breakpoint
CREATE INDEX `actions_due_order_idx` ON `actions` (`due_date`,`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `actions_updated_idx` ON `actions` (`updated_at`,`id`);--> statement-breakpoint
CREATE INDEX `actions_agency_due_idx` ON `actions` (`agency_id`,`due_date`,`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `actions_agency_updated_idx` ON `actions` (`agency_id`,`updated_at`,`id`);--> statement-breakpoint
CREATE INDEX `cases_area_hearing_idx` ON `cases` (`area_id`,`last_hearing_date`,`status`,`last_referral_date`);--> statement-breakpoint
CREATE INDEX `cases_area_referral_idx` ON `cases` (`area_id`,`last_referral_date`,`status`,`last_hearing_date`);
--> statement-breakpoint
INSERT INTO `action_tallies` (`area_id`, `agency_id`, `status`, `due_date`, `n`)
  SELECT `meetings`.`area_id`, `actions`.`agency_id`, `actions`.`status`, `actions`.`due_date`, count(*)
  FROM `actions` INNER JOIN `meetings` ON `meetings`.`id` = `actions`.`meeting_id`
  GROUP BY 1, 2, 3, 4;
--> statement-breakpoint
CREATE TRIGGER `action_tallies_insert` AFTER INSERT ON `actions` BEGIN
  INSERT INTO `action_tallies` (`area_id`, `agency_id`, `status`, `due_date`, `n`)
    SELECT `area_id`, NEW.`agency_id`, NEW.`status`, NEW.`due_date`, 1 FROM `meetings` WHERE `id` = NEW.`meeting_id`
    ON CONFLICT DO UPDATE SET `n` = `n` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `action_tallies_delete` AFTER DELETE ON `actions` BEGIN
  UPDATE `action_tallies` SET `n` = `n` - 1
    WHERE `area_id` = (SELECT `area_id` FROM `meetings` WHERE `id` = OLD.`meeting_id`)
      AND `agency_id` = OLD.`agency_id` AND `status` = OLD.`status` AND `due_date` = OLD.`due_date`;
END;
--> statement-breakpoint
CREATE TRIGGER `action_tallies_update` AFTER UPDATE OF `meeting_id`, `agency_id`, `status`, `due_date` ON `actions` BEGIN
  UPDATE `action_tallies` SET `n` = `n` - 1
    WHERE `area_id` = (SELECT `area_id` FROM `meetings` WHERE `id` = OLD.`meeting_id`)
      AND `agency_id` = OLD.`agency_id` AND `status` = OLD.`status` AND `due_date` = OLD.`due_date`;
  INSERT INTO `action_tallies` (`area_id`, `agency_id`, `status`, `due_date`, `n`)
    SELECT `area_id`, NEW.`agency_id`, NEW.`status`, NEW.`due_date`, 1 FROM `meetings` WHERE `id` = NEW.`meeting_id`
    ON CONFLICT DO UPDATE SET `n` = `n` + 1;
END;
