//! Argon2 behind a limit. Each verification needs Argon2's memory (19 MiB
//! with the default parameters); unlimited, a burst of sign-ins multiplies
//! it. Here at most one verification per core runs at a time, each in one of
//! as many buffers kept for reuse, so the memory is bounded and not handed to
//! the allocator again and again during a burst. Callers over the limit wait
//! briefly, and a bounded number of them at that; the rest are told [`Busy`]
//! at once. Once the server is quiet the kept buffers are given back
//! ([`Hasher::release_buffers`]): kept for good, one sign-in left 19 MiB per
//! core resident for the server's life (issue 18, point 6).

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, OnceLock};
use std::time::Duration;

use argon2::password_hash::PasswordHash;
use argon2::{Algorithm, Argon2, Block, Params, Version};
use subtle::ConstantTimeEq;
use tokio::sync::{Semaphore, SemaphorePermit};

/// How long a caller over the limit waits for a turn.
const WAIT: Duration = Duration::from_millis(750);
/// Callers allowed to wait, per running verification.
const WAITERS_PER_SLOT: usize = 4;
/// A buffer larger than this (a hash with heavier parameters) is not kept.
const KEEP_BLOCKS: usize = 64 * 1024;

/// Too many password checks at once: try again in a moment.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Busy;

/// A limit on simultaneous Argon2 computations with a buffer kept per slot.
/// Each server has one for sign-ins; [`global`] serves everything else.
pub struct Hasher {
    slots: Semaphore,
    size: usize,
    waiting: AtomicUsize,
    buffers: Mutex<Vec<Vec<Block>>>,
}

/// The number of cores (at least 1).
pub fn cores() -> usize {
    std::thread::available_parallelism().map(|n| n.get()).unwrap_or(2).max(1)
}

/// The process's shared limiter, one slot per core.
pub fn global() -> &'static Hasher {
    static L: OnceLock<Hasher> = OnceLock::new();
    L.get_or_init(|| Hasher::new(cores()))
}

impl Hasher {
    /// `size` computations at once; 0: one per core.
    pub fn new(size: usize) -> Hasher {
        let size = if size == 0 { cores() } else { size };
        Hasher { slots: Semaphore::new(size), size, waiting: AtomicUsize::new(0), buffers: Mutex::new(Vec::new()) }
    }

    /// How many Argon2 computations may run at once.
    pub fn slots(&self) -> usize {
        self.size
    }

    /// A turn to run Argon2. `patient` callers (creating a user, a reset)
    /// wait for one however long it takes; sign-ins wait [`WAIT`] at most.
    pub(crate) async fn permit(&self, patient: bool) -> Result<SemaphorePermit<'_>, Busy> {
        if let Ok(p) = self.slots.try_acquire() {
            return Ok(p);
        }
        if patient {
            return self.slots.acquire().await.map_err(|_| Busy);
        }
        if self.waiting.fetch_add(1, Ordering::SeqCst) >= self.size * WAITERS_PER_SLOT {
            self.waiting.fetch_sub(1, Ordering::SeqCst);
            return Err(Busy);
        }
        let got = tokio::time::timeout(WAIT, self.slots.acquire()).await;
        self.waiting.fetch_sub(1, Ordering::SeqCst);
        match got {
            Ok(Ok(p)) => Ok(p),
            _ => Err(Busy),
        }
    }

    /// Drops the buffers kept for reuse (a verification running keeps its
    /// own); the server calls it when it has been quiet for a moment. How
    /// many bytes were given back.
    pub fn release_buffers(&self) -> usize {
        let Ok(mut kept) = self.buffers.lock() else { return 0 };
        let bytes = kept.iter().map(|b| b.capacity() * std::mem::size_of::<Block>()).sum();
        *kept = Vec::new();
        bytes
    }

    /// Verifies `password` against the PHC string `hash` in a kept buffer.
    pub async fn verify(&self, password: String, hash: String) -> Result<bool, Busy> {
        let permit = self.permit(false).await?;
        let buffer = self.buffers.lock().map(|mut b| b.pop()).unwrap_or(None).unwrap_or_default();
        let (ok, buffer) = tokio::task::spawn_blocking(move || {
            let mut buffer = buffer;
            let ok = verify_in(&mut buffer, password.as_bytes(), &hash);
            (ok, buffer)
        })
        .await
        .unwrap_or((false, Vec::new()));
        if buffer.len() <= KEEP_BLOCKS
            && !buffer.is_empty()
            && let Ok(mut kept) = self.buffers.lock()
            && kept.len() < self.size
        {
            kept.push(buffer);
        }
        drop(permit);
        Ok(ok)
    }
}

fn verify_in(buffer: &mut Vec<Block>, password: &[u8], hash: &str) -> bool {
    let Ok(parsed) = PasswordHash::new(hash) else { return false };
    let Ok(algorithm) = Algorithm::try_from(parsed.algorithm) else { return false };
    let version = match parsed.version.map(Version::try_from) {
        None => Version::default(),
        Some(Ok(v)) => v,
        Some(Err(_)) => return false,
    };
    let Ok(params) = Params::try_from(&parsed) else { return false };
    let (Some(expected), Some(salt)) = (parsed.hash, parsed.salt) else { return false };
    let mut salt_bytes = [0u8; 64];
    let Ok(salt) = salt.decode_b64(&mut salt_bytes) else { return false };
    if buffer.len() != params.block_count() {
        buffer.resize(params.block_count(), Block::new());
    }
    let mut out = vec![0u8; expected.len()];
    let argon = Argon2::new(algorithm, version, params);
    argon.hash_password_into_with_memory(password, salt, &mut out, &mut buffer[..]).is_ok() && bool::from(out.ct_eq(expected.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_kept_buffer_verifies_like_a_fresh_one() {
        let h = crate::auth::hash_password("s3cret words".into()).await.unwrap();
        let mut buffer = Vec::new();
        assert!(verify_in(&mut buffer, b"s3cret words", &h));
        assert!(!verify_in(&mut buffer, b"s3cret wordz", &h));
        assert!(verify_in(&mut buffer, b"s3cret words", &h), "the same buffer again");
    }

    #[tokio::test]
    async fn over_the_limit_callers_are_told_busy() {
        let h = Hasher::new(2);
        let held = h.slots.acquire_many(2).await.unwrap();
        assert_eq!(h.verify("x".into(), crate::auth::dummy_hash().into()).await, Err(Busy));
        drop(held);
        assert_eq!(h.verify("x".into(), crate::auth::dummy_hash().into()).await, Ok(false));
        assert!(h.buffers.lock().unwrap().len() == 1, "the buffer is kept for the next one");
        // Given back when the server is quiet: Argon2's 19 MiB of the default parameters.
        assert!(h.release_buffers() >= 19 * 1024 * 1024);
        assert!(h.buffers.lock().unwrap().is_empty());
        assert_eq!(h.release_buffers(), 0, "nothing is left to give back");
        assert_eq!(h.verify("x".into(), crate::auth::dummy_hash().into()).await, Ok(false), "a new buffer after the release");
    }
}
