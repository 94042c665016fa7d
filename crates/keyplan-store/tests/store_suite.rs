//! One storage test suite for both databases: every scenario runs once on a
//! fresh SQLite file (`sqlite_*`) and once on a fresh PostgreSQL database
//! (`postgres_*`, needs `KEYPLAN_TEST_PG`; see `common`).

#[macro_use]
#[allow(dead_code)]
mod common;
#[path = "store_suite/migrations.rs"]
mod migrations;
#[path = "store_suite/nodes.rs"]
mod nodes;
#[path = "store_suite/templates.rs"]
mod templates;
#[path = "store_suite/whitespace.rs"]
mod whitespace;

use common::{PASSWORD_HASH, TODAY, assert_conflict, assert_invalid, assert_not_found, assert_same, plan_input, user};
use keyplan_domain::account::{AccountData, AccountInput, GrowthTrend};
use keyplan_domain::contact::{Attitude, BuyingRole, ContactData, ContactInput};
use keyplan_domain::plan::{PlanData, PlanStatus, TEMPLATE_ONE_PAGE};
use keyplan_domain::tree::{Acceptance, CommitmentStatus, Node, NodeKind};
use keyplan_domain::{Lang, NodeId, OrgId, PlanId, Role, UserId};
use keyplan_store::{Account, AccountFilter, NewUser, NodeWrite, Plan, Store, User};
use time::macros::date;
use time::{Date, Duration, OffsetDateTime, UtcOffset};

on_both_databases! {
    orgs_and_users => sqlite_orgs_and_users, postgres_orgs_and_users;
    sessions_tokens_and_login_attempts => sqlite_sessions_tokens_and_login_attempts, postgres_sessions_tokens_and_login_attempts;
    user_language => sqlite_user_language, postgres_user_language;
    timestamps_compare_as_instants => sqlite_timestamps_compare_as_instants, postgres_timestamps_compare_as_instants;
    accounts_and_team => sqlite_accounts_and_team, postgres_accounts_and_team;
    contacts => sqlite_contacts, postgres_contacts;
    plans => sqlite_plans, postgres_plans;
    concurrent_writers => sqlite_concurrent_writers, postgres_concurrent_writers;
    concurrent_moves => sqlite_concurrent_moves, postgres_concurrent_moves;
}

// --- fixtures --------------------------------------------------------------------------------

fn account_input(name: &str) -> AccountData {
    AccountInput { name: name.into(), ..Default::default() }.validate().expect("valid account")
}

fn contact_input(name: &str) -> ContactData {
    ContactInput { name: name.into(), ..Default::default() }.validate().expect("valid contact")
}

fn commitment(title: &str, owner: UserId, author: UserId, acceptance: Acceptance, due: Option<Date>) -> NodeWrite {
    NodeWrite {
        owner_id: Some(owner),
        author_id: Some(author),
        acceptance: Some(acceptance),
        status: Some(CommitmentStatus::Open),
        due_date: due,
        ..NodeWrite::titled(title)
    }
}

/// A user called `name` with the e-mail `first.last@example.com`.
async fn account(store: &Store, org: OrgId, name: &str, owner: &User) -> Account {
    let data = AccountData { owner_id: Some(owner.id), ..account_input(name) };
    store.create_account(org, &data, owner.id).await.expect("create account")
}

async fn plan(store: &Store, org: OrgId, account: &Account, title: &str, actor: &User) -> Plan {
    store.create_plan(org, account.id, &plan_input(title), TEMPLATE_ONE_PAGE, actor.id).await.expect("create plan")
}

async fn node(store: &Store, org: OrgId, plan: PlanId, kind: NodeKind, parent: Option<&Node>, w: NodeWrite, actor: &User) -> Node {
    store.create_node(org, plan, kind, parent.map(|p| p.id), &w, actor.id).await.expect("create node")
}

/// Two organisations: Acme (Ann the KAM, Ben a team member, account Northwind
/// with a plan) and Globex (Gus, with an account and a plan of its own).
struct World {
    acme: OrgId,
    ann: User,
    ben: User,
    acct: Account,
    plan: Plan,
    globex: OrgId,
    gus: User,
    globex_acct: Account,
    globex_plan: Plan,
}

async fn world(store: &Store) -> World {
    let acme = store.ensure_org("Acme Sales").await.unwrap().id;
    let globex = store.ensure_org("Globex").await.unwrap().id;
    let ann = user(store, acme, "Ann Baker", Role::Kam).await;
    let ben = user(store, acme, "Ben Cole", Role::Member).await;
    let gus = user(store, globex, "Gus Dunn", Role::Kam).await;
    let acct = account(store, acme, "Northwind Traders", &ann).await;
    let plan = plan(store, acme, &acct, "FY26 Northwind", &ann).await;
    let globex_acct = account(store, globex, "Globex Customer", &gus).await;
    let globex_plan = self::plan(store, globex, &globex_acct, "FY26 Globex", &gus).await;
    World { acme, ann, ben, acct, plan, globex, gus, globex_acct, globex_plan }
}

fn ids(nodes: &[Node]) -> Vec<NodeId> {
    nodes.iter().map(|n| n.id).collect()
}

