//! Helpers for the end-to-end tests (`tests/e2e*.rs`): `tmux` drives the
//! real binary in a private tmux server. (The in-process helpers live in
//! `tests/ui_support`.)

#![allow(dead_code)]

pub mod privs;
pub mod tmux;
