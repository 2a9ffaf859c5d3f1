CREATE TABLE `events` (
	`installation_id` varchar(26) NOT NULL,
	`id` varchar(64) NOT NULL,
	`title` text NOT NULL,
	`description` text NOT NULL,
	`duration_minutes` int NOT NULL,
	`age_rating` varchar(32) NOT NULL,
	`layout_id` varchar(64),
	`created_at` bigint NOT NULL,
	CONSTRAINT `events_installation_id_id_pk` PRIMARY KEY(`installation_id`,`id`)
);
--> statement-breakpoint
CREATE TABLE `ledger_entries` (
	`installation_id` varchar(26) NOT NULL,
	`station_id` varchar(64) NOT NULL,
	`seq` bigint NOT NULL,
	`id` varchar(64) NOT NULL,
	`at` bigint NOT NULL,
	`kind` varchar(64) NOT NULL,
	`staff_id` varchar(64),
	`performance_id` varchar(64),
	`order_id` varchar(64),
	`payload` json NOT NULL,
	`pushed_at` bigint NOT NULL,
	CONSTRAINT `ledger_entries_installation_id_station_id_seq_pk` PRIMARY KEY(`installation_id`,`station_id`,`seq`)
);
--> statement-breakpoint
CREATE TABLE `orders` (
	`installation_id` varchar(26) NOT NULL,
	`id` varchar(64) NOT NULL,
	`station_id` varchar(64) NOT NULL,
	`performance_id` varchar(64),
	`order_id` varchar(64),
	`state` varchar(32),
	`amount_minor` bigint,
	`at` bigint NOT NULL,
	`source_seq` bigint NOT NULL,
	`data` longtext NOT NULL,
	CONSTRAINT `orders_installation_id_id_pk` PRIMARY KEY(`installation_id`,`id`)
);
--> statement-breakpoint
CREATE TABLE `other_rows` (
	`installation_id` varchar(26) NOT NULL,
	`table_name` varchar(64) NOT NULL,
	`id` varchar(64) NOT NULL,
	`station_id` varchar(64) NOT NULL,
	`at` bigint NOT NULL,
	`source_seq` bigint NOT NULL,
	`data` longtext NOT NULL,
	CONSTRAINT `other_rows_installation_id_table_name_id_pk` PRIMARY KEY(`installation_id`,`table_name`,`id`)
);
--> statement-breakpoint
CREATE TABLE `payments` (
	`installation_id` varchar(26) NOT NULL,
	`id` varchar(64) NOT NULL,
	`station_id` varchar(64) NOT NULL,
	`performance_id` varchar(64),
	`order_id` varchar(64),
	`state` varchar(32),
	`amount_minor` bigint,
	`at` bigint NOT NULL,
	`source_seq` bigint NOT NULL,
	`data` longtext NOT NULL,
	CONSTRAINT `payments_installation_id_id_pk` PRIMARY KEY(`installation_id`,`id`)
);
--> statement-breakpoint
CREATE TABLE `performances` (
	`installation_id` varchar(26) NOT NULL,
	`id` varchar(64) NOT NULL,
	`event_id` varchar(64) NOT NULL,
	`venue_id` varchar(64) NOT NULL,
	`plan_id` varchar(64) NOT NULL,
	`starts_at` bigint NOT NULL,
	`on_sale_from` bigint,
	`on_sale_until` bigint,
	`state` varchar(16) NOT NULL,
	`created_at` bigint NOT NULL,
	CONSTRAINT `performances_installation_id_id_pk` PRIMARY KEY(`installation_id`,`id`)
);
--> statement-breakpoint
CREATE TABLE `plan_areas` (
	`installation_id` varchar(26) NOT NULL,
	`id` varchar(64) NOT NULL,
	`plan_id` varchar(64) NOT NULL,
	`name` text NOT NULL,
	`shape` varchar(16) NOT NULL,
	`x` double NOT NULL,
	`y` double NOT NULL,
	`width` double NOT NULL,
	`height` double NOT NULL,
	`rotation` double NOT NULL,
	`color` varchar(32) NOT NULL,
	`capacity` int NOT NULL,
	`category` varchar(128),
	CONSTRAINT `plan_areas_installation_id_id_pk` PRIMARY KEY(`installation_id`,`id`)
);
--> statement-breakpoint
CREATE TABLE `plan_categories` (
	`installation_id` varchar(26) NOT NULL,
	`id` varchar(64) NOT NULL,
	`plan_id` varchar(64) NOT NULL,
	`name` text NOT NULL,
	`color` varchar(32) NOT NULL,
	CONSTRAINT `plan_categories_installation_id_id_pk` PRIMARY KEY(`installation_id`,`id`)
);
--> statement-breakpoint
CREATE TABLE `plan_seats` (
	`installation_id` varchar(26) NOT NULL,
	`id` varchar(64) NOT NULL,
	`plan_id` varchar(64) NOT NULL,
	`guid` varchar(128) NOT NULL,
	`zone` varchar(128) NOT NULL,
	`row` varchar(64) NOT NULL,
	`number` varchar(64) NOT NULL,
	`x` double NOT NULL,
	`y` double NOT NULL,
	`radius` double NOT NULL,
	`category` varchar(128) NOT NULL,
	`wheelchair` boolean NOT NULL,
	`restricted_view` boolean NOT NULL,
	`rank` int NOT NULL,
	CONSTRAINT `plan_seats_installation_id_id_pk` PRIMARY KEY(`installation_id`,`id`)
);
--> statement-breakpoint
CREATE TABLE `price_bands` (
	`installation_id` varchar(26) NOT NULL,
	`id` varchar(64) NOT NULL,
	`event_id` varchar(64) NOT NULL,
	`name` text NOT NULL,
	`category` varchar(128),
	`price_minor` bigint NOT NULL,
	`tax_rate_bp` int NOT NULL,
	`tax_included` boolean NOT NULL,
	`layout_id` varchar(64),
	`sort_order` int NOT NULL,
	CONSTRAINT `price_bands_installation_id_id_pk` PRIMARY KEY(`installation_id`,`id`)
);
--> statement-breakpoint
CREATE TABLE `reservations` (
	`installation_id` varchar(26) NOT NULL,
	`id` varchar(64) NOT NULL,
	`station_id` varchar(64) NOT NULL,
	`performance_id` varchar(64),
	`order_id` varchar(64),
	`state` varchar(32),
	`amount_minor` bigint,
	`at` bigint NOT NULL,
	`source_seq` bigint NOT NULL,
	`data` longtext NOT NULL,
	CONSTRAINT `reservations_installation_id_id_pk` PRIMARY KEY(`installation_id`,`id`)
);
--> statement-breakpoint
CREATE TABLE `seating_plans` (
	`installation_id` varchar(26) NOT NULL,
	`id` varchar(64) NOT NULL,
	`venue_id` varchar(64) NOT NULL,
	`name` text NOT NULL,
	`source` varchar(16) NOT NULL,
	`source_file` text NOT NULL,
	`width` double NOT NULL,
	`height` double NOT NULL,
	`created_at` bigint NOT NULL,
	CONSTRAINT `seating_plans_installation_id_id_pk` PRIMARY KEY(`installation_id`,`id`)
);
--> statement-breakpoint
CREATE TABLE `staff` (
	`installation_id` varchar(26) NOT NULL,
	`id` varchar(64) NOT NULL,
	`name` text NOT NULL,
	`role` varchar(16) NOT NULL,
	`active` boolean NOT NULL,
	`created_at` bigint NOT NULL,
	CONSTRAINT `staff_installation_id_id_pk` PRIMARY KEY(`installation_id`,`id`)
);
--> statement-breakpoint
CREATE TABLE `stations` (
	`installation_id` varchar(26) NOT NULL,
	`id` varchar(64) NOT NULL,
	`name` text NOT NULL,
	`created_at` bigint NOT NULL,
	CONSTRAINT `stations_installation_id_id_pk` PRIMARY KEY(`installation_id`,`id`)
);
--> statement-breakpoint
CREATE TABLE `sync_cursors` (
	`installation_id` varchar(26) NOT NULL,
	`last_seq` bigint NOT NULL DEFAULT 0,
	`last_push_at` bigint NOT NULL,
	`last_station_id` varchar(64),
	CONSTRAINT `sync_cursors_installation_id` PRIMARY KEY(`installation_id`)
);
--> statement-breakpoint
CREATE TABLE `sync_reference_digests` (
	`installation_id` varchar(26) NOT NULL,
	`table_name` varchar(64) NOT NULL,
	`digest` varchar(64) NOT NULL,
	`row_count` int NOT NULL,
	`pushed_at` bigint NOT NULL,
	CONSTRAINT `sync_reference_digests_installation_id_table_name_pk` PRIMARY KEY(`installation_id`,`table_name`)
);
--> statement-breakpoint
CREATE TABLE `tickets` (
	`installation_id` varchar(26) NOT NULL,
	`id` varchar(64) NOT NULL,
	`station_id` varchar(64) NOT NULL,
	`performance_id` varchar(64),
	`order_id` varchar(64),
	`state` varchar(32),
	`amount_minor` bigint,
	`at` bigint NOT NULL,
	`source_seq` bigint NOT NULL,
	`data` longtext NOT NULL,
	CONSTRAINT `tickets_installation_id_id_pk` PRIMARY KEY(`installation_id`,`id`)
);
--> statement-breakpoint
CREATE TABLE `units` (
	`installation_id` varchar(26) NOT NULL,
	`id` bigint NOT NULL,
	`performance_id` varchar(64) NOT NULL,
	`seat_id` varchar(64),
	`area_id` varchar(64),
	`place_no` int,
	`category` varchar(128) NOT NULL,
	CONSTRAINT `units_installation_id_id_pk` PRIMARY KEY(`installation_id`,`id`)
);
--> statement-breakpoint
CREATE TABLE `venues` (
	`installation_id` varchar(26) NOT NULL,
	`id` varchar(64) NOT NULL,
	`name` text NOT NULL,
	`address` text NOT NULL,
	`created_at` bigint NOT NULL,
	CONSTRAINT `venues_installation_id_id_pk` PRIMARY KEY(`installation_id`,`id`)
);
--> statement-breakpoint
CREATE INDEX `ledger_entries_installation_seq` ON `ledger_entries` (`installation_id`,`seq`);--> statement-breakpoint
CREATE INDEX `ledger_entries_performance` ON `ledger_entries` (`performance_id`);--> statement-breakpoint
CREATE INDEX `ledger_entries_order` ON `ledger_entries` (`order_id`);--> statement-breakpoint
CREATE INDEX `ledger_entries_at` ON `ledger_entries` (`at`);--> statement-breakpoint
CREATE INDEX `orders_performance` ON `orders` (`performance_id`,`state`);--> statement-breakpoint
CREATE INDEX `orders_order` ON `orders` (`order_id`);--> statement-breakpoint
CREATE INDEX `payments_performance` ON `payments` (`performance_id`,`state`);--> statement-breakpoint
CREATE INDEX `payments_order` ON `payments` (`order_id`);--> statement-breakpoint
CREATE INDEX `performances_starts` ON `performances` (`starts_at`);--> statement-breakpoint
CREATE INDEX `plan_seats_plan` ON `plan_seats` (`plan_id`);--> statement-breakpoint
CREATE INDEX `reservations_performance` ON `reservations` (`performance_id`,`state`);--> statement-breakpoint
CREATE INDEX `reservations_order` ON `reservations` (`order_id`);--> statement-breakpoint
CREATE INDEX `tickets_performance` ON `tickets` (`performance_id`,`state`);--> statement-breakpoint
CREATE INDEX `tickets_order` ON `tickets` (`order_id`);--> statement-breakpoint
CREATE INDEX `units_performance` ON `units` (`performance_id`);