/// The children of `parent` in display order.
async fn children(store: &Store, org: OrgId, plan: PlanId, parent: &Node) -> Vec<NodeId> {
    let mut kids: Vec<Node> = store.nodes(org, plan).await.unwrap().into_iter().filter(|n| n.parent_id == Some(parent.id)).collect();
    kids.sort_by_key(|n| (n.position, n.id));
    ids(&kids)
}

// --- 2. organisations and users ----------------------------------------------------------------

async fn orgs_and_users(store: &Store) {
    let acme = store.ensure_org("Acme Sales").await.unwrap();
    assert_eq!(store.ensure_org("Acme Sales").await.unwrap().id, acme.id);
    let globex = store.ensure_org("Globex").await.unwrap();
    assert_ne!(globex.id, acme.id);
    assert_eq!(store.org_by_name("Globex").await.unwrap().map(|o| o.id), Some(globex.id));
    assert!(store.org_by_name("Initech").await.unwrap().is_none());
    assert_not_found(store.org(OrgId::new(globex.id.get() + 1000)).await);

    let zoe = user(store, acme.id, "Zoe Adams", Role::Admin).await;
    let ann = user(store, acme.id, "Ann Baker", Role::Kam).await;
    let gus = user(store, globex.id, "Gus Dunn", Role::Manager).await;
    assert_eq!(
        (ann.org_id, ann.email.as_str(), ann.role(), ann.active, ann.version),
        (acme.id, "ann.baker@example.com", Role::Kam, true, 1)
    );

    // E-mails are unique across all organisations (they are the sign-in name).
    let dup = NewUser { email: "ann.baker@example.com", name: "Other Ann", role: Role::Member, password_hash: "x" };
    assert_invalid(store.create_user(globex.id, dup).await, "email");
    assert_eq!(store.count_users().await.unwrap(), 3);

    let names = |users: Vec<User>| users.into_iter().map(|u| u.name).collect::<Vec<_>>();
    assert_eq!(names(store.list_users(acme.id).await.unwrap()), ["Ann Baker", "Zoe Adams"]);
    assert_eq!(names(store.list_users(globex.id).await.unwrap()), ["Gus Dunn"]);
    assert_not_found(store.user(globex.id, ann.id).await);
    let (found, hash) = store.user_for_login("ann.baker@example.com").await.unwrap().expect("sign-in user");
    assert_eq!((found.id, hash.as_str()), (ann.id, PASSWORD_HASH));
    assert_eq!(store.user_by_email("gus.dunn@example.com").await.unwrap().map(|u| u.id), Some(gus.id));
    assert!(store.user_by_email("nobody@example.com").await.unwrap().is_none());

    let ann2 = store.update_user(acme.id, ann.id, 1, "Ann Baker-Smith", Role::Manager, true).await.unwrap();
    assert_eq!((ann2.version, ann2.name.as_str(), ann2.role(), ann2.created_at), (2, "Ann Baker-Smith", Role::Manager, ann.created_at));
    // A stale version changes nothing.
    assert_conflict(store.update_user(acme.id, ann.id, 1, "Stale", Role::Viewer, false).await, 2);
    assert_same(&store.user(acme.id, ann.id).await.unwrap(), &ann2);
    // Another organisation cannot even see the user.
    assert_not_found(store.update_user(globex.id, ann.id, 2, "Hijacked", Role::Admin, true).await);
    assert_same(&store.user(acme.id, ann.id).await.unwrap(), &ann2);

    // Deactivating a user signs them out everywhere, and only them.
    let expires = OffsetDateTime::now_utc() + Duration::hours(8);
    store.create_session(ann.id, "ann-1", "csrf-a1", expires).await.unwrap();
    store.create_session(ann.id, "ann-2", "csrf-a2", expires).await.unwrap();
    store.create_session(zoe.id, "zoe-1", "csrf-z1", expires).await.unwrap();
    assert!(store.session_user("ann-1").await.unwrap().is_some());
    let off = store.update_user(acme.id, ann.id, 2, &ann2.name, Role::Manager, false).await.unwrap();
    assert!(!off.active);
    assert!(store.session_user("ann-1").await.unwrap().is_none());
    // The sessions are gone, not merely hidden: reactivating does not bring them back.
    let on = store.update_user(acme.id, ann.id, off.version, &off.name, Role::Manager, true).await.unwrap();
    assert_eq!((on.active, on.version), (true, 4));
    assert!(store.session_user("ann-1").await.unwrap().is_none());
    assert!(store.session_user("ann-2").await.unwrap().is_none());
    assert_eq!(store.session_user("zoe-1").await.unwrap().map(|s| s.user.id), Some(zoe.id));
}

// --- 3. sessions, API tokens, sign-in attempts -----------------------------------------------

