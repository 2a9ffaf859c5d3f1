CREATE TABLE `audit_log` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` integer NOT NULL,
	`action` text NOT NULL,
	`station_id` text NOT NULL,
	`staff_id` text,
	`approved_by` text,
	`details` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `audit_log_at` ON `audit_log` (`at`);--> statement-breakpoint
CREATE TABLE `blocks` (
	`id` text PRIMARY KEY NOT NULL,
	`performance_id` text NOT NULL,
	`name` text NOT NULL,
	`release_at` integer,
	`state` text NOT NULL,
	`station_id` text NOT NULL,
	`staff_id` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `blocks_release` ON `blocks` (`state`,`release_at`);--> statement-breakpoint
CREATE TABLE `discount_codes` (
	`id` text PRIMARY KEY NOT NULL,
	`code` text NOT NULL,
	`kind` text NOT NULL,
	`value` integer NOT NULL,
	`event_id` text,
	`valid_from` integer,
	`valid_until` integer,
	`max_uses` integer,
	`uses` integer DEFAULT 0 NOT NULL,
	`active` integer DEFAULT 1 NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `discount_codes_code_unique` ON `discount_codes` (`code`);--> statement-breakpoint
CREATE TABLE `holds` (
	`id` text PRIMARY KEY NOT NULL,
	`performance_id` text NOT NULL,
	`station_id` text NOT NULL,
	`staff_id` text,
	`created_at` integer NOT NULL,
	`expires_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `holds_expiry` ON `holds` (`expires_at`);--> statement-breakpoint
CREATE INDEX `holds_station` ON `holds` (`station_id`);--> statement-breakpoint
CREATE TABLE `orders` (
	`id` text PRIMARY KEY NOT NULL,
	`performance_id` text NOT NULL,
	`reservation_id` text,
	`exchanged_from_order_id` text,
	`customer_name` text,
	`customer_phone` text,
	`customer_email` text,
	`discount_code_id` text,
	`currency` text NOT NULL,
	`subtotal_minor` integer NOT NULL,
	`discount_minor` integer NOT NULL,
	`tax_minor` integer NOT NULL,
	`total_minor` integer NOT NULL,
	`refunded_minor` integer DEFAULT 0 NOT NULL,
	`state` text NOT NULL,
	`station_id` text NOT NULL,
	`staff_id` text,
	`approved_by` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `orders_performance` ON `orders` (`performance_id`);--> statement-breakpoint
CREATE INDEX `orders_created` ON `orders` (`created_at`);--> statement-breakpoint
CREATE TABLE `payments` (
	`id` text PRIMARY KEY NOT NULL,
	`order_id` text NOT NULL,
	`method` text NOT NULL,
	`amount_minor` integer NOT NULL,
	`tendered_minor` integer,
	`change_minor` integer,
	`reference` text,
	`station_id` text NOT NULL,
	`staff_id` text,
	`at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `payments_order` ON `payments` (`order_id`);--> statement-breakpoint
CREATE INDEX `payments_at` ON `payments` (`at`);--> statement-breakpoint
CREATE TABLE `reservations` (
	`id` text PRIMARY KEY NOT NULL,
	`reference` text NOT NULL,
	`performance_id` text NOT NULL,
	`customer_name` text NOT NULL,
	`customer_phone` text,
	`customer_email` text,
	`deadline_at` integer,
	`state` text NOT NULL,
	`order_id` text,
	`station_id` text NOT NULL,
	`staff_id` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `reservations_reference_unique` ON `reservations` (`reference`);--> statement-breakpoint
CREATE INDEX `reservations_deadline` ON `reservations` (`state`,`deadline_at`);--> statement-breakpoint
CREATE INDEX `reservations_performance` ON `reservations` (`performance_id`);--> statement-breakpoint
CREATE TABLE `staff_sessions` (
	`station_id` text PRIMARY KEY NOT NULL,
	`staff_id` text NOT NULL,
	`signed_in_at` integer NOT NULL,
	FOREIGN KEY (`staff_id`) REFERENCES `staff`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `tickets` (
	`id` text PRIMARY KEY NOT NULL,
	`order_id` text NOT NULL,
	`performance_id` text NOT NULL,
	`unit_id` integer NOT NULL,
	`price_band_id` text NOT NULL,
	`band_name` text NOT NULL,
	`list_price_minor` integer NOT NULL,
	`discount_minor` integer NOT NULL,
	`tax_minor` integer NOT NULL,
	`total_minor` integer NOT NULL,
	`code` text NOT NULL,
	`state` text NOT NULL,
	`print_count` integer DEFAULT 0 NOT NULL,
	`checked_in_at` integer,
	`checked_in_station_id` text,
	`checked_in_staff_id` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `tickets_code_unique` ON `tickets` (`code`);--> statement-breakpoint
CREATE INDEX `tickets_order` ON `tickets` (`order_id`);--> statement-breakpoint
CREATE INDEX `tickets_performance` ON `tickets` (`performance_id`);--> statement-breakpoint
CREATE INDEX `units_hold` ON `units` (`hold_id`);--> statement-breakpoint
CREATE INDEX `units_reservation` ON `units` (`reservation_id`);--> statement-breakpoint
CREATE INDEX `units_block` ON `units` (`block_id`);