//! The workspace's layout rules, checked on the source text: no module of a
//! crate imports another that (directly or through others) imports it back, no
//! source file grows far beyond 600 lines, the application layer has no HTTP
//! dependency, and the HTTP error module stands on its own.
//!
//! A module "imports" another when its code names a path into it
//! (`use crate::a::b`, `super::b::f(...)` inline, and so on); `mod` lines and a
//! file's own inline test module do not count.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..").canonicalize().expect("workspace root")
}

fn crates() -> Vec<PathBuf> {
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(workspace().join("crates"))
        .expect("crates/")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.join("src").is_dir())
        .collect();
    dirs.sort();
    dirs
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// `src/a/b.rs` and `src/a/b/mod.rs` -> `["a", "b"]`; `src/lib.rs`, `src/main.rs` -> `[]`.
fn module_path(src: &Path, file: &Path) -> Vec<String> {
    let rel = file.strip_prefix(src).expect("under src");
    let mut parts: Vec<String> = rel.iter().map(|p| p.to_string_lossy().into_owned()).collect();
    let last = parts.pop().unwrap_or_default();
    match last.as_str() {
        "mod.rs" | "lib.rs" | "main.rs" => {}
        other => parts.push(other.trim_end_matches(".rs").to_string()),
    }
    parts
}

/// The code of a file without comments, string contents and its `#[cfg(test)]` module.
fn code_of(text: &str) -> String {
    let text = match text.find("#[cfg(test)]\nmod tests") {
        Some(i) => &text[..i],
        None => text,
    };
    let mut out = String::with_capacity(text.len());
    for line in text.lines() {
        let code = line.split("//").next().unwrap_or("");
        // Paths inside string literals are not imports.
        let mut in_str = false;
        for c in code.chars() {
            if c == '"' {
                in_str = !in_str;
            } else if !in_str {
                out.push(c);
            }
        }
        out.push('\n');
    }
    out
}

/// Every `crate::`, `super::` or `self::` path in `code`, with `{a, b}` groups expanded to their first segment.
fn paths_in(code: &str) -> Vec<Vec<String>> {
    let bytes = code.as_bytes();
    let mut found = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let starts = ["crate::", "super::", "self::"].iter().find(|p| bytes[i..].starts_with(p.as_bytes()));
        let boundary = i == 0 || !(bytes[i - 1].is_ascii_alphanumeric() || bytes[i - 1] == b'_' || bytes[i - 1] == b':');
        if let (Some(_), true) = (starts, boundary) {
            let mut end = i;
            while end < bytes.len() && (bytes[end].is_ascii_alphanumeric() || bytes[end] == b'_' || bytes[end] == b':') {
                end += 1;
            }
            let mut segs: Vec<String> = code[i..end].split("::").filter(|s| !s.is_empty()).map(str::to_string).collect();
            // `use super::{a, b}`: one path per member.
            if end < bytes.len() && bytes[end] == b'{' && code[i..end].ends_with("::") {
                let close = code[end..].find('}').map(|c| end + c).unwrap_or(end);
                for member in code[end + 1..close].split(',') {
                    let first = member.trim().split("::").next().unwrap_or("").trim();
                    if !first.is_empty() && first.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
                        let mut p = segs.clone();
                        p.push(first.to_string());
                        found.push(p);
                    }
                }
                segs.clear();
            }
            if !segs.is_empty() {
                found.push(segs);
            }
            i = end.max(i + 1);
        } else {
            i += 1;
        }
    }
    found
}

/// Resolves `path` (as written in the module `here`) to the longest known module it enters.
fn resolve(here: &[String], path: &[String], modules: &BTreeSet<Vec<String>>) -> Option<Vec<String>> {
    let mut abs: Vec<String> = Vec::new();
    let mut rest = path;
    match path.first().map(String::as_str) {
        Some("crate") => rest = &path[1..],
        Some("self") | Some("super") => {
            abs = here.to_vec();
            while let Some(first) = rest.first() {
                match first.as_str() {
                    "self" => rest = &rest[1..],
                    "super" => {
                        abs.pop();
                        rest = &rest[1..];
                    }
                    _ => break,
                }
            }
        }
        _ => return None,
    }
    abs.extend(rest.iter().cloned());
    (0..=abs.len()).rev().map(|n| abs[..n].to_vec()).find(|m| modules.contains(m))
}

/// The import graph of one crate: module -> modules it names.
fn graph(krate: &Path) -> BTreeMap<Vec<String>, BTreeSet<Vec<String>>> {
    let src = krate.join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let modules: BTreeSet<Vec<String>> = files.iter().map(|f| module_path(&src, f)).collect();
    let mut edges = BTreeMap::new();
    for f in &files {
        let here = module_path(&src, f);
        let code = code_of(&std::fs::read_to_string(f).expect("source"));
        let targets: BTreeSet<Vec<String>> = paths_in(&code)
            .iter()
            .filter_map(|p| resolve(&here, p, &modules))
            // A module naming its own descendants or ancestors (`super::*` in a
            // child, `child::f` in a parent) is nesting, not a cycle between rooms.
            .filter(|t| !t.starts_with(&here) && !here.starts_with(t))
            .collect();
        edges.insert(here, targets);
    }
    edges
}

