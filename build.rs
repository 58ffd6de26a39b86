//! Rebuilds when a file is added to or removed from `routines/`, which the
//! binary embeds whole: the compiler tracks the files it read, not new ones.

fn main() {
    println!("cargo:rerun-if-changed=routines");
    println!("cargo:rerun-if-changed=routines/exercises");
}