async fn sessions_tokens_and_login_attempts(store: &Store) {
    let org = store.ensure_org("Acme Sales").await.unwrap();
    let ann = user(store, org.id, "Ann Baker", Role::Kam).await;
    let now = OffsetDateTime::now_utc();

    store.create_session(ann.id, "live", "csrf-live", now + Duration::hours(12)).await.unwrap();
    let s = store.session_user("live").await.unwrap().expect("live session");
    assert_eq!((s.user.id, s.user.email.as_str(), s.org_name.as_str()), (ann.id, "ann.baker@example.com", "Acme Sales"));
    assert_eq!(s.csrf_token.as_deref(), Some("csrf-live"));
    store.create_session(ann.id, "expired", "csrf-old", now - Duration::minutes(1)).await.unwrap();
    assert!(store.session_user("expired").await.unwrap().is_none());
    assert!(store.session_user("unknown").await.unwrap().is_none());
    store.delete_session("live").await.unwrap();
    assert!(store.session_user("live").await.unwrap().is_none());
    // Purging removes the expired row, so its token hash can be used again.
    store.purge_expired().await.unwrap();
    store.create_session(ann.id, "expired", "csrf-new", now + Duration::hours(1)).await.expect("purged token hash is free");
    assert_eq!(store.session_user("expired").await.unwrap().and_then(|s| s.csrf_token).as_deref(), Some("csrf-new"));

    let token = store.create_api_token(ann.id, "CRM sync", "token-hash", None).await.unwrap();
    assert!(token.get() > 0);
    let t = store.token_user("token-hash").await.unwrap().expect("token user");
    assert_eq!((t.user.id, t.org_name.as_str(), t.csrf_token), (ann.id, "Acme Sales", None));
    assert!(store.token_user("other-hash").await.unwrap().is_none());
    assert!(store.token_user("live").await.unwrap().is_none(), "a session is not an API token");
    store.update_user(org.id, ann.id, ann.version, &ann.name, ann.role(), false).await.unwrap();
    assert!(store.token_user("token-hash").await.unwrap().is_none(), "tokens of inactive users stop working");

    let since = OffsetDateTime::now_utc() - Duration::minutes(15);
    for (email, ip, succeeded) in [
        ("ann@example.com", "10.0.0.1", false),
        ("ann@example.com", "10.0.0.1", false),
        ("ann@example.com", "10.0.0.2", false),
        ("bob@example.com", "10.0.0.1", false),
        ("ann@example.com", "10.0.0.1", true),
    ] {
        store.record_login_attempt(email, ip, succeeded).await.unwrap();
    }
    assert_eq!(store.recent_failures("ann@example.com", "10.0.0.1", since).await.unwrap(), (3, 3));
    assert_eq!(store.recent_failures("bob@example.com", "10.0.0.2", since).await.unwrap(), (1, 1));
    assert_eq!(store.recent_failures("cy@example.com", "10.9.9.9", since).await.unwrap(), (0, 0));
    let later = OffsetDateTime::now_utc() + Duration::minutes(1);
    assert_eq!(store.recent_failures("ann@example.com", "10.0.0.1", later).await.unwrap(), (0, 0));
}

/// Expiry and "since" are instants: neither the offset a caller uses nor
/// fractions of a second may change the outcome.
async fn user_language(store: &Store) {
    let org = store.ensure_org("Acme Sales").await.unwrap();
    let ann = user(store, org.id, "Ann Baker", Role::Kam).await;
    let other = store.ensure_org("Other Org").await.unwrap();
    let now = OffsetDateTime::now_utc();
    store.create_session(ann.id, "live", "csrf", now + Duration::hours(1)).await.unwrap();
    store.create_api_token(ann.id, "sync", "token-hash", None).await.unwrap();
    assert_eq!(store.user_language(org.id, ann.id).await.unwrap(), None, "new users follow the browser");
    assert_eq!(store.session_user("live").await.unwrap().unwrap().language(), None);

    store.set_user_language(org.id, ann.id, Some(Lang::De)).await.unwrap();
    assert_eq!(store.user_language(org.id, ann.id).await.unwrap(), Some(Lang::De));
    assert_eq!(store.session_user("live").await.unwrap().unwrap().language(), Some(Lang::De));
    assert_eq!(store.token_user("token-hash").await.unwrap().unwrap().language(), Some(Lang::De));
    assert_eq!(store.user(org.id, ann.id).await.unwrap().version, ann.version, "a preference, not an edit");

    store.set_user_language(org.id, ann.id, None).await.unwrap();
    assert_eq!(store.session_user("live").await.unwrap().unwrap().language(), None);
    assert_not_found(store.set_user_language(other.id, ann.id, Some(Lang::En)).await);
    assert_not_found(store.user_language(other.id, ann.id).await);
}

