CREATE TABLE "access_review_items" (
	"review_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"org_user_id" text NOT NULL,
	"email" text NOT NULL,
	"flags" jsonb NOT NULL,
	"decision" text,
	"reason" text,
	"decided_by" uuid,
	"decided_by_email" text,
	"decided_at" timestamp with time zone,
	"job_id" uuid,
	CONSTRAINT "access_review_items_review_id_position_pk" PRIMARY KEY("review_id","position"),
	CONSTRAINT "access_review_items_decision_check" CHECK ("access_review_items"."decision" is null or "access_review_items"."decision" in ('keep', 'remove'))
);
--> statement-breakpoint
CREATE TABLE "access_reviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"owner_staff_id" uuid NOT NULL,
	"due_date" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_at" timestamp with time zone,
	"closed_by" uuid,
	CONSTRAINT "access_reviews_status_check" CHECK ("access_reviews"."status" in ('open', 'closed'))
);
--> statement-breakpoint
ALTER TABLE "access_review_items" ADD CONSTRAINT "access_review_items_review_id_access_reviews_id_fk" FOREIGN KEY ("review_id") REFERENCES "public"."access_reviews"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "access_reviews" ADD CONSTRAINT "access_reviews_owner_staff_id_staff_id_fk" FOREIGN KEY ("owner_staff_id") REFERENCES "public"."staff"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "access_review_items_user_key" ON "access_review_items" USING btree ("review_id","org_user_id");--> statement-breakpoint
CREATE INDEX "access_reviews_created_at_idx" ON "access_reviews" USING btree ("created_at");