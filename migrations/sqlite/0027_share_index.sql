-- The accounts list sorted by share of wallet, largest first (issue 13): the
-- page's rows come from an index on the list's own sort expression, walked
-- backwards, instead of computing and sorting 10,000 accounts' shares per
-- request. The expression must stay exactly the one in `AccountSort::key`.
CREATE INDEX accounts_org_share ON accounts (org_id, (CASE WHEN total_spend > 0 AND current_revenue IS NOT NULL THEN current_revenue / total_spend END));
