CREATE TABLE `action_completions` (
	`area_id` text NOT NULL,
	`agency_id` text NOT NULL,
	`due_date` text NOT NULL,
	`days` integer NOT NULL,
	`n` integer NOT NULL,
	PRIMARY KEY(`area_id`, `agency_id`, `days`, `due_date`)
) WITHOUT ROWID;
--> statement-breakpoint
CREATE TABLE `case_hearing_tallies` (
	`area_id` text NOT NULL,
	`last_hearing_date` text NOT NULL,
	`n` integer NOT NULL,
	PRIMARY KEY(`area_id`, `last_hearing_date`)
) WITHOUT ROWID;
--> statement-breakpoint
DROP INDEX `cases_area_hearing_idx`;--> statement-breakpoint
DROP INDEX `cases_area_referral_idx`;--> statement-breakpoint
CREATE INDEX `cases_area_hearing_idx` ON `cases` (`area_id`,`last_hearing_date`,`status`,`last_referral_date`,`reference`);--> statement-breakpoint
CREATE INDEX `cases_area_referral_idx` ON `cases` (`area_id`,`last_referral_date`,`status`,`last_hearing_date`,`reference`);--> statement-breakpoint
ALTER TABLE `actions` ADD `completed_on` text;--> statement-breakpoint
CREATE INDEX `research_due_idx` ON `research` (`due_date`,`status`);
--> statement-breakpoint
UPDATE `actions` SET `completed_on` = (
  SELECT `occurred_on` FROM `action_updates`
  WHERE `action_updates`.`action_id` = `actions`.`id` AND `action_updates`.`status` = 'completed'
  ORDER BY `action_updates`.`updated_at` DESC, `action_updates`.`id` DESC LIMIT 1
);
--> statement-breakpoint
INSERT INTO `action_completions` (`area_id`, `agency_id`, `due_date`, `days`, `n`)
  SELECT `meetings`.`area_id`, `actions`.`agency_id`, `actions`.`due_date`,
    max(0, cast(julianday(`actions`.`completed_on`) - julianday(`meetings`.`date`) AS integer)), count(*)
  FROM `actions` INNER JOIN `meetings` ON `meetings`.`id` = `actions`.`meeting_id`
  WHERE `actions`.`status` = 'completed' AND `actions`.`completed_on` IS NOT NULL
  GROUP BY 1, 2, 3, 4;
--> statement-breakpoint
CREATE TRIGGER `action_completed_on` AFTER INSERT ON `action_updates` WHEN NEW.`status` = 'completed' BEGIN
  UPDATE `actions` SET `completed_on` = NEW.`occurred_on` WHERE `id` = NEW.`action_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `action_completions_insert` AFTER INSERT ON `actions` WHEN NEW.`status` = 'completed' AND NEW.`completed_on` IS NOT NULL BEGIN
  INSERT INTO `action_completions` (`area_id`, `agency_id`, `due_date`, `days`, `n`)
    SELECT `area_id`, NEW.`agency_id`, NEW.`due_date`, max(0, cast(julianday(NEW.`completed_on`) - julianday(`date`) AS integer)), 1
    FROM `meetings` WHERE `id` = NEW.`meeting_id`
    ON CONFLICT DO UPDATE SET `n` = `n` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `action_completions_delete` AFTER DELETE ON `actions` WHEN OLD.`status` = 'completed' AND OLD.`completed_on` IS NOT NULL BEGIN
  UPDATE `action_completions` SET `n` = `n` - 1
    WHERE (`area_id`, `agency_id`, `due_date`, `days`) = (
      SELECT `area_id`, OLD.`agency_id`, OLD.`due_date`, max(0, cast(julianday(OLD.`completed_on`) - julianday(`date`) AS integer))
      FROM `meetings` WHERE `id` = OLD.`meeting_id`
    );
END;
--> statement-breakpoint
CREATE TRIGGER `action_completions_update` AFTER UPDATE OF `status`, `completed_on`, `agency_id`, `due_date`, `meeting_id` ON `actions` BEGIN
  UPDATE `action_completions` SET `n` = `n` - 1
    WHERE OLD.`status` = 'completed' AND OLD.`completed_on` IS NOT NULL AND (`area_id`, `agency_id`, `due_date`, `days`) = (
      SELECT `area_id`, OLD.`agency_id`, OLD.`due_date`, max(0, cast(julianday(OLD.`completed_on`) - julianday(`date`) AS integer))
      FROM `meetings` WHERE `id` = OLD.`meeting_id`
    );
  INSERT INTO `action_completions` (`area_id`, `agency_id`, `due_date`, `days`, `n`)
    SELECT `area_id`, NEW.`agency_id`, NEW.`due_date`, max(0, cast(julianday(NEW.`completed_on`) - julianday(`date`) AS integer)), 1
    FROM `meetings` WHERE `id` = NEW.`meeting_id` AND NEW.`status` = 'completed' AND NEW.`completed_on` IS NOT NULL
    ON CONFLICT DO UPDATE SET `n` = `n` + 1;
END;
--> statement-breakpoint
INSERT INTO `case_hearing_tallies` (`area_id`, `last_hearing_date`, `n`)
  SELECT `area_id`, `last_hearing_date`, count(*) FROM `cases` WHERE `last_hearing_date` IS NOT NULL GROUP BY 1, 2;
--> statement-breakpoint
CREATE TRIGGER `case_hearing_tallies_insert` AFTER INSERT ON `cases` WHEN NEW.`last_hearing_date` IS NOT NULL BEGIN
  INSERT INTO `case_hearing_tallies` (`area_id`, `last_hearing_date`, `n`) VALUES (NEW.`area_id`, NEW.`last_hearing_date`, 1)
    ON CONFLICT DO UPDATE SET `n` = `n` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `case_hearing_tallies_delete` AFTER DELETE ON `cases` WHEN OLD.`last_hearing_date` IS NOT NULL BEGIN
  UPDATE `case_hearing_tallies` SET `n` = `n` - 1 WHERE `area_id` = OLD.`area_id` AND `last_hearing_date` = OLD.`last_hearing_date`;
END;
--> statement-breakpoint
CREATE TRIGGER `case_hearing_tallies_update` AFTER UPDATE OF `area_id`, `last_hearing_date` ON `cases` BEGIN
  UPDATE `case_hearing_tallies` SET `n` = `n` - 1
    WHERE OLD.`last_hearing_date` IS NOT NULL AND `area_id` = OLD.`area_id` AND `last_hearing_date` = OLD.`last_hearing_date`;
  INSERT INTO `case_hearing_tallies` (`area_id`, `last_hearing_date`, `n`)
    SELECT NEW.`area_id`, NEW.`last_hearing_date`, 1 WHERE NEW.`last_hearing_date` IS NOT NULL
    ON CONFLICT DO UPDATE SET `n` = `n` + 1;
END;
