DROP INDEX `ledger_order`;--> statement-breakpoint
DROP INDEX `ledger_performance`;