//! leidraad: a terminal guide for structured conversations.
//!
//! The domain modules (`guide`, `session`, `timer`, `store`, `report`) know
//! nothing of the terminal; `tui` knows nothing of files.

pub mod bundled;
pub mod calendar;
pub mod catalog;
pub mod cli;
pub mod clock;
pub mod config;
pub mod file_fault;
pub mod file_read;
pub mod fold;
pub mod guide;
pub mod i18n;
pub mod paths;
pub mod plan;
pub mod report;
pub mod saver;
pub mod session;
pub mod settings;
pub mod slug;
pub mod store;
pub mod timer;
pub mod trajectory;
pub mod tui;
