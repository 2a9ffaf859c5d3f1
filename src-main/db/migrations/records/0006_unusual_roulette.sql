CREATE TABLE `paired_windows` (
	`token_hash` text PRIMARY KEY NOT NULL,
	`station_id` text NOT NULL,
	`kind` text NOT NULL,
	`name` text DEFAULT '' NOT NULL,
	`address` text DEFAULT '' NOT NULL,
	`pairing_code` text,
	`requested_at` integer NOT NULL,
	`paired_at` integer,
	`approved_by` text,
	`last_seen_at` integer NOT NULL,
	`revoked_at` integer,
	FOREIGN KEY (`station_id`) REFERENCES `stations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `paired_windows_station` ON `paired_windows` (`station_id`);--> statement-breakpoint
CREATE TABLE `sale_requests` (
	`station_id` text NOT NULL,
	`key` text NOT NULL,
	`procedure` text NOT NULL,
	`request_hash` text NOT NULL,
	`answer` text NOT NULL,
	`at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sale_requests_station_key` ON `sale_requests` (`station_id`,`key`);--> statement-breakpoint
ALTER TABLE `staff_sessions` ADD `secret_hash` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `staff_sessions` ADD `last_seen_at` integer DEFAULT 0 NOT NULL;