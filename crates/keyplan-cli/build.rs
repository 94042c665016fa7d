//! Links the `keyplan` binary with packed relative relocations, and lays
//! out the code a loaded server runs first and together (issue 18).
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
    hot_code_first(&os, &env);
}

/// Lays out the functions a server runs under load first and together, in
/// a release build linked by LLD (the default linker of x86-64 Linux).
///
/// The kernel maps a binary's code in blocks of 64 KB around each page that
/// runs; spread over the whole binary, the code a server ran kept about
/// 35 MiB resident. `hot-code.txt` lists the functions a loaded server runs
/// (made by `bench/http.sh --hot-code`); names the binary no longer has are
/// skipped, so a list made before a change only helps less. A build with a
/// linker of its own (`-C linker=…`) or `KEYPLAN_NO_CODE_ORDER` set is left
/// as the linker lays it out.
fn hot_code_first(os: &str, env: &str) {
    println!("cargo:rerun-if-changed=hot-code.txt");
    println!("cargo:rerun-if-env-changed=KEYPLAN_NO_CODE_ORDER");
    let arch = std::env::var("CARGO_CFG_TARGET_ARCH").unwrap_or_default();
    let release = std::env::var("PROFILE").is_ok_and(|p| p == "release");
    let flags = std::env::var("CARGO_ENCODED_RUSTFLAGS").unwrap_or_default();
    let own_linker = flags.contains("linker");
    if os != "linux" || env != "gnu" || arch != "x86_64" || !release || own_linker || std::env::var_os("KEYPLAN_NO_CODE_ORDER").is_some() {
        return;
    }
    let list = std::path::Path::new(&std::env::var("CARGO_MANIFEST_DIR").unwrap_or_default()).join("hot-code.txt");
    if list.is_file() {
        println!("cargo:rustc-link-arg-bins=-Wl,--symbol-ordering-file={}", list.display());
        println!("cargo:rustc-link-arg-bins=-Wl,--no-warn-symbol-ordering");
    }
}
