//! The keys of the conversation screen: shared by every focus, then per
//! focus (the notes, the revisited notes, the questions, a list, a rating,
//! the open items of earlier talks), typing, and the item form.

use ratatui::crossterm::event::KeyCode;

use super::b;
use crate::tui::keymap::{Action as A, Binding, Key as K, SPACE};

/// Conversation keys shared by every focus (not typing).
pub(super) const CONV: &[Binding] = &[
    b(
        K::Code(KeyCode::PageDown),
        "PgUp/PgDn",
        A::PageDown,
        |t| t.keys.scroll_guide,
        false,
    ),
    b(
        K::Code(KeyCode::PageUp),
        "PgUp",
        A::PageUp,
        |t| t.keys.scroll_guide,
        false,
    ),
    b(
        K::Code(KeyCode::Tab),
        "Tab",
        A::FocusNext,
        |t| t.keys.focus,
        true,
    ),
    b(
        K::Code(KeyCode::BackTab),
        "Shift-Tab",
        A::FocusPrev,
        |t| t.keys.focus,
        false,
    ),
    // First among the phase keys: the open items of earlier talks matter
    // from the start (offered only when there are any).
    b(
        K::Char('u'),
        "u",
        A::OpenCarried,
        |t| t.keys.open_items,
        true,
    ),
    b(K::Char('n'), "n", A::NextPhase, |t| t.keys.next_phase, true),
    b(K::Char('p'), "p", A::PrevPhase, |t| t.keys.prev_phase, true),
    b(
        K::Digit,
        "1-9",
        A::JumpPhase(0),
        |t| t.keys.jump_phase,
        false,
    ),
    b(K::Char('a'), "a", A::AddItem, |t| t.keys.add_item, true),
    b(K::Char('t'), "t", A::Pause, |t| t.keys.pause, true),
    b(
        K::Char('+'),
        "+/-",
        A::PlusMinute,
        |t| t.keys.correct_clock,
        true,
    ),
    b(
        K::Char('='),
        "=",
        A::PlusMinute,
        |t| t.keys.correct_clock,
        false,
    ),
    b(
        K::Char('-'),
        "-",
        A::MinusMinute,
        |t| t.keys.correct_clock,
        false,
    ),
    b(K::Char('E'), "E", A::EndTime, |t| t.keys.end_time, true),
    b(K::Char('o'), "o", A::EditPrivate, |t| t.keys.private, false),
    // In the footer of optional phases only (see `ConvState::offers`).
    b(K::Char('x'), "x", A::Skip, |t| t.keys.skip, true),
    b(K::Char('q'), "q", A::Quit, |t| t.keys.quit_conv, true),
    b(K::Char('s'), "s", A::Summary, |t| t.keys.summary, true),
    b(K::Char('f'), "f", A::Finish, |t| t.keys.finish, true),
    b(K::Char('?'), "?", A::Help, |t| t.keys.help, true),
];

pub(super) const CONV_NOTES: &[Binding] = &[
    b(
        K::Code(KeyCode::Enter),
        "Enter",
        A::Edit,
        |t| t.keys.type_here,
        true,
    ),
    b(K::Char('i'), "i", A::Edit, |t| t.keys.type_here, false),
];

pub(super) const CONV_QUESTIONS: &[Binding] = &[
    b(K::Code(KeyCode::Up), "↑↓", A::Up, |t| t.keys.choose, true),
    b(
        K::Code(KeyCode::Down),
        "↓",
        A::Down,
        |t| t.keys.choose,
        false,
    ),
    b(K::Char(' '), SPACE, A::Toggle, |t| t.keys.mark_asked, true),
    b(
        K::Code(KeyCode::Enter),
        "Enter",
        A::Toggle,
        |t| t.keys.mark_asked,
        false,
    ),
    b(K::Char('i'), "i", A::Edit, |t| t.keys.edit_notes, false),
];

pub(super) const CONV_LIST: &[Binding] = &[
    b(K::Code(KeyCode::Up), "↑↓", A::Up, |t| t.keys.choose, true),
    b(
        K::Code(KeyCode::Down),
        "↓",
        A::Down,
        |t| t.keys.choose,
        false,
    ),
    b(
        K::Code(KeyCode::Enter),
        "Enter",
        A::Enter,
        |t| t.keys.edit_item,
        true,
    ),
    b(K::Char('e'), "e", A::Enter, |t| t.keys.edit_item, false),
    b(
        K::Char(' '),
        SPACE,
        A::Toggle,
        |t| t.keys.toggle_done,
        false,
    ),
    b(
        K::Char('d'),
        "d",
        A::RemoveItem,
        |t| t.keys.remove_item,
        true,
    ),
    b(
        K::Code(KeyCode::Delete),
        "Del",
        A::RemoveItem,
        |t| t.keys.remove_item,
        false,
    ),
    b(K::Char('i'), "i", A::Edit, |t| t.keys.edit_notes, false),
];

pub(super) const CONV_RATING: &[Binding] = &[
    b(K::Code(KeyCode::Up), "↑↓", A::Up, |t| t.keys.choose, true),
    b(
        K::Code(KeyCode::Down),
        "↓",
        A::Down,
        |t| t.keys.choose,
        false,
    ),
    b(K::Code(KeyCode::Left), "←→", A::Left, |t| t.keys.rate, true),
    b(
        K::Code(KeyCode::Right),
        "→",
        A::Right,
        |t| t.keys.rate,
        false,
    ),
    b(K::Char(' '), SPACE, A::Right, |t| t.keys.rate, false),
    b(K::Char('i'), "i", A::Edit, |t| t.keys.edit_notes, false),
];

pub(super) const EDITING: &[Binding] = &[b(
    K::Code(KeyCode::Esc),
    "Esc",
    A::Back,
    |t| t.keys.stop_typing,
    true,
)];

pub(super) const ITEM_FORM: &[Binding] = &[
    b(
        K::Code(KeyCode::Tab),
        "Tab",
        A::NextField,
        |t| t.keys.next_column,
        true,
    ),
    b(
        K::Code(KeyCode::BackTab),
        "Shift-Tab",
        A::PrevField,
        |t| t.keys.prev_field,
        false,
    ),
    b(
        K::Code(KeyCode::Enter),
        "Enter",
        A::Enter,
        |t| t.keys.save_item,
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

/// The open items of earlier talks (in their phase's lists pane, or all of
/// them with `u`): each is carried on, done, or dropped.
pub(super) const CONV_CARRIED: &[Binding] = &[
    b(K::Code(KeyCode::Up), "↑↓", A::Up, |t| t.keys.choose, true),
    b(
        K::Code(KeyCode::Down),
        "↓",
        A::Down,
        |t| t.keys.choose,
        false,
    ),
    b(
        K::Char(' '),
        SPACE,
        A::Toggle,
        |t| t.keys.carried_done,
        true,
    ),
    b(K::Char('x'), "x", A::Drop, |t| t.keys.carried_dropped, true),
    b(K::Char('i'), "i", A::Edit, |t| t.keys.edit_notes, false),
    b(
        K::Code(KeyCode::Esc),
        "Esc",
        A::Back,
        |t| t.keys.close,
        false,
    ),
];
