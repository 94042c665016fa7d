//! Passwords, session and API tokens, and who the caller is. No HTTP here:
//! the web crate finds the caller and hands an [`Auth`] to the services.

use std::sync::Arc;

use argon2::Argon2;
use argon2::password_hash::rand_core::OsRng;
use argon2::password_hash::{PasswordHasher, SaltString};
use keyplan_domain::permissions::Actor;
use keyplan_domain::{OrgId, Role, UserId};
use keyplan_store::SessionUser;
use rand::RngCore;
use sha2::{Digest, Sha256};
use subtle::ConstantTimeEq;

/// Hashes a password with Argon2id off the async runtime (it is deliberately
/// slow), behind the same limit as sign-ins.
pub async fn hash_password(password: String) -> anyhow::Result<String> {
    let _permit = crate::hashing::global().permit(true).await.map_err(|_| anyhow::anyhow!("password hashing is busy"))?;
    tokio::task::spawn_blocking(move || {
        let salt = SaltString::generate(&mut OsRng);
        Argon2::default()
            .hash_password(password.as_bytes(), &salt)
            .map(|h| h.to_string())
            .map_err(|e| anyhow::anyhow!("hashing failed: {e}"))
    })
    .await?
}

/// Checks a password against a stored hash, off the async runtime, at most as
/// many at once as the machine has cores (the process's [`crate::hashing::global`]). Over that, after a short wait:
/// [`crate::hashing::Busy`], for the caller to answer "try again".
pub async fn verify_password(password: String, hash: String) -> Result<bool, crate::hashing::Busy> {
    crate::hashing::global().verify(password, hash).await
}

/// A hash to verify against when the e-mail is unknown, so that timing does not
/// tell which addresses have accounts.
pub fn dummy_hash() -> &'static str {
    "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$0sD9kUP7XrFT5cVjxtw8cZ0QnLkSpb0XbXHe5Tc1XeE"
}

/// A new random secret (256 bits), hex-encoded.
pub fn random_token() -> String {
    let mut bytes = [0u8; 32];
    rand::rng().fill_bytes(&mut bytes);
    hex::encode(bytes)
}

/// What the database stores instead of a token.
pub fn token_hash(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

/// A new API token: recognisable prefix plus a random secret.
pub fn new_api_token() -> String {
    format!("kp_{}", random_token())
}

/// How the caller proved who they are.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Via {
    Session,
    Token,
}

/// The signed-in user, placed in the request by the authentication middleware.
#[derive(Clone, Debug)]
pub struct Auth {
    pub user: Arc<SessionUser>,
    pub via: Via,
}

impl Auth {
    pub fn org(&self) -> OrgId {
        self.user.user.org_id
    }
    pub fn id(&self) -> UserId {
        self.user.user.id
    }
    pub fn role(&self) -> Role {
        self.user.user.role()
    }
    pub fn actor(&self) -> Actor {
        Actor { user_id: self.id(), role: self.role() }
    }
    pub fn csrf(&self) -> &str {
        self.user.csrf_token.as_deref().unwrap_or("")
    }
    pub fn name(&self) -> &str {
        &self.user.user.name
    }
}

/// HMAC-SHA-256 (RFC 2104) of `message` under `key`: a value only the holder
/// of the key can make, such as a form token tied to one share link.
pub fn hmac_sha256(key: &[u8], message: &[u8]) -> [u8; 32] {
    use hmac::{KeyInit, Mac};
    // HMAC takes a key of any length, so making the MAC cannot fail.
    let mut mac = hmac::Hmac::<Sha256>::new_from_slice(key).expect("HMAC accepts any key length");
    mac.update(message);
    mac.finalize().into_bytes().into()
}

/// Constant-time comparison for secrets (tokens, CSRF values).
pub fn same_secret(a: &str, b: &str) -> bool {
    a.as_bytes().ct_eq(b.as_bytes()).into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn passwords_hash_and_verify() {
        let h = hash_password("correct horse".into()).await.unwrap();
        assert!(h.starts_with("$argon2id$"));
        assert_eq!(verify_password("correct horse".into(), h.clone()).await, Ok(true));
        assert_eq!(verify_password("wrong horse".into(), h).await, Ok(false));
        assert_eq!(verify_password("x".into(), dummy_hash().into()).await, Ok(false));
        assert_eq!(verify_password("x".into(), "not a hash".into()).await, Ok(false));
    }

    #[test]
    fn hmac_matches_the_published_test_vectors() {
        // RFC 4231, test cases 1, 2 and 6 (a key longer than the block).
        let one = hmac_sha256(&[0x0b; 20], b"Hi There");
        assert_eq!(hex::encode(one), "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7");
        let two = hmac_sha256(b"Jefe", b"what do ya want for nothing?");
        assert_eq!(hex::encode(two), "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
        let six = hmac_sha256(&[0xaa; 131], b"Test Using Larger Than Block-Size Key - Hash Key First");
        assert_eq!(hex::encode(six), "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54");
    }

    #[test]
    fn tokens_are_random_and_hashed() {
        let (a, b) = (random_token(), random_token());
        assert_ne!(a, b);
        assert_eq!(a.len(), 64);
        assert_eq!(token_hash(&a).len(), 64);
        assert_ne!(token_hash(&a), a);
        assert!(new_api_token().starts_with("kp_"));
        assert!(same_secret("abc", "abc") && !same_secret("abc", "abd") && !same_secret("abc", "ab"));
    }
}
