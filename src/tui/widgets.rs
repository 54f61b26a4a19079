//! Widgets shared by the screens.

pub mod input;
pub mod scroll;
pub mod text;
pub mod window;
pub mod wrap;
