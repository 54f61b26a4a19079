//! The keys of a plan's timeline: choose a step, prepare or view its talk,
//! move its date, skip it, attach or detach a talk, the calendar, archive.

use ratatui::crossterm::event::KeyCode;

use super::b;
use crate::tui::keymap::{Action as A, Binding, Key as K};

/// A plan's timeline.
pub(in crate::tui::keymap) const TIMELINE: &[Binding] = &[
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
        |t| t.keys.open_step,
        true,
    ),
    b(K::Char('m'), "m", A::MoveDate, |t| t.keys.move_date, true),
    b(K::Char('x'), "x", A::Skip, |t| t.keys.skip_step, true),
    b(K::Char('g'), "g", A::Attach, |t| t.keys.attach, true),
    b(K::Char('u'), "u", A::Detach, |t| t.keys.detach, true),
    b(K::Char('c'), "c", A::Calendar, |t| t.keys.calendar, true),
    b(K::Char('a'), "a", A::Archive, |t| t.keys.archive, true),
    b(K::Char('?'), "?", A::Help, |t| t.keys.help, true),
    b(K::Code(KeyCode::Esc), "Esc", A::Back, |t| t.keys.back, true),
];