async fn timestamps_compare_as_instants(store: &Store) {
    let org = store.ensure_org("Acme Sales").await.unwrap();
    let ann = user(store, org.id, "Ann Baker", Role::Kam).await;
    let now = OffsetDateTime::now_utc();
    let new_york = UtcOffset::from_hms(-5, 0, 0).unwrap();
    let delhi = UtcOffset::from_hms(5, 30, 0).unwrap();

    let valid = (now + Duration::minutes(30)).to_offset(new_york);
    store.create_session(ann.id, "valid-in-new-york-time", "c1", valid).await.unwrap();
    assert!(store.session_user("valid-in-new-york-time").await.unwrap().is_some());
    let expired = (now - Duration::minutes(30)).to_offset(delhi);
    store.create_session(ann.id, "expired-in-delhi-time", "c2", expired).await.unwrap();
    assert!(store.session_user("expired-in-delhi-time").await.unwrap().is_none());
    // Expired at the start of the current second (at most a second ago).
    store.create_session(ann.id, "just-expired", "c3", now.replace_nanosecond(0).unwrap()).await.unwrap();
    assert!(store.session_user("just-expired").await.unwrap().is_none());

    let start_of_second = OffsetDateTime::now_utc().replace_nanosecond(0).unwrap();
    store.record_login_attempt("ann@example.com", "10.0.0.1", false).await.unwrap();
    assert_eq!(store.recent_failures("ann@example.com", "10.0.0.1", start_of_second).await.unwrap(), (1, 1));
    let a_minute_ago_in_delhi = (OffsetDateTime::now_utc() - Duration::minutes(1)).to_offset(delhi);
    assert_eq!(store.recent_failures("ann@example.com", "10.0.0.1", a_minute_ago_in_delhi).await.unwrap(), (1, 1));
    let in_a_minute_in_new_york = (OffsetDateTime::now_utc() + Duration::minutes(1)).to_offset(new_york);
    assert_eq!(store.recent_failures("ann@example.com", "10.0.0.1", in_a_minute_in_new_york).await.unwrap(), (0, 0));
}

// --- 4. accounts and their teams ---------------------------------------------------------------

