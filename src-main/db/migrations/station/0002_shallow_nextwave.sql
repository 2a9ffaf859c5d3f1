CREATE TABLE `export_jobs` (
	`id` text PRIMARY KEY NOT NULL,
	`request` text NOT NULL,
	`state` text DEFAULT 'waiting' NOT NULL,
	`progress` real DEFAULT 0 NOT NULL,
	`requested_at` integer NOT NULL,
	`requested_by` text NOT NULL,
	`started_at` integer,
	`finished_at` integer,
	`rows` integer,
	`bytes` integer,
	`file_name` text,
	`failure` text
);
--> statement-breakpoint
CREATE INDEX `export_jobs_queue` ON `export_jobs` (`state`,`requested_at`);--> statement-breakpoint
CREATE TABLE `saved_exports` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`request` text NOT NULL,
	`saved_at` integer NOT NULL,
	`saved_by` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `saved_exports_name_unique` ON `saved_exports` (`name`);