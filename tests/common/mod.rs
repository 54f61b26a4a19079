//! Helpers for the end-to-end tests (`tests/e2e*.rs`): `tmux` drives the
//! real binary in a private tmux server. (The in-process helpers live in
//! `tests/ui_support`.)

#![allow(dead_code)]

pub mod privs;
pub mod tmux;

/// Every entry of a folder with its size, mode and modification time,
/// sorted: compare two of them to see that nothing in it changed.
pub fn folder_state(dir: &std::path::Path) -> Vec<(String, u64, u32, std::time::SystemTime)> {
    use std::os::unix::fs::PermissionsExt;
    let mut v: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| {
            let e = e.unwrap();
            let m = e.metadata().unwrap();
            (
                e.file_name().to_string_lossy().into_owned(),
                m.len(),
                m.permissions().mode(),
                m.modified().unwrap(),
            )
        })
        .collect();
    v.sort();
    v
}
