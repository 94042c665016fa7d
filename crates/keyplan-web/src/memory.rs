//! Gives memory back to the system after a burst of work (issue 14).
//!
//! glibc's allocator keeps what a thread freed in that thread's arena, so a
//! server that rendered the largest allowed plan as PDF stayed at its peak
//! (278 MiB) long after the document was sent, and a burst of concurrent
//! requests left it well above its idle size. Every answer is counted; a
//! background task looks once a second, and after a second without answers
//! following activity (or right after a PDF or workbook, the largest renders)
//! asks glibc, off the request path, to return the free pages of every arena
//! (`malloc_trim(0)`). Under steady load it does nothing, so pages are not
//! given back only to be faulted in again.
//! Hand-written because it is one foreign call: no crate offers it safely.

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::Duration;

static WANTED: AtomicBool = AtomicBool::new(false);
static ANSWERS: AtomicU64 = AtomicU64::new(0);

/// Marks that a large piece of work has just freed its memory.
pub fn after_heavy_work() {
    WANTED.store(true, Ordering::Relaxed);
}

/// Counts an answer (the trimmer waits for a quiet moment after activity).
pub fn answered() {
    ANSWERS.fetch_add(1, Ordering::Relaxed);
}

/// Trims the allocator after heavy work, and once the server has been quiet
/// for `every` after activity; looks every `every`. When quiet, the password
/// hashers' kept buffers (19 MiB per core once anyone signed in) are given
/// back first: the sign-in limiter `hasher` and the process's shared one;
/// then the database's idle connections drop their page caches (SQLite held
/// 11 MiB after a mixed load at 10,000 accounts, issue 18).
pub fn spawn_trimmer(
    every: Duration,
    hasher: std::sync::Arc<keyplan_app::hashing::Hasher>,
    store: keyplan_store::Store,
) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        let mut tick = tokio::time::interval(every);
        tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        let (mut seen, mut busy) = (ANSWERS.load(Ordering::Relaxed), false);
        loop {
            tick.tick().await;
            let now = ANSWERS.load(Ordering::Relaxed);
            let quiet_after_activity = now == seen && busy;
            busy = now != seen;
            seen = now;
            if quiet_after_activity {
                hasher.release_buffers();
                keyplan_app::hashing::global().release_buffers();
                store.release_memory().await;
            }
            if WANTED.swap(false, Ordering::Relaxed) || quiet_after_activity {
                let _ = tokio::task::spawn_blocking(release).await;
            }
        }
    })
}

/// Returns the allocator's free pages to the system; whether any came back.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
#[allow(unsafe_code)]
pub fn release() -> bool {
    // SAFETY: `malloc_trim` takes no pointers and glibc serialises it with
    // every other allocator call; it only returns free pages.
    unsafe { libc::malloc_trim(0) == 1 }
}

/// Other allocators (musl, macOS, Windows) give memory back by themselves.
#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
pub fn release() -> bool {
    false
}

/// The most allocator arenas glibc keeps (issue 18, point 6). By default it
/// opens up to eight per core as threads contend, and each keeps its own free
/// pages between trims; on the 2-core machine measured, the server's
/// anonymous memory after a mixed load (wrk on six pages, then twenty PDFs)
/// fell from 53 to 43 MiB with two. Hand-written for the same reason as
/// [`release`]: one foreign call.
const ARENAS: i32 = 2;

/// Caps glibc's arenas at [`ARENAS`]; call once, as the server starts, before
/// its threads allocate. Whether the allocator took the setting.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
#[allow(unsafe_code)]
pub fn limit_arenas() -> bool {
    // SAFETY: `mallopt` takes no pointers; glibc applies M_ARENA_MAX to the
    // arenas it creates from now on.
    unsafe { libc::mallopt(libc::M_ARENA_MAX, ARENAS) == 1 }
}

/// Other allocators manage their own arenas.
#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
pub fn limit_arenas() -> bool {
    false
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_arena_cap_is_taken() {
        if cfg!(all(target_os = "linux", target_env = "gnu")) {
            assert!(super::limit_arenas(), "glibc refused M_ARENA_MAX");
        }
    }

    #[test]
    fn a_large_freed_allocation_can_be_released() {
        // Many small blocks spread over the heap, then freed: the pattern a
        // PDF render leaves behind. A block allocated last stays alive, so
        // the heap cannot simply shrink from its top when the rest is freed.
        let blocks: Vec<Vec<u8>> = (0..20_000).map(|i| vec![(i % 251) as u8; 4096]).collect();
        let pinned = vec![1u8; 4096];
        assert_eq!(blocks.len(), 20_000);
        drop(blocks);
        // Releasing must not crash; on glibc it reports pages returned.
        let released = super::release();
        if cfg!(all(target_os = "linux", target_env = "gnu")) {
            assert!(released, "glibc returned nothing after 80 MB were freed");
        }
        assert_eq!(pinned[4095], 1);
    }
}
