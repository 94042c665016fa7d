//! The translations in `locales/` are compiled into the binary: lists every
//! language's Fluent files for `include_str!`, so that each language is
//! parsed only when a text in it is first asked for (see `src/lib.rs`), and
//! rebuilds when a file is added, removed or changed.
//!
//! Hand-written because it is one directory listing; the loader crate's own
//! macro parses every language at once.

use std::fmt::Write as _;
use std::path::Path;

/// The languages and the constant each one's list is written to.
const LANGUAGES: [(&str, &str); 2] = [("en-US", "EN_US_FILES"), ("de", "DE_FILES")];

fn main() {
    println!("cargo:rerun-if-changed=locales");
    let root = Path::new(&std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR")).join("locales");
    let mut out = String::new();
    for (dir, name) in LANGUAGES {
        let dir = root.join(dir);
        println!("cargo:rerun-if-changed={}", dir.display());
        let mut files: Vec<_> = std::fs::read_dir(&dir)
            .unwrap_or_else(|e| panic!("cannot list {}: {e}", dir.display()))
            .map(|entry| entry.expect("a directory entry").path())
            .filter(|path| path.extension().is_some_and(|ext| ext == "ftl"))
            .collect();
        files.sort();
        assert!(!files.is_empty(), "no .ftl files in {}", dir.display());
        writeln!(out, "const {name}: &[&str] = &[").unwrap();
        for file in files {
            writeln!(out, "    include_str!({:?}),", file.display().to_string()).unwrap();
        }
        writeln!(out, "];").unwrap();
    }
    let target = Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("locales.rs");
    std::fs::write(&target, out).unwrap_or_else(|e| panic!("cannot write {}: {e}", target.display()));
}