async fn accounts_and_team(store: &Store) {
    let acme = store.ensure_org("Acme Sales").await.unwrap().id;
    let globex = store.ensure_org("Globex").await.unwrap().id;
    let ann = user(store, acme, "Ann Baker", Role::Kam).await;
    let ben = user(store, acme, "Ben Cole", Role::Member).await;
    let gus = user(store, globex, "Gus Dunn", Role::Kam).await;

    let data = AccountData {
        industry: Some("Logistics".into()),
        region: Some("EMEA".into()),
        crm_id: Some("CRM-0042".into()),
        annual_revenue: Some(12_500_000.0),
        current_revenue: Some(250_000.1),
        total_spend: Some(1_000_000.0 / 3.0),
        potential: Some(0.1 + 0.2),
        growth_trend: Some(GrowthTrend::Growing),
        owner_id: Some(ann.id),
        ..account_input("Northwind Traders")
    };
    let nw = store.create_account(acme, &data, ann.id).await.unwrap();
    assert_eq!(
        (nw.org_id, nw.name.as_str(), nw.version, nw.owner_id, nw.updated_by),
        (acme, "Northwind Traders", 1, Some(ann.id), Some(ann.id))
    );
    assert_eq!((nw.current_revenue, nw.total_spend, nw.potential), (data.current_revenue, data.total_spend, data.potential));
    assert_eq!((nw.growth_trend(), nw.crm_id.as_deref(), nw.parent_id), (Some(GrowthTrend::Growing), Some("CRM-0042"), None));
    assert_same(&store.account(acme, nw.id).await.unwrap(), &nw);

    // The owner joins the team as key account manager.
    let team = store.team(acme, nw.id).await.unwrap();
    assert_eq!(team.len(), 1);
    assert_eq!((team[0].user_id, team[0].name.as_str(), team[0].function.as_str()), (ann.id, "Ann Baker", "Key account manager"));
    let access = store.account_access(acme, nw.id).await.unwrap();
    assert_eq!((access.owner_id, access.team), (Some(ann.id), vec![ann.id]));

    let contoso = AccountData { industry: Some("Retail".into()), ..account_input("contoso ltd") };
    let contoso = store.create_account(acme, &contoso, ben.id).await.unwrap();
    let fabrikam = AccountData { region: Some("Nordics".into()), parent_id: Some(nw.id), ..account_input("Fabrikam") };
    let fabrikam = store.create_account(acme, &fabrikam, ann.id).await.unwrap();
    assert_eq!(fabrikam.parent_id, Some(nw.id));
    assert!(store.team(acme, contoso.id).await.unwrap().is_empty());
    let orphan = store.account_access(acme, contoso.id).await.unwrap();
    assert_eq!((orphan.owner_id, orphan.team), (None, vec![]));
    let globex_nw = account(store, globex, "Northwind Japan", &gus).await;

    // Plans counted per account: archived plans do not count.
    let p1 = plan(store, acme, &nw, "FY25", &ann).await;
    let p2 = plan(store, acme, &nw, "FY26", &ann).await;
    let archived = PlanData { status: PlanStatus::Archived, ..plan_input("FY24") };
    store.create_plan(acme, nw.id, &archived, TEMPLATE_ONE_PAGE, ann.id).await.unwrap();

    let list = |search: &str, owner: Option<UserId>, limit: i64, offset: i64| {
        let filter = AccountFilter { search: Some(search.to_string()), owner, limit, offset, ..Default::default() };
        async move { store.list_accounts(acme, &filter).await.unwrap().into_iter().map(|s| s.account.name).collect::<Vec<_>>() }
    };
    let all = store.list_accounts(acme, &AccountFilter::default()).await.unwrap();
    let summary: Vec<_> = all.iter().map(|s| (s.account.name.as_str(), s.owner_name.as_deref(), s.plan_count, s.active_plan_id)).collect();
    assert_eq!(
        summary,
        [("contoso ltd", None, 0, None), ("Fabrikam", None, 0, None), ("Northwind Traders", Some("Ann Baker"), 2, Some(p2.id.get()))]
    );
    assert!(p1.id < p2.id);
    assert_eq!(list("NORTH", None, 0, 0).await, ["Northwind Traders"]);
    assert_eq!(list("  Retail ", None, 0, 0).await, ["contoso ltd"]);
    assert_eq!(list("nordics", None, 0, 0).await, ["Fabrikam"]);
    assert_eq!(list("crm-00", None, 0, 0).await, ["Northwind Traders"]);
    assert_eq!(list("japan", None, 0, 0).await, Vec::<String>::new());
    assert_eq!(list("", Some(ann.id), 0, 0).await, ["Northwind Traders"]);
    assert_eq!(list("", None, 1, 1).await, ["Fabrikam"]);
    assert_eq!((store.count_accounts(acme).await.unwrap(), store.count_accounts(globex).await.unwrap()), (3, 1));

    // Updates name the version they are based on.
    let changed = AccountData {
        name: "Northwind Traders AG".into(),
        potential: Some(750_000.5),
        growth_trend: Some(GrowthTrend::Stable),
        ..data.clone()
    };
    let nw2 = store.update_account(acme, nw.id, 1, &changed, ben.id).await.unwrap();
    assert_eq!(
        (nw2.version, nw2.name.as_str(), nw2.potential, nw2.growth_trend()),
        (2, "Northwind Traders AG", Some(750_000.5), Some(GrowthTrend::Stable))
    );
    assert_eq!((nw2.updated_by, nw2.created_at, nw2.current_revenue), (Some(ben.id), nw.created_at, data.current_revenue));
    assert!(nw2.updated_at >= nw.updated_at);
    assert_conflict(store.update_account(acme, nw.id, 1, &account_input("Stale"), ann.id).await, 2);
    assert_same(&store.account(acme, nw.id).await.unwrap(), &nw2);

    // References must point into the organisation.
    let foreign_parent = AccountData { parent_id: Some(globex_nw.id), ..changed.clone() };
    assert_invalid(store.update_account(acme, nw.id, 2, &foreign_parent, ann.id).await, "parent_id");
    assert_invalid(store.create_account(acme, &foreign_parent, ann.id).await, "parent_id");
    let own_parent = AccountData { parent_id: Some(nw.id), ..changed.clone() };
    assert_invalid(store.update_account(acme, nw.id, 2, &own_parent, ann.id).await, "parent_id");
    let foreign_owner = AccountData { owner_id: Some(gus.id), ..changed.clone() };
    assert_invalid(store.update_account(acme, nw.id, 2, &foreign_owner, ann.id).await, "owner_id");
    assert_invalid(store.create_account(acme, &foreign_owner, ann.id).await, "owner_id");
    assert_same(&store.account(acme, nw.id).await.unwrap(), &nw2);
    assert_eq!(store.count_accounts(acme).await.unwrap(), 3);

    // Another organisation gets "not found" for everything.
    assert_not_found(store.account(globex, nw.id).await);
    assert_not_found(store.update_account(globex, nw.id, 2, &account_input("Hijacked"), gus.id).await);
    assert_not_found(store.delete_account(globex, nw.id).await);
    assert_not_found(store.account_access(globex, nw.id).await);
    assert_not_found(store.set_team_member(globex, nw.id, gus.id, "Spy").await);
    assert!(store.team(globex, nw.id).await.unwrap().is_empty());
    assert_same(&store.account(acme, nw.id).await.unwrap(), &nw2);

    // Team: add, change the function, remove.
    store.set_team_member(acme, nw.id, ben.id, "Service lead").await.unwrap();
    store.set_team_member(acme, nw.id, ben.id, "Delivery lead").await.unwrap();
    let team: Vec<_> = store.team(acme, nw.id).await.unwrap().into_iter().map(|m| (m.user_id, m.function)).collect();
    assert_eq!(team, [(ann.id, "Key account manager".to_string()), (ben.id, "Delivery lead".to_string())]);
    let mut access = store.account_access(acme, nw.id).await.unwrap();
    access.team.sort();
    assert_eq!((access.owner_id, access.team), (Some(ann.id), vec![ann.id, ben.id]));
    assert_invalid(store.set_team_member(acme, nw.id, gus.id, "Spy").await, "user_id");
    assert_not_found(store.remove_team_member(globex, nw.id, ben.id).await);
    store.remove_team_member(acme, nw.id, ben.id).await.unwrap();
    assert_not_found(store.remove_team_member(acme, nw.id, ben.id).await);
    assert_eq!(store.account_access(acme, nw.id).await.unwrap().team, vec![ann.id]);

    // Deleting an account takes its plans and team along and unlinks its children.
    store.delete_account(acme, nw.id).await.unwrap();
    assert_not_found(store.account(acme, nw.id).await);
    assert_not_found(store.plan(acme, p1.id).await);
    assert!(store.team(acme, nw.id).await.unwrap().is_empty());
    assert_eq!(store.account(acme, fabrikam.id).await.unwrap().parent_id, None);
    assert_not_found(store.delete_account(acme, nw.id).await);
    assert_eq!(store.account(globex, globex_nw.id).await.unwrap().name, "Northwind Japan");
}

