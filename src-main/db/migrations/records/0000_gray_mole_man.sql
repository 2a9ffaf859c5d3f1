CREATE TABLE `events` (
	`id` text PRIMARY KEY NOT NULL,
	`title` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`duration_minutes` integer DEFAULT 120 NOT NULL,
	`age_rating` text DEFAULT '' NOT NULL,
	`layout_id` text,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL
);
--> statement-breakpoint
CREATE TABLE `ledger` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`id` text NOT NULL,
	`at` integer NOT NULL,
	`kind` text NOT NULL,
	`station_id` text NOT NULL,
	`staff_id` text,
	`performance_id` text,
	`order_id` text,
	`payload` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `ledger_id_unique` ON `ledger` (`id`);--> statement-breakpoint
CREATE INDEX `ledger_order` ON `ledger` (`order_id`);--> statement-breakpoint
CREATE INDEX `ledger_performance` ON `ledger` (`performance_id`);--> statement-breakpoint
CREATE TABLE `performances` (
	`id` text PRIMARY KEY NOT NULL,
	`event_id` text NOT NULL,
	`venue_id` text NOT NULL,
	`plan_id` text NOT NULL,
	`starts_at` integer NOT NULL,
	`on_sale_from` integer,
	`on_sale_until` integer,
	`state` text DEFAULT 'on_sale' NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`venue_id`) REFERENCES `venues`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`plan_id`) REFERENCES `seating_plans`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `performances_starts` ON `performances` (`starts_at`);--> statement-breakpoint
CREATE TABLE `plan_areas` (
	`id` text PRIMARY KEY NOT NULL,
	`plan_id` text NOT NULL,
	`name` text NOT NULL,
	`shape` text NOT NULL,
	`x` real NOT NULL,
	`y` real NOT NULL,
	`width` real NOT NULL,
	`height` real NOT NULL,
	`rotation` real DEFAULT 0 NOT NULL,
	`color` text NOT NULL,
	`capacity` integer DEFAULT 0 NOT NULL,
	`category` text,
	FOREIGN KEY (`plan_id`) REFERENCES `seating_plans`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `plan_areas_plan` ON `plan_areas` (`plan_id`);--> statement-breakpoint
CREATE TABLE `plan_categories` (
	`id` text PRIMARY KEY NOT NULL,
	`plan_id` text NOT NULL,
	`name` text NOT NULL,
	`color` text NOT NULL,
	FOREIGN KEY (`plan_id`) REFERENCES `seating_plans`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `plan_categories_name` ON `plan_categories` (`plan_id`,`name`);--> statement-breakpoint
CREATE TABLE `plan_seats` (
	`id` text PRIMARY KEY NOT NULL,
	`plan_id` text NOT NULL,
	`guid` text NOT NULL,
	`zone` text NOT NULL,
	`row` text NOT NULL,
	`number` text NOT NULL,
	`x` real NOT NULL,
	`y` real NOT NULL,
	`radius` real DEFAULT 10 NOT NULL,
	`category` text NOT NULL,
	`wheelchair` integer DEFAULT false NOT NULL,
	`restricted_view` integer DEFAULT false NOT NULL,
	`rank` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`plan_id`) REFERENCES `seating_plans`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `plan_seats_guid` ON `plan_seats` (`plan_id`,`guid`);--> statement-breakpoint
CREATE TABLE `price_bands` (
	`id` text PRIMARY KEY NOT NULL,
	`event_id` text NOT NULL,
	`name` text NOT NULL,
	`category` text,
	`price_minor` integer NOT NULL,
	`tax_rate_bp` integer DEFAULT 0 NOT NULL,
	`tax_included` integer DEFAULT true NOT NULL,
	`layout_id` text,
	`sort_order` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `price_bands_event` ON `price_bands` (`event_id`);--> statement-breakpoint
CREATE TABLE `seating_plans` (
	`id` text PRIMARY KEY NOT NULL,
	`venue_id` text NOT NULL,
	`name` text NOT NULL,
	`source` text NOT NULL,
	`source_file` text NOT NULL,
	`width` real NOT NULL,
	`height` real NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`venue_id`) REFERENCES `venues`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `seating_plans_venue` ON `seating_plans` (`venue_id`);--> statement-breakpoint
CREATE TABLE `settings` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `staff` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`role` text NOT NULL,
	`pin_hash` text NOT NULL,
	`pin_salt` text NOT NULL,
	`failed_attempts` integer DEFAULT 0 NOT NULL,
	`locked_until` integer,
	`active` integer DEFAULT true NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL
);
--> statement-breakpoint
CREATE TABLE `stations` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL
);
--> statement-breakpoint
CREATE TABLE `units` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`performance_id` text NOT NULL,
	`seat_id` text,
	`area_id` text,
	`place_no` integer,
	`category` text NOT NULL,
	`state` text DEFAULT 'available' NOT NULL,
	`hold_id` text,
	`hold_station_id` text,
	`hold_expires_at` integer,
	`reservation_id` text,
	`ticket_id` text,
	`block_id` text,
	`version` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`performance_id`) REFERENCES `performances`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`seat_id`) REFERENCES `plan_seats`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`area_id`) REFERENCES `plan_areas`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `units_seat` ON `units` (`performance_id`,`seat_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `units_place` ON `units` (`performance_id`,`area_id`,`place_no`);--> statement-breakpoint
CREATE INDEX `units_state` ON `units` (`performance_id`,`state`);--> statement-breakpoint
CREATE TABLE `venues` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`address` text DEFAULT '' NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL
);
