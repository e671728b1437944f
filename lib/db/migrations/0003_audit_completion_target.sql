-- A create learns its target's id only from Telnyx's answer, and an action learns its target's name the
-- same way: completing a row may fill target_id and target_label, but only where the intent left them
-- empty (or, for the label, where it held the bare id). Nothing already written can be changed.
CREATE OR REPLACE FUNCTION audit_events_guard() RETURNS trigger AS $$
BEGIN
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