// --- 5. contacts -------------------------------------------------------------------------------

async fn contacts(store: &Store) {
    let w = world(store).await;
    let (acme, ann, ben) = (w.acme, &w.ann, &w.ben);
    let contoso = account(store, acme, "Contoso", ann).await;

    let ceo = ContactData {
        title: Some("CEO".into()),
        business_unit: Some("Board".into()),
        buying_role: Some(BuyingRole::DecisionMaker),
        influence: Some(5),
        attitude: Some(Attitude::Sceptic),
        relationship_owner_id: Some(ann.id),
        objective: Some("Win her trust".into()),
        last_contact_date: Some(date!(2024 - 02 - 29)),
        email: Some("dana@northwind.example".into()),
        phone: Some("+49 30 1234".into()),
        ..contact_input("Dana Ruiz")
    };
    let dana = store.create_contact(acme, w.acct.id, &ceo, ann.id).await.unwrap();
    assert_eq!((dana.org_id, dana.account_id, dana.version, dana.updated_by), (acme, w.acct.id, 1, Some(ann.id)));
    assert_eq!((dana.influence, dana.last_contact_date), (Some(5), Some(date!(2024 - 02 - 29))));
    assert_eq!(
        (dana.buying_role(), dana.attitude(), dana.relationship_owner_id),
        (Some(BuyingRole::DecisionMaker), Some(Attitude::Sceptic), Some(ann.id))
    );
    assert_eq!((dana.title.as_deref(), dana.phone.as_deref()), (Some("CEO"), Some("+49 30 1234")));
    assert_same(&store.contact(acme, dana.id).await.unwrap(), &dana);

    let reports = |boss| ContactData {
        reports_to_id: Some(boss),
        influence: Some(1),
        last_contact_date: Some(date!(1999 - 12 - 31)),
        ..contact_input("eli Park")
    };
    let eli = store.create_contact(acme, w.acct.id, &reports(dana.id), ben.id).await.unwrap();
    assert_eq!((eli.reports_to_id, eli.influence, eli.last_contact_date), (Some(dana.id), Some(1), Some(date!(1999 - 12 - 31))));
    let gil = ContactData { reports_to_id: Some(eli.id), ..contact_input("Gil Moss") };
    let gil = store.create_contact(acme, w.acct.id, &gil, ann.id).await.unwrap();
    let names: Vec<_> = store.contacts(acme, w.acct.id).await.unwrap().into_iter().map(|c| c.name).collect();
    assert_eq!(names, ["Dana Ruiz", "eli Park", "Gil Moss"]);

    // Reporting lines stay within the account and never loop.
    let fay = store.create_contact(acme, contoso.id, &contact_input("Fay Lee"), ann.id).await.unwrap();
    assert_invalid(store.create_contact(acme, w.acct.id, &reports(fay.id), ann.id).await, "reports_to_id");
    assert_invalid(store.update_contact(acme, eli.id, 1, &reports(fay.id), ann.id).await, "reports_to_id");
    let self_boss = ContactData { reports_to_id: Some(dana.id), ..ceo.clone() };
    assert_invalid(store.update_contact(acme, dana.id, 1, &self_boss, ann.id).await, "reports_to_id");
    let loop_2 = ContactData { reports_to_id: Some(eli.id), ..ceo.clone() };
    assert_invalid(store.update_contact(acme, dana.id, 1, &loop_2, ann.id).await, "reports_to_id");
    let loop_3 = ContactData { reports_to_id: Some(gil.id), ..ceo.clone() };
    assert_invalid(store.update_contact(acme, dana.id, 1, &loop_3, ann.id).await, "reports_to_id");
    let foreign_owner = ContactData { relationship_owner_id: Some(w.gus.id), ..ceo.clone() };
    assert_invalid(store.create_contact(acme, w.acct.id, &foreign_owner, ann.id).await, "relationship_owner_id");
    assert_invalid(store.update_contact(acme, dana.id, 1, &foreign_owner, ann.id).await, "relationship_owner_id");
    assert_same(&store.contact(acme, dana.id).await.unwrap(), &dana);
    assert_eq!(store.contacts(acme, w.acct.id).await.unwrap().len(), 3);

    // Another organisation sees none of it.
    assert_not_found(store.create_contact(w.globex, w.acct.id, &contact_input("Spy"), w.gus.id).await);
    assert_not_found(store.contact(w.globex, dana.id).await);
    assert_not_found(store.update_contact(w.globex, dana.id, 1, &contact_input("Hijacked"), w.gus.id).await);
    assert_not_found(store.delete_contact(w.globex, dana.id).await);
    assert!(store.contacts(w.globex, w.acct.id).await.unwrap().is_empty());

    let met_again = ContactData {
        influence: Some(3),
        attitude: Some(Attitude::Supporter),
        last_contact_date: Some(date!(2026 - 01 - 31)),
        ..ceo.clone()
    };
    let dana2 = store.update_contact(acme, dana.id, 1, &met_again, ben.id).await.unwrap();
    assert_eq!(
        (dana2.version, dana2.influence, dana2.attitude(), dana2.last_contact_date),
        (2, Some(3), Some(Attitude::Supporter), Some(date!(2026 - 01 - 31)))
    );
    assert_eq!(dana2.updated_by, Some(ben.id));
    assert_conflict(store.update_contact(acme, dana.id, 1, &ceo, ann.id).await, 2);
    assert_same(&store.contact(acme, dana.id).await.unwrap(), &dana2);
    // Moving Dana under Gil is fine once Eli no longer reports to her.
    store.update_contact(acme, eli.id, 1, &contact_input("eli Park"), ann.id).await.unwrap();
    let dana3 = store.update_contact(acme, dana.id, 2, &loop_3, ann.id).await.unwrap();
    assert_eq!(dana3.reports_to_id, Some(gil.id));
    // Clearing optional fields stores NULLs.
    let dana4 = store.update_contact(acme, dana.id, 3, &contact_input("Dana Ruiz"), ann.id).await.unwrap();
    assert_eq!((dana4.influence, dana4.last_contact_date, dana4.title, dana4.reports_to_id), (None, None, None, None));

    store.delete_contact(acme, gil.id).await.unwrap();
    assert_not_found(store.contact(acme, gil.id).await);
    assert_not_found(store.delete_contact(acme, gil.id).await);
    assert_eq!(store.contacts(acme, w.acct.id).await.unwrap().len(), 2);
    // Deleting a boss unlinks the reports.
    let hal = store.create_contact(acme, w.acct.id, &reports(dana.id), ann.id).await.unwrap();
    store.delete_contact(acme, dana.id).await.unwrap();
    assert_eq!(store.contact(acme, hal.id).await.unwrap().reports_to_id, None);
}

