CREATE TABLE `plan_focus` (
	`plan_id` text PRIMARY KEY NOT NULL,
	`x` real NOT NULL,
	`y` real NOT NULL,
	`source` text NOT NULL,
	`area_name` text,
	FOREIGN KEY (`plan_id`) REFERENCES `seating_plans`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `cash_movements` (
	`id` text PRIMARY KEY NOT NULL,
	`shift_id` text NOT NULL,
	`seq` integer NOT NULL,
	`station_id` text NOT NULL,
	`staff_id` text NOT NULL,
	`kind` text NOT NULL,
	`amount_minor` integer NOT NULL,
	`reason` text NOT NULL,
	`approved_by` text,
	`at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `cash_movements_shift` ON `cash_movements` (`shift_id`);--> statement-breakpoint
CREATE INDEX `cash_movements_seq` ON `cash_movements` (`seq`);--> statement-breakpoint
CREATE TABLE `ledger_takings` (
	`seq` integer PRIMARY KEY NOT NULL,
	`at` integer NOT NULL,
	`kind` text NOT NULL,
	`station_id` text NOT NULL,
	`order_id` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `ledger_takings_station` ON `ledger_takings` (`station_id`,`seq`);--> statement-breakpoint
CREATE TABLE `receipt_numbers` (
	`id` text PRIMARY KEY NOT NULL,
	`number` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `receipt_numbers_number_unique` ON `receipt_numbers` (`number`);--> statement-breakpoint
CREATE TABLE `shifts` (
	`id` text PRIMARY KEY NOT NULL,
	`station_id` text NOT NULL,
	`staff_id` text NOT NULL,
	`state` text NOT NULL,
	`opened_at` integer NOT NULL,
	`open_seq` integer NOT NULL,
	`float_minor` integer NOT NULL,
	`float_count` text,
	`closed_at` integer,
	`close_seq` integer,
	`closed_by` text,
	`expected_minor` integer,
	`counted_minor` integer,
	`count` text,
	`variance_minor` integer,
	`variance_reason` text,
	`approved_by` text,
	`z_number` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `shifts_open_per_window` ON `shifts` (`station_id`) WHERE state = 'open';--> statement-breakpoint
CREATE INDEX `shifts_close_seq` ON `shifts` (`close_seq`);--> statement-breakpoint
CREATE TABLE `z_reports` (
	`number` integer PRIMARY KEY NOT NULL,
	`id` text NOT NULL,
	`scope` text NOT NULL,
	`shift_id` text,
	`station_id` text,
	`business_date` text,
	`from_seq` integer NOT NULL,
	`to_seq` integer NOT NULL,
	`at` integer NOT NULL,
	`staff_id` text NOT NULL,
	`figures` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `z_reports_id_unique` ON `z_reports` (`id`);--> statement-breakpoint
CREATE UNIQUE INDEX `z_reports_day` ON `z_reports` (`business_date`) WHERE scope = 'day';