//! The key table: every mode's bindings, most specific first. The footer
//! and the help are drawn from the same table (see `keymap.rs`), so what is
//! shown is what works.

use ratatui::crossterm::event::KeyCode;

use super::{Action, Binding, Key, Mode, SPACE, YES};
use crate::i18n::Texts;

pub(super) const fn b(
    key: Key,
    label: &'static str,
    action: Action,
    help: fn(&Texts) -> &'static str,
    footer: bool,
) -> Binding {
    Binding {
        key,
        label,
        action,
        help,
        footer,
    }
}

use Action as A;
use Key as K;

/// Keys that work in every mode except while typing in an input.
const GLOBAL: &[Binding] = &[
    b(
        K::Ctrl('c'),
        "Ctrl-C",
        A::SaveAndLeave,
        |t| t.keys.ctrl_c,
        false,
    ),
    b(K::Ctrl('s'), "Ctrl-S", A::Save, |t| t.keys.save, false),
    b(
        K::Ctrl('o'),
        "Ctrl-O",
        A::SaveElsewhere,
        |t| t.keys.save_elsewhere,
        false,
    ),
];

mod archive;
mod conversation;
mod plans;

use conversation::{
    CONV, CONV_CARRIED, CONV_LIST, CONV_NOTES, CONV_QUESTIONS, CONV_RATING, EDITING, ITEM_FORM,
};

const HOME: &[Binding] = &[
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
        |t| t.keys.open,
        true,
    ),
    b(K::Char('h'), "h", A::History, |t| t.keys.history, true),
    b(K::Char('?'), "?", A::Help, |t| t.keys.help, true),
    b(K::Char('q'), "q", A::Quit, |t| t.keys.quit_app, true),
    // Asks first (Esc is "back" everywhere else).
    b(
        K::Code(KeyCode::Esc),
        "Esc",
        A::Back,
        |t| t.keys.quit_app,
        false,
    ),
];

const PREPARE: &[Binding] = &[
    b(K::Code(KeyCode::Up), "↑↓", A::Up, |t| t.keys.choose, true),
    b(
        K::Code(KeyCode::Down),
        "↓",
        A::Down,
        |t| t.keys.choose,
        false,
    ),
    b(K::Char(' '), SPACE, A::Toggle, |t| t.keys.tick, true),
    b(
        K::Code(KeyCode::Enter),
        "Enter",
        A::Enter,
        |t| t.keys.go_on,
        true,
    ),
    b(
        K::Code(KeyCode::PageDown),
        "PgUp/PgDn",
        A::PageDown,
        |t| t.keys.scroll_info,
        true,
    ),
    b(
        K::Code(KeyCode::PageUp),
        "PgUp",
        A::PageUp,
        |t| t.keys.scroll_info,
        false,
    ),
    b(K::Code(KeyCode::Esc), "Esc", A::Back, |t| t.keys.back, true),
    b(K::Char('?'), "?", A::Help, |t| t.keys.help, true),
];

const FORM: &[Binding] = &[
    b(
        K::Code(KeyCode::Tab),
        "Tab",
        A::NextField,
        |t| t.keys.next_field,
        true,
    ),
    b(
        K::Code(KeyCode::Down),
        "↓",
        A::NextField,
        |t| t.keys.next_field,
        false,
    ),
    b(
        K::Code(KeyCode::BackTab),
        "Shift-Tab",
        A::PrevField,
        |t| t.keys.prev_field,
        true,
    ),
    b(
        K::Code(KeyCode::Up),
        "↑",
        A::PrevField,
        |t| t.keys.prev_field,
        false,
    ),
    b(
        K::Code(KeyCode::Enter),
        "Enter",
        A::Enter,
        |t| t.keys.form_enter,
        true,
    ),
    b(K::Code(KeyCode::Esc), "Esc", A::Back, |t| t.keys.back, true),
];

/// A long-text field of the header form: Enter still moves on, Alt-Enter
/// breaks the line.
const FORM_TEXT: &[Binding] = &[b(
    K::Alt(KeyCode::Enter),
    "Alt-Enter",
    A::NewLine,
    |t| t.keys.newline,
    true,
)];

/// A yes/no or choice field of the header form.
const FORM_PICK: &[Binding] = &[
    b(K::Code(KeyCode::Left), "←→", A::Left, |t| t.keys.pick, true),
    b(
        K::Code(KeyCode::Right),
        "→",
        A::Right,
        |t| t.keys.pick,
        false,
    ),
    b(K::Char(' '), SPACE, A::Right, |t| t.keys.pick, false),
    b(
        K::Code(KeyCode::Backspace),
        "Backspace",
        A::Clear,
        |t| t.keys.clear,
        false,
    ),
];

