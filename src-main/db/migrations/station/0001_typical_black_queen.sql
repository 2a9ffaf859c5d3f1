ALTER TABLE `print_jobs` ADD `label` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `print_jobs` ADD `source` text DEFAULT 'app' NOT NULL;--> statement-breakpoint
ALTER TABLE `print_jobs` ADD `layout_id` text;--> statement-breakpoint
ALTER TABLE `print_jobs` ADD `updated_at` integer DEFAULT 0 NOT NULL;