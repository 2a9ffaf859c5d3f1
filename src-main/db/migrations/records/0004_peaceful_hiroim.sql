DROP TABLE `holds`;--> statement-breakpoint
DROP INDEX `tickets_performance`;