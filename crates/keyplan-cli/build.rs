//! Links the `keyplan` binary with packed relative relocations (issue 18).
//!
//! The binary is position-independent, and its tables of pointers (trait
//! objects, string tables, the typesetter's data) need about 130,000
//! relative relocations when it starts. As a plain table they take 3 MB that
//! every start reads and keeps resident; packed (`DT_RELR`, GNU ld 2.38 and
//! glibc 2.36 or later) they take a few kilobytes. Measured on the 2-core
//! machine: see the README's Performance section.
//!
//! Hand-written because it is one linker flag for one binary: set in
//! `.cargo/config.toml` it would reach the build scripts and procedural
//! macros too.

fn main() {
    let os = std::env::var("CARGO_CFG_TARGET_OS").unwrap_or_default();
    let env = std::env::var("CARGO_CFG_TARGET_ENV").unwrap_or_default();
    if os == "linux" && env == "gnu" && std::env::var_os("KEYPLAN_PLAIN_RELOCATIONS").is_none() {
        println!("cargo:rustc-link-arg-bins=-Wl,-z,pack-relative-relocs");
    }
    println!("cargo:rerun-if-env-changed=KEYPLAN_PLAIN_RELOCATIONS");
}
