DROP INDEX `holds_expiry`;--> statement-breakpoint
DROP INDEX `holds_station`;--> statement-breakpoint
DROP INDEX `orders_created`;--> statement-breakpoint
DROP INDEX `payments_at`;--> statement-breakpoint
DROP INDEX `tickets_code_unique`;--> statement-breakpoint
DROP INDEX `units_state`;