/// The first cycle found, as a list of modules.
fn find_cycle(edges: &BTreeMap<Vec<String>, BTreeSet<Vec<String>>>) -> Option<Vec<Vec<String>>> {
    fn visit(
        n: &Vec<String>,
        edges: &BTreeMap<Vec<String>, BTreeSet<Vec<String>>>,
        state: &mut BTreeMap<Vec<String>, u8>,
        stack: &mut Vec<Vec<String>>,
    ) -> Option<Vec<Vec<String>>> {
        state.insert(n.clone(), 1);
        stack.push(n.clone());
        for m in edges.get(n).into_iter().flatten() {
            match state.get(m).copied().unwrap_or(0) {
                1 => {
                    let start = stack.iter().position(|s| s == m).unwrap_or(0);
                    let mut cycle = stack[start..].to_vec();
                    cycle.push(m.clone());
                    return Some(cycle);
                }
                0 => {
                    if let Some(c) = visit(m, edges, state, stack) {
                        return Some(c);
                    }
                }
                _ => {}
            }
        }
        stack.pop();
        state.insert(n.clone(), 2);
        None
    }
    let mut state = BTreeMap::new();
    for n in edges.keys() {
        if state.get(n).copied().unwrap_or(0) == 0
            && let Some(c) = visit(n, edges, &mut state, &mut Vec::new())
        {
            return Some(c);
        }
    }
    None
}

fn show(m: &[String]) -> String {
    if m.is_empty() { "crate".into() } else { m.join("::") }
}

#[test]
fn no_module_imports_a_module_that_imports_it_back() {
    for krate in crates() {
        if let Some(cycle) = find_cycle(&graph(&krate)) {
            panic!(
                "{}: import cycle {}",
                krate.file_name().unwrap_or_default().to_string_lossy(),
                cycle.iter().map(|m| show(m)).collect::<Vec<_>>().join(" -> ")
            );
        }
    }
}

#[test]
fn the_cycle_finder_finds_a_cycle_through_an_inline_path() {
    let modules: BTreeSet<Vec<String>> =
        [vec![], vec!["pages".into()], vec!["pages".into(), "a".into()], vec!["pages".into(), "b".into()]].into_iter().collect();
    let a = vec!["pages".to_string(), "a".to_string()];
    let b = vec!["pages".to_string(), "b".to_string()];
    let from_a: BTreeSet<_> = paths_in(&code_of("use super::b::Thing;\n")).iter().filter_map(|p| resolve(&a, p, &modules)).collect();
    let from_b: BTreeSet<_> =
        paths_in(&code_of("fn f() { super::a::g(); } // crate::c\n")).iter().filter_map(|p| resolve(&b, p, &modules)).collect();
    assert_eq!(from_a, [b.clone()].into_iter().collect());
    assert_eq!(from_b, [a.clone()].into_iter().collect());
    let edges: BTreeMap<_, _> = [(a.clone(), from_a), (b.clone(), from_b)].into_iter().collect();
    assert!(find_cycle(&edges).is_some());
    let grouped = paths_in("use crate::{error::X, views};");
    assert_eq!(grouped, vec![vec!["crate".to_string(), "error".into()], vec!["crate".to_string(), "views".into()]]);
}

#[test]
fn no_source_file_is_far_over_600_lines() {
    let mut too_long = Vec::new();
    for krate in crates() {
        let mut files = Vec::new();
        rust_files(&krate, &mut files);
        for f in files {
            let lines = std::fs::read_to_string(&f).map(|t| t.lines().count()).unwrap_or(0);
            if lines > 650 {
                too_long.push(format!("{} ({lines} lines)", f.strip_prefix(workspace()).unwrap_or(&f).display()));
            }
        }
    }
    assert!(too_long.is_empty(), "split these files: {too_long:?}");
}

#[test]
fn the_application_layer_does_not_depend_on_http() {
    let manifest = std::fs::read_to_string(workspace().join("crates/keyplan-app/Cargo.toml")).expect("manifest");
    for dep in ["axum", "tower", "askama", "http", "hyper"] {
        let named = manifest.lines().any(|l| {
            let name = l.split(['=', '.']).next().unwrap_or("").trim();
            name == dep || name.starts_with(&format!("{dep}-"))
        });
        assert!(!named, "keyplan-app depends on {dep}");
    }
}

#[test]
fn the_error_module_imports_nothing_from_pages_or_middleware() {
    let src = workspace().join("crates/keyplan-web/src");
    let code = code_of(&std::fs::read_to_string(src.join("error.rs")).expect("error.rs"));
    for p in paths_in(&code) {
        let joined = p.join("::");
        assert!(!joined.contains("pages") && !joined.contains("middleware"), "error.rs names {joined}");
    }
}
