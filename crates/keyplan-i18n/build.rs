//! The translations in `locales/` are compiled into the binary: rebuild when
//! one is added, removed or changed.

fn main() {
    println!("cargo:rerun-if-changed=locales");
}
