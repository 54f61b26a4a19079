//! Helpers shared by the integration tests.
//!
//! - `app`: drive the app model in-process (TestBackend, pinned clock).
//! - `tmux`: drive the real binary in a private tmux server (end to end).

#![allow(dead_code)]

pub mod app;
pub mod tmux;