// --- 6. plans ----------------------------------------------------------------------------------

async fn plans(store: &Store) {
    let w = world(store).await;
    let (acme, ann, ben) = (w.acme, &w.ann, &w.ben);

    let data = plan_input("FY26 Northwind");
    assert_eq!((data.period_start, data.period_end, data.status), (TODAY, date!(2027 - 03 - 14), PlanStatus::Draft));
    let p = store.create_plan(acme, w.acct.id, &data, TEMPLATE_ONE_PAGE, ben.id).await.unwrap();
    assert_eq!((p.org_id, p.account_id, p.title.as_str(), p.template.as_str()), (acme, w.acct.id, "FY26 Northwind", TEMPLATE_ONE_PAGE));
    assert_eq!((p.status(), p.period_start, p.period_end, p.version), (PlanStatus::Draft, TODAY, date!(2027 - 03 - 14), 1));
    assert_eq!((p.created_by, p.updated_by, p.created_at), (Some(ben.id), Some(ben.id), p.updated_at));
    assert_same(&store.plan(acme, p.id).await.unwrap(), &p);

    let final_data = PlanData {
        title: "FY26 Northwind (final)".into(),
        status: PlanStatus::Active,
        period_start: date!(2026 - 04 - 01),
        period_end: date!(2027 - 03 - 31),
        customer_title: Some("Northwind and us · 2026".into()),
    };
    let p2 = store.update_plan(acme, p.id, 1, &final_data, ann.id).await.unwrap();
    assert_eq!(
        (p2.version, p2.title.as_str(), p2.status(), p2.period_start, p2.period_end),
        (2, "FY26 Northwind (final)", PlanStatus::Active, date!(2026 - 04 - 01), date!(2027 - 03 - 31))
    );
    assert_eq!(p2.customer_title.as_deref(), Some("Northwind and us · 2026"));
    assert_eq!(store.plan(acme, p.id).await.unwrap().customer_title.as_deref(), Some("Northwind and us · 2026"));
    assert_eq!((p2.created_by, p2.updated_by, p2.template.as_str()), (Some(ben.id), Some(ann.id), TEMPLATE_ONE_PAGE));
    assert_conflict(store.update_plan(acme, p.id, 1, &data, ann.id).await, 2);
    assert_same(&store.plan(acme, p.id).await.unwrap(), &p2);

    assert_not_found(store.plan(w.globex, p.id).await);
    assert_not_found(store.update_plan(w.globex, p.id, 2, &data, w.gus.id).await);
    assert_not_found(store.delete_plan(w.globex, p.id).await);
    assert_not_found(store.create_plan(w.globex, w.acct.id, &data, TEMPLATE_ONE_PAGE, w.gus.id).await);
    assert_same(&store.plan(acme, p.id).await.unwrap(), &p2);

    // Commitment counts: all, accepted, accepted and done.
    let goal = node(store, acme, p.id, NodeKind::Goal, None, NodeWrite::titled("Grow"), ann).await;
    node(store, acme, p.id, NodeKind::Csf, Some(&goal), NodeWrite::titled("Not a commitment"), ann).await;
    let done = NodeWrite { status: Some(CommitmentStatus::Done), ..commitment("Done", ben.id, ann.id, Acceptance::Accepted, None) };
    for cw in [
        done,
        commitment("Accepted", ben.id, ann.id, Acceptance::Accepted, None),
        commitment("Proposed", ben.id, ann.id, Acceptance::Proposed, None),
        commitment("Declined", ben.id, ann.id, Acceptance::Declined, None),
    ] {
        node(store, acme, p.id, NodeKind::Commitment, Some(&goal), cw, ann).await;
    }
    let old = PlanData { period_start: date!(2025 - 01 - 01), period_end: date!(2025 - 12 - 31), ..plan_input("FY25 Northwind") };
    let old = store.create_plan(acme, w.acct.id, &old, TEMPLATE_ONE_PAGE, ann.id).await.unwrap();
    // `world` made "FY26 Northwind" starting TODAY; "final" starts later, the old one earlier.
    let summaries = store.plans_of_account(acme, w.acct.id).await.unwrap();
    let rows: Vec<_> =
        summaries.iter().map(|s| (s.plan.id, s.account_name.as_str(), s.commitments, s.commitments_accepted, s.commitments_done)).collect();
    assert_eq!(
        rows,
        [(p.id, "Northwind Traders", 4, 2, 1), (w.plan.id, "Northwind Traders", 0, 0, 0), (old.id, "Northwind Traders", 0, 0, 0)]
    );
    assert!(store.plans_of_account(w.globex, w.acct.id).await.unwrap().is_empty());
    let open: Vec<_> = store.open_plans(acme).await.unwrap().into_iter().map(|s| s.plan.id).collect();
    assert_eq!(open, {
        let mut ids = vec![w.plan.id, p.id, old.id];
        ids.sort();
        ids
    });

    // Deleting a plan deletes its nodes.
    store.delete_plan(acme, p.id).await.unwrap();
    assert_not_found(store.plan(acme, p.id).await);
    assert_not_found(store.node(acme, goal.id).await);
    assert!(store.nodes(acme, p.id).await.unwrap().is_empty());
    assert_not_found(store.delete_plan(acme, p.id).await);
    let left: Vec<_> = store.plans_of_account(acme, w.acct.id).await.unwrap().into_iter().map(|s| s.plan.id).collect();
    assert_eq!(left, [w.plan.id, old.id]);
    assert_same(&store.plan(w.globex, w.globex_plan.id).await.unwrap(), &w.globex_plan);
}