const CONFIRM: &[Binding] = &[
    b(K::Char('j'), YES, A::Yes, |t| t.keys.yes, true),
    b(K::Char('y'), "y", A::Yes, |t| t.keys.yes, false),
    b(
        K::Code(KeyCode::Enter),
        "Enter",
        A::Yes,
        |t| t.keys.yes,
        false,
    ),
    b(K::Char('n'), "n", A::No, |t| t.keys.no, true),
    b(K::Code(KeyCode::Esc), "Esc", A::No, |t| t.keys.no, false),
];

const PROMPT: &[Binding] = &[
    b(
        K::Code(KeyCode::Enter),
        "Enter",
        A::Enter,
        |t| t.keys.save_here,
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

/// Scrolling a long text (the summary, the read-only view).
const SCROLL: &[Binding] = &[
    b(K::Code(KeyCode::Up), "↑↓", A::Up, |t| t.keys.scroll, true),
    b(
        K::Code(KeyCode::Down),
        "↓",
        A::Down,
        |t| t.keys.scroll,
        false,
    ),
    b(K::Char('k'), "k", A::Up, |t| t.keys.scroll, false),
    b(K::Char('j'), "j", A::Down, |t| t.keys.scroll, false),
    b(
        K::Code(KeyCode::PageUp),
        "PgUp",
        A::PageUp,
        |t| t.keys.scroll,
        false,
    ),
    b(
        K::Code(KeyCode::PageDown),
        "PgDn",
        A::PageDown,
        |t| t.keys.scroll,
        false,
    ),
];

const SUMMARY: &[Binding] = &[
    b(
        K::Code(KeyCode::Enter),
        "Enter",
        A::Back,
        |t| t.keys.back,
        true,
    ),
    b(
        K::Code(KeyCode::Esc),
        "Esc",
        A::Back,
        |t| t.keys.back,
        false,
    ),
    b(K::Char('q'), "q", A::Back, |t| t.keys.back, false),
    b(K::Char('e'), "e", A::Export, |t| t.keys.export, true),
    b(K::Char('?'), "?", A::Help, |t| t.keys.help, true),
];

const HELP: &[Binding] = &[
    b(
        K::Code(KeyCode::Esc),
        "Esc",
        A::Back,
        |t| t.keys.close,
        true,
    ),
    b(K::Char('?'), "?", A::Back, |t| t.keys.close, false),
    b(K::Char('q'), "q", A::Back, |t| t.keys.close, false),
    b(
        K::Code(KeyCode::Enter),
        "Enter",
        A::Back,
        |t| t.keys.close,
        false,
    ),
];

/// The bindings of a mode, most specific first.
pub fn bindings(mode: Mode) -> Vec<&'static Binding> {
    let specific: &[&[Binding]] = match mode {
        Mode::Home => &[HOME],
        Mode::Prepare => &[PREPARE],
        Mode::Form => &[FORM],
        Mode::FormText => &[FORM_TEXT, FORM],
        Mode::FormPick => &[FORM_PICK, FORM],
        Mode::ConvNotes => &[CONV_NOTES, CONV],
        Mode::ConvRevisit => &[SCROLL, CONV_NOTES, CONV],
        Mode::ConvQuestions => &[CONV_QUESTIONS, CONV],
        Mode::ConvList => &[CONV_LIST, CONV],
        Mode::ConvRating => &[CONV_RATING, CONV],
        Mode::ConvCarried => &[CONV_CARRIED, CONV],
        Mode::Editing => &[EDITING],
        Mode::ItemForm => &[ITEM_FORM],
        Mode::Confirm => &[CONFIRM],
        Mode::Prompt => &[PROMPT],
        Mode::Summary => &[SCROLL, SUMMARY],
        Mode::View => &[SCROLL, archive::VIEW],
        Mode::ViewFind => &[archive::FIND],
        Mode::History => &[archive::HISTORY],
        Mode::HistorySearch => &[archive::FIND],
        Mode::Pick => &[archive::PICK],
        Mode::Export => &[archive::EXPORT],
        Mode::Timeline => &[plans::TIMELINE],
        Mode::Help => &[SCROLL, HELP],
    };
    specific
        .iter()
        .flat_map(|s| s.iter())
        .chain(GLOBAL.iter())
        .collect()
}
