-- Every change in an organisation leaves a row in `org_changes` (issue 18).
-- A page or API answer that shows the organisation's data derives its ETag
-- from the organisation's latest change and the number of changes kept, so
-- an unchanged plan answers `If-None-Match` with 304 without being rendered,
-- and the portfolio's ranking is computed once per change, not per request.
-- The rows come from triggers on every table that carries `org_id`, so no
-- write path can forget them. Only inserts: concurrent writers never wait on
-- each other for it. The hourly purge keeps the latest row per organisation.
-- A new table with `org_id` gets the same triggers in its own migration.
-- The PostgreSQL flavour in ../postgres must stay equivalent.
CREATE TABLE org_changes (
    id      INTEGER PRIMARY KEY,
    org_id  INTEGER NOT NULL
);
CREATE INDEX org_changes_org ON org_changes (org_id, id);
CREATE TRIGGER account_team_insert_changed AFTER INSERT ON account_team BEGIN INSERT INTO org_changes (org_id) VALUES (NEW.org_id); END;
CREATE TRIGGER account_team_update_changed AFTER UPDATE ON account_team BEGIN INSERT INTO org_changes (org_id) VALUES (NEW.org_id); END;
CREATE TRIGGER account_team_delete_changed AFTER DELETE ON account_team BEGIN INSERT INTO org_changes (org_id) VALUES (OLD.org_id); END;
CREATE TRIGGER accounts_insert_changed AFTER INSERT ON accounts BEGIN INSERT INTO org_changes (org_id) VALUES (NEW.org_id); END;
CREATE TRIGGER accounts_update_changed AFTER UPDATE ON accounts BEGIN INSERT INTO org_changes (org_id) VALUES (NEW.org_id); END;
CREATE TRIGGER accounts_delete_changed AFTER DELETE ON accounts BEGIN INSERT INTO org_changes (org_id) VALUES (OLD.org_id); END;
CREATE TRIGGER activity_insert_changed AFTER INSERT ON activity BEGIN INSERT INTO org_changes (org_id) VALUES (NEW.org_id); END;
CREATE TRIGGER activity_update_changed AFTER UPDATE ON activity BEGIN INSERT INTO org_changes (org_id) VALUES (NEW.org_id); END;
CREATE TRIGGER activity_delete_changed AFTER DELETE ON activity BEGIN INSERT INTO org_changes (org_id) VALUES (OLD.org_id); END;
CREATE TRIGGER business_units_insert_changed AFTER INSERT ON business_units BEGIN INSERT INTO org_changes (org_id) VALUES (NEW.org_id); END;
CREATE TRIGGER business_units_update_changed AFTER UPDATE ON business_units BEGIN INSERT INTO org_changes (org_id) VALUES (NEW.org_id); END;
CREATE TRIGGER business_units_delete_changed AFTER DELETE ON business_units BEGIN INSERT INTO org_changes (org_id) VALUES (OLD.org_id); END;
CREATE TRIGGER calendar_feeds_insert_changed AFTER INSERT ON calendar_feeds BEGIN INSERT INTO org_changes (org_id) VALUES (NEW.org_id); END;
CREATE TRIGGER calendar_feeds_update_changed AFTER UPDATE ON calendar_feeds BEGIN INSERT INTO org_changes (org_id) VALUES (NEW.org_id); END;
CREATE TRIGGER calendar_feeds_delete_changed AFTER DELETE ON calendar_feeds BEGIN INSERT INTO org_changes (org_id) VALUES (OLD.org_id); END;
CREATE TRIGGER coach_rules_insert_changed AFTER INSERT ON coach_rules BEGIN INSERT INTO org_changes (org_id) VALUES (NEW.org_id); END;
CREATE TRIGGER coach_rules_update_changed AFTER UPDATE ON coach_rules BEGIN INSERT INTO org_changes (org_id) VALUES (NEW.org_id); END;
CREATE TRIGGER coach_rules_delete_changed AFTER DELETE ON coach_rules BEGIN INSERT INTO org_changes (org_id) VALUES (OLD.org_id); END;
CREATE TRIGGER comments_insert_changed AFTER INSERT ON comments BEGIN INSERT INTO org_changes (org_id) VALUES (NEW.org_id); END;
CREATE TRIGGER comments_update_changed AFTER UPDATE ON comments BEGIN INSERT INTO org_changes (org_id) VALUES (NEW.org_id); END;
CREATE TRIGGER comments_delete_changed AFTER DELETE ON comments BEGIN INSERT INTO org_changes (org_id) VALUES (OLD.org_id); END;
CREATE TRIGGER committee_participants_insert_changed AFTER INSERT ON committee_participants BEGIN INSERT INTO org_changes (org_id) VALUES (NEW.org_id); END;
CREATE TRIGGER committee_participants_update_changed AFTER UPDATE ON committee_participants BEGIN INSERT INTO org_changes (org_id) VALUES (NEW.org_id); END;
CREATE TRIGGER committee_participants_delete_changed AFTER DELETE ON committee_participants BEGIN INSERT INTO org_changes (org_id) VALUES (OLD.org_id); END;
CREATE TRIGGER committee_plans_insert_changed AFTER INSERT ON committee_plans BEGIN INSERT INTO org_changes (org_id) VALUES (NEW.org_id); END;
CREATE TRIGGER committee_plans_update_changed AFTER UPDATE ON committee_plans BEGIN INSERT INTO org_changes (org_id) VALUES (NEW.org_id); END;
CREATE TRIGGER committee_plans_delete_changed AFTER DELETE ON committee_plans BEGIN INSERT INTO org_changes (org_id) VALUES (OLD.org_id); END;
CREATE TRIGGER committees_insert_changed AFTER INSERT ON committees BEGIN INSERT INTO org_changes (org_id) VALUES (NEW.org_id); END;
CREATE TRIGGER committees_update_changed AFTER UPDATE ON committees BEGIN INSERT INTO org_changes (org_id) VALUES (NEW.org_id); END;
CREATE TRIGGER committees_delete_changed AFTER DELETE ON committees BEGIN INSERT INTO org_changes (org_id) VALUES (OLD.org_id); END;
CREATE TRIGGER contacts_insert_changed AFTER INSERT ON contacts BEGIN INSERT INTO org_changes (org_id) VALUES (NEW.org_id); END;
CREATE TRIGGER contacts_update_changed AFTER UPDATE ON contacts BEGIN INSERT INTO org_changes (org_id) VALUES (NEW.org_id); END;
CREATE TRIGGER contacts_delete_changed AFTER DELETE ON contacts BEGIN INSERT INTO org_changes (org_id) VALUES (OLD.org_id); END;
CREATE TRIGGER crm_uploads_insert_changed AFTER INSERT ON crm_uploads BEGIN INSERT INTO org_changes (org_id) VALUES (NEW.org_id); END;
CREATE TRIGGER crm_uploads_update_changed AFTER UPDATE ON crm_uploads BEGIN INSERT INTO org_changes (org_id) VALUES (NEW.org_id); END;
CREATE TRIGGER crm_uploads_delete_changed AFTER DELETE ON crm_uploads BEGIN INSERT INTO org_changes (org_id) VALUES (OLD.org_id); END;
CREATE TRIGGER customer_comments_insert_changed AFTER INSERT ON customer_comments BEGIN INSERT INTO org_changes (org_id) VALUES (NEW.org_id); END;
CREATE TRIGGER customer_comments_update_changed AFTER UPDATE ON customer_comments BEGIN INSERT INTO org_changes (org_id) VALUES (NEW.org_id); END;
CREATE TRIGGER customer_comments_delete_changed AFTER DELETE ON customer_comments BEGIN INSERT INTO org_changes (org_id) VALUES (OLD.org_id); END;
CREATE TRIGGER goal_links_insert_changed AFTER INSERT ON goal_links BEGIN INSERT INTO org_changes (org_id) VALUES (NEW.org_id); END;
CREATE TRIGGER goal_links_update_changed AFTER UPDATE ON goal_links BEGIN INSERT INTO org_changes (org_id) VALUES (NEW.org_id); END;
CREATE TRIGGER goal_links_delete_changed AFTER DELETE ON goal_links BEGIN INSERT INTO org_changes (org_id) VALUES (OLD.org_id); END;
CREATE TRIGGER joint_commitments_insert_changed AFTER INSERT ON joint_commitments BEGIN INSERT INTO org_changes (org_id) VALUES (NEW.org_id); END;
CREATE TRIGGER joint_commitments_update_changed AFTER UPDATE ON joint_commitments BEGIN INSERT INTO org_changes (org_id) VALUES (NEW.org_id); END;
CREATE TRIGGER joint_commitments_delete_changed AFTER DELETE ON joint_commitments BEGIN INSERT INTO org_changes (org_id) VALUES (OLD.org_id); END;
CREATE TRIGGER kpi_actuals_insert_changed AFTER INSERT ON kpi_actuals BEGIN INSERT INTO org_changes (org_id) VALUES (NEW.org_id); END;
CREATE TRIGGER kpi_actuals_update_changed AFTER UPDATE ON kpi_actuals BEGIN INSERT INTO org_changes (org_id) VALUES (NEW.org_id); END;
CREATE TRIGGER kpi_actuals_delete_changed AFTER DELETE ON kpi_actuals BEGIN INSERT INTO org_changes (org_id) VALUES (OLD.org_id); END;
CREATE TRIGGER kpis_insert_changed AFTER INSERT ON kpis BEGIN INSERT INTO org_changes (org_id) VALUES (NEW.org_id); END;
CREATE TRIGGER kpis_update_changed AFTER UPDATE ON kpis BEGIN INSERT INTO org_changes (org_id) VALUES (NEW.org_id); END;
CREATE TRIGGER kpis_delete_changed AFTER DELETE ON kpis BEGIN INSERT INTO org_changes (org_id) VALUES (OLD.org_id); END;
CREATE TRIGGER meeting_items_insert_changed AFTER INSERT ON meeting_items BEGIN INSERT INTO org_changes (org_id) VALUES (NEW.org_id); END;
CREATE TRIGGER meeting_items_update_changed AFTER UPDATE ON meeting_items BEGIN INSERT INTO org_changes (org_id) VALUES (NEW.org_id); END;
CREATE TRIGGER meeting_items_delete_changed AFTER DELETE ON meeting_items BEGIN INSERT INTO org_changes (org_id) VALUES (OLD.org_id); END;
CREATE TRIGGER meeting_plans_insert_changed AFTER INSERT ON meeting_plans BEGIN INSERT INTO org_changes (org_id) VALUES (NEW.org_id); END;
CREATE TRIGGER meeting_plans_update_changed AFTER UPDATE ON meeting_plans BEGIN INSERT INTO org_changes (org_id) VALUES (NEW.org_id); END;
CREATE TRIGGER meeting_plans_delete_changed AFTER DELETE ON meeting_plans BEGIN INSERT INTO org_changes (org_id) VALUES (OLD.org_id); END;
CREATE TRIGGER meetings_insert_changed AFTER INSERT ON meetings BEGIN INSERT INTO org_changes (org_id) VALUES (NEW.org_id); END;
CREATE TRIGGER meetings_update_changed AFTER UPDATE ON meetings BEGIN INSERT INTO org_changes (org_id) VALUES (NEW.org_id); END;
CREATE TRIGGER meetings_delete_changed AFTER DELETE ON meetings BEGIN INSERT INTO org_changes (org_id) VALUES (OLD.org_id); END;
CREATE TRIGGER nodes_insert_changed AFTER INSERT ON nodes BEGIN INSERT INTO org_changes (org_id) VALUES (NEW.org_id); END;
CREATE TRIGGER nodes_update_changed AFTER UPDATE ON nodes BEGIN INSERT INTO org_changes (org_id) VALUES (NEW.org_id); END;
CREATE TRIGGER nodes_delete_changed AFTER DELETE ON nodes BEGIN INSERT INTO org_changes (org_id) VALUES (OLD.org_id); END;
CREATE TRIGGER notifications_insert_changed AFTER INSERT ON notifications BEGIN INSERT INTO org_changes (org_id) VALUES (NEW.org_id); END;
CREATE TRIGGER notifications_update_changed AFTER UPDATE ON notifications BEGIN INSERT INTO org_changes (org_id) VALUES (NEW.org_id); END;
CREATE TRIGGER notifications_delete_changed AFTER DELETE ON notifications BEGIN INSERT INTO org_changes (org_id) VALUES (OLD.org_id); END;
CREATE TRIGGER offerings_insert_changed AFTER INSERT ON offerings BEGIN INSERT INTO org_changes (org_id) VALUES (NEW.org_id); END;
CREATE TRIGGER offerings_update_changed AFTER UPDATE ON offerings BEGIN INSERT INTO org_changes (org_id) VALUES (NEW.org_id); END;
CREATE TRIGGER offerings_delete_changed AFTER DELETE ON offerings BEGIN INSERT INTO org_changes (org_id) VALUES (OLD.org_id); END;
CREATE TRIGGER opportunities_insert_changed AFTER INSERT ON opportunities BEGIN INSERT INTO org_changes (org_id) VALUES (NEW.org_id); END;
CREATE TRIGGER opportunities_update_changed AFTER UPDATE ON opportunities BEGIN INSERT INTO org_changes (org_id) VALUES (NEW.org_id); END;
CREATE TRIGGER opportunities_delete_changed AFTER DELETE ON opportunities BEGIN INSERT INTO org_changes (org_id) VALUES (OLD.org_id); END;
CREATE TRIGGER plan_coach_marks_insert_changed AFTER INSERT ON plan_coach_marks BEGIN INSERT INTO org_changes (org_id) VALUES (NEW.org_id); END;
CREATE TRIGGER plan_coach_marks_update_changed AFTER UPDATE ON plan_coach_marks BEGIN INSERT INTO org_changes (org_id) VALUES (NEW.org_id); END;
CREATE TRIGGER plan_coach_marks_delete_changed AFTER DELETE ON plan_coach_marks BEGIN INSERT INTO org_changes (org_id) VALUES (OLD.org_id); END;
CREATE TRIGGER plan_items_insert_changed AFTER INSERT ON plan_items BEGIN INSERT INTO org_changes (org_id) VALUES (NEW.org_id); END;
CREATE TRIGGER plan_items_update_changed AFTER UPDATE ON plan_items BEGIN INSERT INTO org_changes (org_id) VALUES (NEW.org_id); END;
CREATE TRIGGER plan_items_delete_changed AFTER DELETE ON plan_items BEGIN INSERT INTO org_changes (org_id) VALUES (OLD.org_id); END;
CREATE TRIGGER plan_limit_exceptions_insert_changed AFTER INSERT ON plan_limit_exceptions BEGIN INSERT INTO org_changes (org_id) VALUES (NEW.org_id); END;
CREATE TRIGGER plan_limit_exceptions_update_changed AFTER UPDATE ON plan_limit_exceptions BEGIN INSERT INTO org_changes (org_id) VALUES (NEW.org_id); END;
CREATE TRIGGER plan_limit_exceptions_delete_changed AFTER DELETE ON plan_limit_exceptions BEGIN INSERT INTO org_changes (org_id) VALUES (OLD.org_id); END;
CREATE TRIGGER plan_ratings_insert_changed AFTER INSERT ON plan_ratings BEGIN INSERT INTO org_changes (org_id) VALUES (NEW.org_id); END;
CREATE TRIGGER plan_ratings_update_changed AFTER UPDATE ON plan_ratings BEGIN INSERT INTO org_changes (org_id) VALUES (NEW.org_id); END;
CREATE TRIGGER plan_ratings_delete_changed AFTER DELETE ON plan_ratings BEGIN INSERT INTO org_changes (org_id) VALUES (OLD.org_id); END;
CREATE TRIGGER plan_sections_insert_changed AFTER INSERT ON plan_sections BEGIN INSERT INTO org_changes (org_id) VALUES (NEW.org_id); END;
CREATE TRIGGER plan_sections_update_changed AFTER UPDATE ON plan_sections BEGIN INSERT INTO org_changes (org_id) VALUES (NEW.org_id); END;
CREATE TRIGGER plan_sections_delete_changed AFTER DELETE ON plan_sections BEGIN INSERT INTO org_changes (org_id) VALUES (OLD.org_id); END;
CREATE TRIGGER plan_snapshots_insert_changed AFTER INSERT ON plan_snapshots BEGIN INSERT INTO org_changes (org_id) VALUES (NEW.org_id); END;
CREATE TRIGGER plan_snapshots_update_changed AFTER UPDATE ON plan_snapshots BEGIN INSERT INTO org_changes (org_id) VALUES (NEW.org_id); END;
CREATE TRIGGER plan_snapshots_delete_changed AFTER DELETE ON plan_snapshots BEGIN INSERT INTO org_changes (org_id) VALUES (OLD.org_id); END;
CREATE TRIGGER plan_update_reminders_insert_changed AFTER INSERT ON plan_update_reminders BEGIN INSERT INTO org_changes (org_id) VALUES (NEW.org_id); END;
CREATE TRIGGER plan_update_reminders_update_changed AFTER UPDATE ON plan_update_reminders BEGIN INSERT INTO org_changes (org_id) VALUES (NEW.org_id); END;
CREATE TRIGGER plan_update_reminders_delete_changed AFTER DELETE ON plan_update_reminders BEGIN INSERT INTO org_changes (org_id) VALUES (OLD.org_id); END;
CREATE TRIGGER plans_insert_changed AFTER INSERT ON plans BEGIN INSERT INTO org_changes (org_id) VALUES (NEW.org_id); END;
CREATE TRIGGER plans_update_changed AFTER UPDATE ON plans BEGIN INSERT INTO org_changes (org_id) VALUES (NEW.org_id); END;
CREATE TRIGGER plans_delete_changed AFTER DELETE ON plans BEGIN INSERT INTO org_changes (org_id) VALUES (OLD.org_id); END;
CREATE TRIGGER review_participants_insert_changed AFTER INSERT ON review_participants BEGIN INSERT INTO org_changes (org_id) VALUES (NEW.org_id); END;
CREATE TRIGGER review_participants_update_changed AFTER UPDATE ON review_participants BEGIN INSERT INTO org_changes (org_id) VALUES (NEW.org_id); END;
CREATE TRIGGER review_participants_delete_changed AFTER DELETE ON review_participants BEGIN INSERT INTO org_changes (org_id) VALUES (OLD.org_id); END;
CREATE TRIGGER reviews_insert_changed AFTER INSERT ON reviews BEGIN INSERT INTO org_changes (org_id) VALUES (NEW.org_id); END;
CREATE TRIGGER reviews_update_changed AFTER UPDATE ON reviews BEGIN INSERT INTO org_changes (org_id) VALUES (NEW.org_id); END;
CREATE TRIGGER reviews_delete_changed AFTER DELETE ON reviews BEGIN INSERT INTO org_changes (org_id) VALUES (OLD.org_id); END;
CREATE TRIGGER share_link_actions_insert_changed AFTER INSERT ON share_link_actions BEGIN INSERT INTO org_changes (org_id) VALUES (NEW.org_id); END;
CREATE TRIGGER share_link_actions_update_changed AFTER UPDATE ON share_link_actions BEGIN INSERT INTO org_changes (org_id) VALUES (NEW.org_id); END;
CREATE TRIGGER share_link_actions_delete_changed AFTER DELETE ON share_link_actions BEGIN INSERT INTO org_changes (org_id) VALUES (OLD.org_id); END;
CREATE TRIGGER share_link_openings_insert_changed AFTER INSERT ON share_link_openings BEGIN INSERT INTO org_changes (org_id) VALUES (NEW.org_id); END;
CREATE TRIGGER share_link_openings_update_changed AFTER UPDATE ON share_link_openings BEGIN INSERT INTO org_changes (org_id) VALUES (NEW.org_id); END;
CREATE TRIGGER share_link_openings_delete_changed AFTER DELETE ON share_link_openings BEGIN INSERT INTO org_changes (org_id) VALUES (OLD.org_id); END;
CREATE TRIGGER share_links_insert_changed AFTER INSERT ON share_links BEGIN INSERT INTO org_changes (org_id) VALUES (NEW.org_id); END;
CREATE TRIGGER share_links_update_changed AFTER UPDATE ON share_links BEGIN INSERT INTO org_changes (org_id) VALUES (NEW.org_id); END;
CREATE TRIGGER share_links_delete_changed AFTER DELETE ON share_links BEGIN INSERT INTO org_changes (org_id) VALUES (OLD.org_id); END;
CREATE TRIGGER template_versions_insert_changed AFTER INSERT ON template_versions BEGIN INSERT INTO org_changes (org_id) VALUES (NEW.org_id); END;
CREATE TRIGGER template_versions_update_changed AFTER UPDATE ON template_versions BEGIN INSERT INTO org_changes (org_id) VALUES (NEW.org_id); END;
CREATE TRIGGER template_versions_delete_changed AFTER DELETE ON template_versions BEGIN INSERT INTO org_changes (org_id) VALUES (OLD.org_id); END;
CREATE TRIGGER templates_insert_changed AFTER INSERT ON templates BEGIN INSERT INTO org_changes (org_id) VALUES (NEW.org_id); END;
CREATE TRIGGER templates_update_changed AFTER UPDATE ON templates BEGIN INSERT INTO org_changes (org_id) VALUES (NEW.org_id); END;
CREATE TRIGGER templates_delete_changed AFTER DELETE ON templates BEGIN INSERT INTO org_changes (org_id) VALUES (OLD.org_id); END;
CREATE TRIGGER users_insert_changed AFTER INSERT ON users BEGIN INSERT INTO org_changes (org_id) VALUES (NEW.org_id); END;
CREATE TRIGGER users_update_changed AFTER UPDATE ON users BEGIN INSERT INTO org_changes (org_id) VALUES (NEW.org_id); END;
CREATE TRIGGER users_delete_changed AFTER DELETE ON users BEGIN INSERT INTO org_changes (org_id) VALUES (OLD.org_id); END;
CREATE TRIGGER whitespace_cells_insert_changed AFTER INSERT ON whitespace_cells BEGIN INSERT INTO org_changes (org_id) VALUES (NEW.org_id); END;
CREATE TRIGGER whitespace_cells_update_changed AFTER UPDATE ON whitespace_cells BEGIN INSERT INTO org_changes (org_id) VALUES (NEW.org_id); END;
CREATE TRIGGER whitespace_cells_delete_changed AFTER DELETE ON whitespace_cells BEGIN INSERT INTO org_changes (org_id) VALUES (OLD.org_id); END;
CREATE TRIGGER organisations_changed AFTER UPDATE ON organisations BEGIN INSERT INTO org_changes (org_id) VALUES (NEW.id); END;
