CREATE TABLE "balance_accounts" (
	"account_id" text PRIMARY KEY NOT NULL,
	"email" text NOT NULL,
	"organization_name" text NOT NULL,
	"rollup_billing" boolean DEFAULT false NOT NULL,
	"amount" numeric(14, 4),
	"currency" text,
	"taken_at" timestamp with time zone NOT NULL,
	"spend_per_day" numeric(14, 4),
	"days_left" numeric(12, 2),
	"last_refresh_id" uuid
);
--> statement-breakpoint
CREATE INDEX "balance_accounts_amount_idx" ON "balance_accounts" USING btree ("amount");--> statement-breakpoint
CREATE INDEX "balance_accounts_days_left_idx" ON "balance_accounts" USING btree ("days_left");