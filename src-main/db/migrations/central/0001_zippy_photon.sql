CREATE TABLE `cash_movements` (
	`installation_id` varchar(26) NOT NULL,
	`id` varchar(64) NOT NULL,
	`shift_id` varchar(64) NOT NULL,
	`station_id` varchar(64) NOT NULL,
	`staff_id` varchar(64) NOT NULL,
	`kind` varchar(16) NOT NULL,
	`amount_minor` bigint NOT NULL,
	`reason` text NOT NULL,
	`approved_by` varchar(64),
	`at` bigint NOT NULL,
	`source_seq` bigint NOT NULL,
	CONSTRAINT `cash_movements_installation_id_id_pk` PRIMARY KEY(`installation_id`,`id`)
);
--> statement-breakpoint
CREATE TABLE `shifts` (
	`installation_id` varchar(26) NOT NULL,
	`id` varchar(64) NOT NULL,
	`station_id` varchar(64) NOT NULL,
	`staff_id` varchar(64) NOT NULL,
	`state` varchar(16) NOT NULL,
	`opened_at` bigint NOT NULL,
	`float_minor` bigint NOT NULL,
	`closed_at` bigint,
	`closed_by` varchar(64),
	`expected_minor` bigint,
	`counted_minor` bigint,
	`variance_minor` bigint,
	`variance_reason` text,
	`approved_by` varchar(64),
	`z_number` int,
	`source_seq` bigint NOT NULL,
	`data` longtext NOT NULL,
	CONSTRAINT `shifts_installation_id_id_pk` PRIMARY KEY(`installation_id`,`id`)
);
--> statement-breakpoint
CREATE TABLE `z_reports` (
	`installation_id` varchar(26) NOT NULL,
	`id` varchar(64) NOT NULL,
	`number` int NOT NULL,
	`scope` varchar(8) NOT NULL,
	`shift_id` varchar(64),
	`station_id` varchar(64),
	`business_date` varchar(10),
	`at` bigint NOT NULL,
	`staff_id` varchar(64) NOT NULL,
	`figures` longtext NOT NULL,
	`source_seq` bigint NOT NULL,
	CONSTRAINT `z_reports_installation_id_id_pk` PRIMARY KEY(`installation_id`,`id`),
	CONSTRAINT `z_reports_number` UNIQUE(`installation_id`,`number`)
);
--> statement-breakpoint
CREATE INDEX `cash_movements_shift` ON `cash_movements` (`installation_id`,`shift_id`);--> statement-breakpoint
CREATE INDEX `shifts_opened` ON `shifts` (`installation_id`,`opened_at`);