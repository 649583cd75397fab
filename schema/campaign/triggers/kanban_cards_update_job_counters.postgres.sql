CREATE TRIGGER kanban_cards_update_job_counters
AFTER INSERT OR DELETE OR UPDATE OF state, type, job_id ON kanban_cards
FOR EACH ROW
EXECUTE FUNCTION update_job_card_counters();
