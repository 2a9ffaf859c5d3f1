DROP INDEX `units_hold`;--> statement-breakpoint
DROP INDEX `units_reservation`;--> statement-breakpoint
DROP INDEX `units_block`;--> statement-breakpoint
CREATE INDEX `units_hold` ON `units` (`hold_id`) WHERE hold_id IS NOT NULL;--> statement-breakpoint
CREATE INDEX `units_reservation` ON `units` (`reservation_id`) WHERE reservation_id IS NOT NULL;--> statement-breakpoint
CREATE INDEX `units_block` ON `units` (`block_id`) WHERE block_id IS NOT NULL;