CREATE TABLE "sign_in_limits" (
	"key" text PRIMARY KEY NOT NULL,
	"points" integer DEFAULT 0 NOT NULL,
	"expire" timestamp with time zone
);
--> statement-breakpoint
DROP TABLE "sign_in_failures" CASCADE;--> statement-breakpoint
CREATE INDEX "sign_in_limits_expire_idx" ON "sign_in_limits" USING btree ("expire");--> statement-breakpoint
-- Failed sign-ins are aggregated: one auth.login_failed row per email, address and reason per 15-minute
-- window (its id is derived from those and the window number, lib/db/sign-in-failure-audit.ts), counting
-- attempts in request_summary. This widens the append/complete-only rule by exactly that much: for 15
-- minutes after it was written (the longest a window lasts), only its attempt count may grow (and its
-- last-attempt time move); everything else, and every other row, stays as 0001/0003 guard it.
CREATE OR REPLACE FUNCTION audit_events_guard() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND OLD.action = 'auth.login_failed' AND OLD.completed_at IS NOT NULL
    AND OLD.occurred_at > now() - interval '901 seconds' THEN
    IF NEW.id IS NOT DISTINCT FROM OLD.id
      AND NEW.occurred_at IS NOT DISTINCT FROM OLD.occurred_at
      AND NEW.completed_at IS NOT DISTINCT FROM OLD.completed_at
      AND NEW.actor_id IS NOT DISTINCT FROM OLD.actor_id
      AND NEW.actor_email IS NOT DISTINCT FROM OLD.actor_email
      AND NEW.actor_role IS NOT DISTINCT FROM OLD.actor_role
      AND NEW.action IS NOT DISTINCT FROM OLD.action
      AND NEW.target_type IS NOT DISTINCT FROM OLD.target_type
      AND NEW.target_id IS NOT DISTINCT FROM OLD.target_id
      AND NEW.target_label IS NOT DISTINCT FROM OLD.target_label
      AND NEW.reason IS NOT DISTINCT FROM OLD.reason
      AND NEW.outcome IS NOT DISTINCT FROM OLD.outcome
      AND NEW.upstream_status IS NOT DISTINCT FROM OLD.upstream_status
      AND NEW.error_code IS NOT DISTINCT FROM OLD.error_code
      AND NEW.request_id IS NOT DISTINCT FROM OLD.request_id
      AND NEW.client_ip IS NOT DISTINCT FROM OLD.client_ip
      AND NEW.user_agent IS NOT DISTINCT FROM OLD.user_agent
      AND (NEW.request_summary - 'attempts' - 'lastAttemptAt')
        IS NOT DISTINCT FROM (OLD.request_summary - 'attempts' - 'lastAttemptAt')
      AND (NEW.request_summary ->> 'attempts')::int > coalesce((OLD.request_summary ->> 'attempts')::int, 1) THEN
      RETURN NEW;
    END IF;
    RAISE EXCEPTION 'only the attempt count of audit_events row % may change', OLD.id;
  END IF;
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'audit_events rows cannot be deleted';
  END IF;
  IF OLD.completed_at IS NOT NULL OR OLD.outcome NOT IN ('pending', 'unknown') THEN
    RAISE EXCEPTION 'audit_events row % is already completed', OLD.id;
  END IF;
  IF (OLD.target_id IS NOT NULL AND NEW.target_id IS DISTINCT FROM OLD.target_id)
    OR (OLD.target_label IS NOT NULL AND OLD.target_label IS DISTINCT FROM OLD.target_id
        AND NEW.target_label IS DISTINCT FROM OLD.target_label) THEN
    RAISE EXCEPTION 'the target of audit_events row % is already recorded', OLD.id;
  END IF;
  IF NEW.id IS DISTINCT FROM OLD.id
    OR NEW.occurred_at IS DISTINCT FROM OLD.occurred_at
    OR NEW.actor_id IS DISTINCT FROM OLD.actor_id
    OR NEW.actor_email IS DISTINCT FROM OLD.actor_email
    OR NEW.actor_role IS DISTINCT FROM OLD.actor_role
    OR NEW.action IS DISTINCT FROM OLD.action
    OR NEW.target_type IS DISTINCT FROM OLD.target_type
    OR NEW.reason IS DISTINCT FROM OLD.reason
    OR NEW.request_summary IS DISTINCT FROM OLD.request_summary
    OR NEW.request_id IS DISTINCT FROM OLD.request_id
    OR NEW.client_ip IS DISTINCT FROM OLD.client_ip
    OR NEW.user_agent IS DISTINCT FROM OLD.user_agent THEN
    RAISE EXCEPTION 'only the outcome and a missing target of audit_events row % may change', OLD.id;
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
