CREATE TABLE `plan_rows` (
	`plan_id` text NOT NULL,
	`zone` text NOT NULL,
	`row` text NOT NULL,
	`number_position` text NOT NULL,
	PRIMARY KEY(`plan_id`, `zone`, `row`),
	FOREIGN KEY (`plan_id`) REFERENCES `seating_plans`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `report_sales` (
	`grain` text NOT NULL,
	`dim` text NOT NULL,
	`pay_day` text NOT NULL,
	`performance_id` text NOT NULL,
	`station_id` text NOT NULL,
	`staff_id` text NOT NULL,
	`key` text NOT NULL,
	`count` integer NOT NULL,
	`amount` integer NOT NULL,
	`tax` integer NOT NULL,
	PRIMARY KEY(`grain`, `dim`, `pay_day`, `performance_id`, `station_id`, `staff_id`, `key`)
);
--> statement-breakpoint
CREATE INDEX `report_sales_performance` ON `report_sales` (`performance_id`,`grain`,`dim`,`pay_day`);--> statement-breakpoint
CREATE INDEX `report_sales_station` ON `report_sales` (`station_id`,`grain`,`dim`,`pay_day`);--> statement-breakpoint
CREATE INDEX `report_sales_staff` ON `report_sales` (`staff_id`,`grain`,`dim`,`pay_day`);--> statement-breakpoint
ALTER TABLE `tickets` ADD `tax_rate_bp` integer;