CREATE TABLE "account_alert_thresholds" (
	"account_id" text PRIMARY KEY NOT NULL,
	"threshold" numeric(14, 4) NOT NULL,
	"currency" text,
	"updated_by_staff_id" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "balance_alert_states" (
	"account_id" text PRIMARY KEY NOT NULL,
	"state" text NOT NULL,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_amount" numeric(14, 4),
	"last_threshold" numeric(14, 4),
	CONSTRAINT "balance_alert_states_state_check" CHECK ("balance_alert_states"."state" in ('ok', 'low'))
);
--> statement-breakpoint
CREATE TABLE "balance_alerts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" text NOT NULL,
	"type" text NOT NULL,
	"amount" numeric(14, 4),
	"currency" text,
	"threshold" numeric(14, 4) NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"acknowledged_by_staff_id" uuid,
	"acknowledged_at" timestamp with time zone,
	CONSTRAINT "balance_alerts_type_check" CHECK ("balance_alerts"."type" in ('balance.low', 'balance.recovered'))
);
--> statement-breakpoint
CREATE TABLE "balance_refreshes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"total" integer DEFAULT 0 NOT NULL,
	"done" integer DEFAULT 0 NOT NULL,
	"failed" integer DEFAULT 0 NOT NULL,
	"requested_by_staff_id" uuid,
	"lease_owner" text,
	"lease_until" timestamp with time zone,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "balance_refreshes_status_check" CHECK ("balance_refreshes"."status" in ('queued', 'running', 'succeeded', 'partial', 'failed'))
);
--> statement-breakpoint
CREATE TABLE "balance_snapshots" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"account_id" text NOT NULL,
	"amount" numeric(14, 4),
	"currency" text,
	"credit_limit" numeric(14, 4),
	"available_credit" numeric(14, 4),
	"rollup_billing" boolean DEFAULT false NOT NULL,
	"refresh_id" uuid,
	"taken_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "webhook_deliveries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"event_type" text NOT NULL,
	"url" text NOT NULL,
	"body" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_status_code" integer,
	"last_error" text,
	"next_attempt_at" timestamp with time zone,
	"delivered_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "webhook_deliveries_status_check" CHECK ("webhook_deliveries"."status" in ('pending', 'delivered', 'failed'))
);
--> statement-breakpoint
CREATE TABLE "webhook_delivery_attempts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"delivery_id" uuid NOT NULL,
	"attempted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"status_code" integer,
	"error" text,
	"duration_ms" integer
);
--> statement-breakpoint
ALTER TABLE "webhook_delivery_attempts" ADD CONSTRAINT "webhook_delivery_attempts_delivery_id_webhook_deliveries_id_fk" FOREIGN KEY ("delivery_id") REFERENCES "public"."webhook_deliveries"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "balance_alerts_created_at_idx" ON "balance_alerts" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "balance_alerts_unacknowledged_idx" ON "balance_alerts" USING btree ("created_at") WHERE "balance_alerts"."acknowledged_at" is null;--> statement-breakpoint
CREATE INDEX "balance_refreshes_created_at_idx" ON "balance_refreshes" USING btree ("created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "balance_refreshes_one_active_key" ON "balance_refreshes" USING btree ((true)) WHERE "balance_refreshes"."status" in ('queued', 'running');--> statement-breakpoint
CREATE INDEX "balance_snapshots_account_taken_idx" ON "balance_snapshots" USING btree ("account_id","taken_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "balance_snapshots_taken_at_idx" ON "balance_snapshots" USING btree ("taken_at");--> statement-breakpoint
CREATE INDEX "balance_snapshots_refresh_idx" ON "balance_snapshots" USING btree ("refresh_id","account_id");--> statement-breakpoint
CREATE UNIQUE INDEX "webhook_deliveries_event_key" ON "webhook_deliveries" USING btree ("event_id","url");--> statement-breakpoint
CREATE INDEX "webhook_deliveries_created_at_idx" ON "webhook_deliveries" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "webhook_deliveries_due_idx" ON "webhook_deliveries" USING btree ("next_attempt_at") WHERE "webhook_deliveries"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "webhook_delivery_attempts_delivery_idx" ON "webhook_delivery_attempts" USING btree ("delivery_id","attempted_at");