// --- 9. concurrent writers (SQLite write lock and busy timeout) --------------------------------

async fn concurrent_writers(store: &Store) {
    let w = world(store).await;
    let goal = node(store, w.acme, w.plan.id, NodeKind::Goal, None, NodeWrite::titled("Goal"), &w.ann).await;
    let mut tasks = Vec::new();
    for i in 0..8 {
        let (store, org, ann, plan, goal) = (store.clone(), w.acme, w.ann.id, w.plan.id, goal.id);
        tasks.push(tokio::spawn(async move {
            let data = AccountData { owner_id: Some(ann), ..account_input(&format!("Parallel {i}")) };
            let acct = store.create_account(org, &data, ann).await?;
            store.create_node(org, plan, NodeKind::Csf, Some(goal), &NodeWrite::titled(format!("Factor {i}")), ann).await?;
            Ok::<_, keyplan_store::StoreError>(acct)
        }));
    }
    for task in tasks {
        let acct = task.await.unwrap().expect("concurrent write");
        assert_eq!(store.account_access(w.acme, acct.id).await.unwrap().team, vec![w.ann.id]);
    }
    assert_eq!(store.count_accounts(w.acme).await.unwrap(), 9);
    let mut positions: Vec<i32> =
        store.nodes(w.acme, w.plan.id).await.unwrap().iter().filter(|n| n.parent_id == Some(goal.id)).map(|n| n.position).collect();
    positions.sort();
    assert_eq!(positions, (1..=8).collect::<Vec<_>>(), "concurrently added siblings get distinct positions");
}

async fn concurrent_moves(store: &Store) {
    let w = world(store).await;
    let goal = node(store, w.acme, w.plan.id, NodeKind::Goal, None, NodeWrite::titled("Goal"), &w.ann).await;
    let mut ids = Vec::new();
    for i in 0..4 {
        ids.push(node(store, w.acme, w.plan.id, NodeKind::Csf, Some(&goal), NodeWrite::titled(format!("Factor {i}")), &w.ann).await.id);
    }
    let mut tasks = Vec::new();
    for i in 0..12 {
        let (store, org, id) = (store.clone(), w.acme, ids[i % 4]);
        tasks.push(tokio::spawn(async move { store.move_node(org, id, i % 3 == 0).await }));
    }
    for task in tasks {
        task.await.unwrap().expect("concurrent move");
    }
    let mut positions: Vec<i32> =
        store.nodes(w.acme, w.plan.id).await.unwrap().iter().filter(|n| n.parent_id == Some(goal.id)).map(|n| n.position).collect();
    positions.sort();
    positions.dedup();
    assert_eq!(positions.len(), 4, "concurrent moves keep sibling positions distinct");
}
