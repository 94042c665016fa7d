//! Scheduled work on any number of servers: each server has an instance id,
//! and a job that must run on one server at a time (reminders, the cockpit's
//! daily totals, purging expired rows) first takes a named lease in the
//! database. The lease is not given back when the job ends, so the other
//! servers skip the job until it lapses; a server that dies holding it only
//! delays the job until then.

use std::future::Future;
use std::sync::OnceLock;

use keyplan_store::Store;

/// This process's name in leases and mail claims: random, fixed for its life.
pub fn instance_id() -> &'static str {
    static ID: OnceLock<String> = OnceLock::new();
    ID.get_or_init(|| crate::auth::random_token()[..16].to_string())
}

/// Runs `job` when this server gets the lease `name` for `ttl`; answers
/// whether it ran. A database error is logged and the job skipped this time.
pub async fn run_leased<F: Future<Output = ()>>(store: &Store, name: &str, ttl: std::time::Duration, job: F) -> bool {
    let ttl = time::Duration::try_from(ttl).unwrap_or(time::Duration::HOUR);
    match store.try_lease(name, instance_id(), ttl).await {
        Ok(true) => {
            job.await;
            true
        }
        Ok(false) => false,
        Err(e) => {
            tracing::warn!(job = name, error = %e, "taking the job's lease failed");
            false
        }
    }
}

/// Runs `job` every `every` on one server at a time (a leased round, see
/// [`run_leased`]), until the returned task is aborted.
pub fn spawn_leased<F, Fut>(store: Store, name: &'static str, every: std::time::Duration, job: F) -> tokio::task::JoinHandle<()>
where
    F: Fn(Store) -> Fut + Send + 'static,
    Fut: Future<Output = ()> + Send + 'static,
{
    tokio::spawn(async move {
        let mut tick = after_start(every);
        loop {
            tick.tick().await;
            run_leased(&store, name, lease_for(every), job(store.clone())).await;
        }
    })
}

/// How long a starting server answers before its periodic jobs first run
/// (issue 18: a cold start answers its first request in under 50 ms; the jobs'
/// first round, writing leases and walking every plan, had run alongside it).
pub const STARTUP_GRACE: std::time::Duration = std::time::Duration::from_secs(1);

/// An interval whose first tick comes [`STARTUP_GRACE`] after now, then every `every`.
pub fn after_start(every: std::time::Duration) -> tokio::time::Interval {
    tokio::time::interval_at(tokio::time::Instant::now() + STARTUP_GRACE, every)
}

/// A lease a little shorter than the job's interval, so the next round of
/// some server finds it lapsed.
pub fn lease_for(every: std::time::Duration) -> std::time::Duration {
    every.mul_f64(0.9).max(std::time::Duration::from_secs(1))
}
