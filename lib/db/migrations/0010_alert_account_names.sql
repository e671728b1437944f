ALTER TABLE "balance_alerts" ADD COLUMN "account_email" text;--> statement-breakpoint
ALTER TABLE "balance_alerts" ADD COLUMN "account_name" text;