//! The keys of the archive: the history of past sessions, the read-only
//! view of one, finding text, and choosing from a few values.

use ratatui::crossterm::event::KeyCode;

use super::b;
use crate::tui::keymap::{Action as A, Binding, Key as K, SPACE};

/// The history: choose a session, view it, search, filter, act on it.
pub(in crate::tui::keymap) const HISTORY: &[Binding] = &[
    b(K::Code(KeyCode::Up), "↑↓", A::Up, |t| t.keys.choose, true),
    b(
        K::Code(KeyCode::Down),
        "↓",
        A::Down,
        |t| t.keys.choose,
        false,
    ),
    b(K::Char('k'), "k", A::Up, |t| t.keys.choose, false),
    b(K::Char('j'), "j", A::Down, |t| t.keys.choose, false),
    b(
        K::Code(KeyCode::PageUp),
        "PgUp",
        A::PageUp,
        |t| t.keys.choose,
        false,
    ),
    b(
        K::Code(KeyCode::PageDown),
        "PgDn",
        A::PageDown,
        |t| t.keys.choose,
        false,
    ),
    b(
        K::Code(KeyCode::Home),
        "Home",
        A::Top,
        |t| t.keys.choose,
        false,
    ),
    b(
        K::Code(KeyCode::End),
        "End",
        A::Bottom,
        |t| t.keys.choose,
        false,
    ),
    b(
        K::Code(KeyCode::Enter),
        "Enter",
        A::Enter,
        |t| t.keys.view,
        true,
    ),
    b(K::Char('/'), "/", A::Search, |t| t.keys.search, true),
    b(
        K::Char('c'),
        "c",
        A::FilterClient,
        |t| t.keys.filter_client,
        true,
    ),
    b(
        K::Char('g'),
        "g",
        A::FilterGuide,
        |t| t.keys.filter_guide,
        true,
    ),
    b(K::Char('r'), "r", A::Reload, |t| t.keys.resume, true),
    b(K::Char('v'), "v", A::FollowUp, |t| t.keys.follow_up, true),
    b(K::Char('d'), "d", A::Delete, |t| t.keys.delete, true),
    b(
        K::Code(KeyCode::Delete),
        "Del",
        A::Delete,
        |t| t.keys.delete,
        false,
    ),
    b(K::Code(KeyCode::Esc), "Esc", A::Back, |t| t.keys.back, true),
    b(K::Char('q'), "q", A::Back, |t| t.keys.back, false),
    b(K::Char('?'), "?", A::Help, |t| t.keys.help, true),
];

/// A session shown read-only.
pub(in crate::tui::keymap) const VIEW: &[Binding] = &[
    b(K::Char('/'), "/", A::Search, |t| t.keys.find, true),
    b(K::Char('n'), "n", A::FindNext, |t| t.keys.find_next, true),
    b(
        K::Char('o'),
        "o",
        A::TogglePrivate,
        |t| t.keys.toggle_private,
        true,
    ),
    b(K::Char('e'), "e", A::Export, |t| t.keys.export, true),
    b(K::Char('r'), "r", A::Reload, |t| t.keys.resume, true),
    b(K::Char('v'), "v", A::FollowUp, |t| t.keys.follow_up, true),
    b(K::Char('d'), "d", A::Delete, |t| t.keys.delete, true),
    b(K::Code(KeyCode::Esc), "Esc", A::Back, |t| t.keys.back, true),
    b(K::Char('q'), "q", A::Back, |t| t.keys.back, false),
    b(K::Char('?'), "?", A::Help, |t| t.keys.help, true),
];

/// Typing what to search (the history) or find (the view): every key
/// types, but these.
pub(in crate::tui::keymap) const FIND: &[Binding] = &[
    b(
        K::Code(KeyCode::Enter),
        "Enter",
        A::Enter,
        |t| t.keys.done_typing,
        true,
    ),
    b(
        K::Code(KeyCode::Down),
        "↓",
        A::Enter,
        |t| t.keys.done_typing,
        false,
    ),
    b(
        K::Code(KeyCode::Esc),
        "Esc",
        A::Back,
        |t| t.keys.stop_search,
        true,
    ),
];

/// Choosing one of a few values.
pub(in crate::tui::keymap) const PICK: &[Binding] = &[
    b(K::Code(KeyCode::Up), "↑↓", A::Up, |t| t.keys.choose, true),
    b(
        K::Code(KeyCode::Down),
        "↓",
        A::Down,
        |t| t.keys.choose,
        false,
    ),
    b(K::Char('k'), "k", A::Up, |t| t.keys.choose, false),
    b(K::Char('j'), "j", A::Down, |t| t.keys.choose, false),
    b(
        K::Code(KeyCode::Enter),
        "Enter",
        A::Enter,
        |t| t.keys.pick,
        true,
    ),
    b(
        K::Code(KeyCode::Esc),
        "Esc",
        A::Back,
        |t| t.keys.cancel,
        true,
    ),
];

/// The export dialog: rows, choices, the folder typed.
pub(in crate::tui::keymap) const EXPORT: &[Binding] = &[
    b(K::Code(KeyCode::Up), "↑↓", A::Up, |t| t.keys.choose, true),
    b(
        K::Code(KeyCode::Down),
        "↓",
        A::Down,
        |t| t.keys.choose,
        false,
    ),
    b(
        K::Code(KeyCode::Tab),
        "Tab",
        A::NextField,
        |t| t.keys.choose,
        false,
    ),
    b(
        K::Code(KeyCode::BackTab),
        "Shift-Tab",
        A::PrevField,
        |t| t.keys.choose,
        false,
    ),
    b(K::Char(' '), SPACE, A::Toggle, |t| t.keys.pick, true),
    b(
        K::Code(KeyCode::Left),
        "←→",
        A::Left,
        |t| t.keys.pick,
        false,
    ),
    b(
        K::Code(KeyCode::Right),
        "→",
        A::Right,
        |t| t.keys.pick,
        false,
    ),
    b(
        K::Code(KeyCode::Enter),
        "Enter",
        A::Enter,
        |t| t.keys.write_report,
        true,
    ),
    b(
        K::Code(KeyCode::Esc),
        "Esc",
        A::Back,
        |t| t.keys.cancel,
        true,
    ),
];
