-- The audit trail is append/complete only, enforced by the database itself so that no code path
-- (and no future bug) can rewrite history: a row may change only while it has no completion time,
-- only in its outcome columns, and no row may ever be deleted.
CREATE OR REPLACE FUNCTION audit_events_guard() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'audit_events rows cannot be deleted';
  END IF;
  IF OLD.completed_at IS NOT NULL OR OLD.outcome NOT IN ('pending', 'unknown') THEN
    RAISE EXCEPTION 'audit_events row % is already completed', OLD.id;
  END IF;
  IF NEW.id IS DISTINCT FROM OLD.id
    OR NEW.occurred_at IS DISTINCT FROM OLD.occurred_at
    OR NEW.actor_id IS DISTINCT FROM OLD.actor_id
    OR NEW.actor_email IS DISTINCT FROM OLD.actor_email
    OR NEW.actor_role IS DISTINCT FROM OLD.actor_role
    OR NEW.action IS DISTINCT FROM OLD.action
    OR NEW.target_type IS DISTINCT FROM OLD.target_type
    OR NEW.target_id IS DISTINCT FROM OLD.target_id
    OR NEW.target_label IS DISTINCT FROM OLD.target_label
    OR NEW.reason IS DISTINCT FROM OLD.reason
    OR NEW.request_summary IS DISTINCT FROM OLD.request_summary
    OR NEW.request_id IS DISTINCT FROM OLD.request_id
    OR NEW.client_ip IS DISTINCT FROM OLD.client_ip
    OR NEW.user_agent IS DISTINCT FROM OLD.user_agent THEN
    RAISE EXCEPTION 'only the outcome of audit_events row % may change', OLD.id;
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
DROP TRIGGER IF EXISTS audit_events_guard ON audit_events;
--> statement-breakpoint
CREATE TRIGGER audit_events_guard BEFORE UPDATE OR DELETE ON audit_events
  FOR EACH ROW EXECUTE FUNCTION audit_events_guard();
