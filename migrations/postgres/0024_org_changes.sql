-- Every change in an organisation leaves a row in `org_changes` (issue 18).
-- A page or API answer that shows the organisation's data derives its ETag
-- from the organisation's latest change and the number of changes kept, so
-- an unchanged plan answers `If-None-Match` with 304 without being rendered,
-- and the portfolio's ranking is computed once per change, not per request.
-- The rows come from triggers on every table that carries `org_id`, so no
-- write path can forget them. Only inserts: concurrent writers never wait on
-- each other for it. The hourly purge keeps the latest row per organisation.
-- A new table with `org_id` gets the same triggers in its own migration.
-- The SQLite flavour in ../sqlite must stay equivalent.
CREATE TABLE org_changes (
    id      BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    org_id  BIGINT NOT NULL
);
CREATE INDEX org_changes_org ON org_changes (org_id, id);

CREATE FUNCTION keyplan_org_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        INSERT INTO org_changes (org_id) VALUES (OLD.org_id);
    ELSE
        INSERT INTO org_changes (org_id) VALUES (NEW.org_id);
    END IF;
    RETURN NULL;
END
$$;

CREATE FUNCTION keyplan_organisation_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO org_changes (org_id) VALUES (NEW.id);
    RETURN NULL;
END
$$;

CREATE TRIGGER account_team_changed AFTER INSERT OR UPDATE OR DELETE ON account_team FOR EACH ROW EXECUTE FUNCTION keyplan_org_changed();
CREATE TRIGGER accounts_changed AFTER INSERT OR UPDATE OR DELETE ON accounts FOR EACH ROW EXECUTE FUNCTION keyplan_org_changed();
CREATE TRIGGER activity_changed AFTER INSERT OR UPDATE OR DELETE ON activity FOR EACH ROW EXECUTE FUNCTION keyplan_org_changed();
CREATE TRIGGER business_units_changed AFTER INSERT OR UPDATE OR DELETE ON business_units FOR EACH ROW EXECUTE FUNCTION keyplan_org_changed();
CREATE TRIGGER calendar_feeds_changed AFTER INSERT OR UPDATE OR DELETE ON calendar_feeds FOR EACH ROW EXECUTE FUNCTION keyplan_org_changed();
CREATE TRIGGER coach_rules_changed AFTER INSERT OR UPDATE OR DELETE ON coach_rules FOR EACH ROW EXECUTE FUNCTION keyplan_org_changed();
CREATE TRIGGER comments_changed AFTER INSERT OR UPDATE OR DELETE ON comments FOR EACH ROW EXECUTE FUNCTION keyplan_org_changed();
CREATE TRIGGER committee_participants_changed AFTER INSERT OR UPDATE OR DELETE ON committee_participants FOR EACH ROW EXECUTE FUNCTION keyplan_org_changed();
CREATE TRIGGER committee_plans_changed AFTER INSERT OR UPDATE OR DELETE ON committee_plans FOR EACH ROW EXECUTE FUNCTION keyplan_org_changed();
CREATE TRIGGER committees_changed AFTER INSERT OR UPDATE OR DELETE ON committees FOR EACH ROW EXECUTE FUNCTION keyplan_org_changed();
CREATE TRIGGER contacts_changed AFTER INSERT OR UPDATE OR DELETE ON contacts FOR EACH ROW EXECUTE FUNCTION keyplan_org_changed();
CREATE TRIGGER crm_uploads_changed AFTER INSERT OR UPDATE OR DELETE ON crm_uploads FOR EACH ROW EXECUTE FUNCTION keyplan_org_changed();
CREATE TRIGGER customer_comments_changed AFTER INSERT OR UPDATE OR DELETE ON customer_comments FOR EACH ROW EXECUTE FUNCTION keyplan_org_changed();
CREATE TRIGGER goal_links_changed AFTER INSERT OR UPDATE OR DELETE ON goal_links FOR EACH ROW EXECUTE FUNCTION keyplan_org_changed();
CREATE TRIGGER joint_commitments_changed AFTER INSERT OR UPDATE OR DELETE ON joint_commitments FOR EACH ROW EXECUTE FUNCTION keyplan_org_changed();
CREATE TRIGGER kpi_actuals_changed AFTER INSERT OR UPDATE OR DELETE ON kpi_actuals FOR EACH ROW EXECUTE FUNCTION keyplan_org_changed();
CREATE TRIGGER kpis_changed AFTER INSERT OR UPDATE OR DELETE ON kpis FOR EACH ROW EXECUTE FUNCTION keyplan_org_changed();
CREATE TRIGGER meeting_items_changed AFTER INSERT OR UPDATE OR DELETE ON meeting_items FOR EACH ROW EXECUTE FUNCTION keyplan_org_changed();
CREATE TRIGGER meeting_plans_changed AFTER INSERT OR UPDATE OR DELETE ON meeting_plans FOR EACH ROW EXECUTE FUNCTION keyplan_org_changed();
CREATE TRIGGER meetings_changed AFTER INSERT OR UPDATE OR DELETE ON meetings FOR EACH ROW EXECUTE FUNCTION keyplan_org_changed();
CREATE TRIGGER nodes_changed AFTER INSERT OR UPDATE OR DELETE ON nodes FOR EACH ROW EXECUTE FUNCTION keyplan_org_changed();
CREATE TRIGGER notifications_changed AFTER INSERT OR UPDATE OR DELETE ON notifications FOR EACH ROW EXECUTE FUNCTION keyplan_org_changed();
CREATE TRIGGER offerings_changed AFTER INSERT OR UPDATE OR DELETE ON offerings FOR EACH ROW EXECUTE FUNCTION keyplan_org_changed();
CREATE TRIGGER opportunities_changed AFTER INSERT OR UPDATE OR DELETE ON opportunities FOR EACH ROW EXECUTE FUNCTION keyplan_org_changed();
CREATE TRIGGER plan_coach_marks_changed AFTER INSERT OR UPDATE OR DELETE ON plan_coach_marks FOR EACH ROW EXECUTE FUNCTION keyplan_org_changed();
CREATE TRIGGER plan_items_changed AFTER INSERT OR UPDATE OR DELETE ON plan_items FOR EACH ROW EXECUTE FUNCTION keyplan_org_changed();
CREATE TRIGGER plan_limit_exceptions_changed AFTER INSERT OR UPDATE OR DELETE ON plan_limit_exceptions FOR EACH ROW EXECUTE FUNCTION keyplan_org_changed();
CREATE TRIGGER plan_ratings_changed AFTER INSERT OR UPDATE OR DELETE ON plan_ratings FOR EACH ROW EXECUTE FUNCTION keyplan_org_changed();
CREATE TRIGGER plan_sections_changed AFTER INSERT OR UPDATE OR DELETE ON plan_sections FOR EACH ROW EXECUTE FUNCTION keyplan_org_changed();
CREATE TRIGGER plan_snapshots_changed AFTER INSERT OR UPDATE OR DELETE ON plan_snapshots FOR EACH ROW EXECUTE FUNCTION keyplan_org_changed();
CREATE TRIGGER plan_update_reminders_changed AFTER INSERT OR UPDATE OR DELETE ON plan_update_reminders FOR EACH ROW EXECUTE FUNCTION keyplan_org_changed();
CREATE TRIGGER plans_changed AFTER INSERT OR UPDATE OR DELETE ON plans FOR EACH ROW EXECUTE FUNCTION keyplan_org_changed();
CREATE TRIGGER review_participants_changed AFTER INSERT OR UPDATE OR DELETE ON review_participants FOR EACH ROW EXECUTE FUNCTION keyplan_org_changed();
CREATE TRIGGER reviews_changed AFTER INSERT OR UPDATE OR DELETE ON reviews FOR EACH ROW EXECUTE FUNCTION keyplan_org_changed();
CREATE TRIGGER share_link_actions_changed AFTER INSERT OR UPDATE OR DELETE ON share_link_actions FOR EACH ROW EXECUTE FUNCTION keyplan_org_changed();
CREATE TRIGGER share_link_openings_changed AFTER INSERT OR UPDATE OR DELETE ON share_link_openings FOR EACH ROW EXECUTE FUNCTION keyplan_org_changed();
CREATE TRIGGER share_links_changed AFTER INSERT OR UPDATE OR DELETE ON share_links FOR EACH ROW EXECUTE FUNCTION keyplan_org_changed();
CREATE TRIGGER template_versions_changed AFTER INSERT OR UPDATE OR DELETE ON template_versions FOR EACH ROW EXECUTE FUNCTION keyplan_org_changed();
CREATE TRIGGER templates_changed AFTER INSERT OR UPDATE OR DELETE ON templates FOR EACH ROW EXECUTE FUNCTION keyplan_org_changed();
CREATE TRIGGER users_changed AFTER INSERT OR UPDATE OR DELETE ON users FOR EACH ROW EXECUTE FUNCTION keyplan_org_changed();
CREATE TRIGGER whitespace_cells_changed AFTER INSERT OR UPDATE OR DELETE ON whitespace_cells FOR EACH ROW EXECUTE FUNCTION keyplan_org_changed();
CREATE TRIGGER organisations_changed AFTER UPDATE ON organisations FOR EACH ROW EXECUTE FUNCTION keyplan_organisation_changed();
