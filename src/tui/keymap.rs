//! Keys: (mode, key) → [`Action`]. The same table draws the footer and the
//! help overlay, so what is shown is what works.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::i18n::Texts;

/// What the app is doing, as far as keys are concerned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Home,
    Prepare,
    Form,
    /// The header form with a long-text field focused (line breaks allowed).
    FormText,
    /// The header form with a yes/no or choice field focused.
    FormPick,
    /// Conversation screen, focus on the notes (not typing).
    ConvNotes,
    /// Conversation screen, focus on the earlier notes of a `revisit` phase.
    ConvRevisit,
    /// Conversation screen, focus on the helper questions.
    ConvQuestions,
    /// Conversation screen, focus on a list.
    ConvList,
    /// Conversation screen, focus on a rating.
    ConvRating,
    /// Typing in the notes editor.
    Editing,
    /// The small form that adds or edits a list item.
    ItemForm,
    /// A yes/no question (finish, remove an item).
    Confirm,
    /// A one-line question (the folder to save elsewhere).
    Prompt,
    Summary,
    /// A session shown read-only.
    View,
    Help,
}

/// What a key does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Up,
    Down,
    Left,
    Right,
    PageUp,
    PageDown,
    Enter,
    Back,
    Quit,
    Help,
    Toggle,
    NextField,
    PrevField,
    NextPhase,
    PrevPhase,
    JumpPhase(usize),
    FocusNext,
    FocusPrev,
    Edit,
    EditPrivate,
    AddItem,
    RemoveItem,
    Pause,
    PlusMinute,
    MinusMinute,
    Summary,
    Finish,
    Skip,
    Save,
    SaveAndLeave,
    SaveElsewhere,
    Yes,
    No,
    NewLine,
    Reload,
    Clear,
}

/// A key pattern.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    Char(char),
    Ctrl(char),
    Code(KeyCode),
    /// A key with Alt held.
    Alt(KeyCode),
    /// `1`…`9`.
    Digit,
}

impl Key {
    fn matches(self, ev: &KeyEvent) -> Option<Option<usize>> {
        let ctrl = ev.modifiers.contains(KeyModifiers::CONTROL);
        let alt = ev.modifiers.contains(KeyModifiers::ALT);
        match (self, ev.code) {
            (Key::Ctrl(c), KeyCode::Char(k)) if ctrl && k.eq_ignore_ascii_case(&c) => Some(None),
            (Key::Char(c), KeyCode::Char(k)) if !ctrl && !alt && k == c => Some(None),
            (Key::Digit, KeyCode::Char(k @ '1'..='9')) if !ctrl && !alt => {
                Some(Some(k as usize - '1' as usize))
            }
            (Key::Code(c), code) if c == code && !ctrl && !alt => Some(None),
            (Key::Alt(c), code) if c == code && alt && !ctrl => Some(None),
            _ => None,
        }
    }
}

/// One line of the key table.
#[derive(Debug, Clone, Copy)]
pub struct Binding {
    pub key: Key,
    /// How the key is written in the footer and help.
    pub label: &'static str,
    pub action: Action,
    /// What it does, in the UI language.
    pub help: fn(&Texts) -> &'static str,
    /// Shown in the footer (all bindings show in the help overlay).
    pub footer: bool,
}

/// The label of the space bar, written in the UI language by
/// [`Binding::label_in`].
const SPACE: &str = "Space";

impl Binding {
    /// The key's label as the footer and help write it.
    pub fn label_in(&self, texts: &Texts) -> &'static str {
        if self.label == SPACE {
            texts.keys.space
        } else {
            self.label
        }
    }
}

const fn b(
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
    b(K::Char('?'), "?", A::Help, |t| t.keys.help, true),
    b(K::Char('q'), "q", A::Quit, |t| t.keys.quit_app, true),
    b(
        K::Code(KeyCode::Esc),
        "Esc",
        A::Quit,
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

/// Conversation keys shared by every focus (not typing).
const CONV: &[Binding] = &[
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
    b(K::Char('+'), "+", A::PlusMinute, |t| t.keys.plus, false),
    b(K::Char('='), "=", A::PlusMinute, |t| t.keys.plus, false),
    b(K::Char('-'), "-", A::MinusMinute, |t| t.keys.minus, false),
    b(K::Char('o'), "o", A::EditPrivate, |t| t.keys.private, false),
    b(K::Char('x'), "x", A::Skip, |t| t.keys.skip, false),
    b(K::Char('s'), "s", A::Summary, |t| t.keys.summary, true),
    b(K::Char('f'), "f", A::Finish, |t| t.keys.finish, true),
    b(K::Char('q'), "q", A::Quit, |t| t.keys.quit_conv, true),
    b(K::Char('?'), "?", A::Help, |t| t.keys.help, true),
];

const CONV_NOTES: &[Binding] = &[
    b(
        K::Code(KeyCode::Enter),
        "Enter",
        A::Edit,
        |t| t.keys.type_here,
        true,
    ),
    b(K::Char('i'), "i", A::Edit, |t| t.keys.type_here, false),
];

const CONV_QUESTIONS: &[Binding] = &[
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

const CONV_LIST: &[Binding] = &[
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

const CONV_RATING: &[Binding] = &[
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

const EDITING: &[Binding] = &[b(
    K::Code(KeyCode::Esc),
    "Esc",
    A::Back,
    |t| t.keys.stop_typing,
    true,
)];

const ITEM_FORM: &[Binding] = &[
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

const CONFIRM: &[Binding] = &[
    b(K::Char('y'), "y", A::Yes, |t| t.keys.yes, true),
    b(K::Char('j'), "j", A::Yes, |t| t.keys.yes, false),
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
    b(K::Char('?'), "?", A::Help, |t| t.keys.help, true),
];

const VIEW: &[Binding] = &[
    b(K::Char('r'), "r", A::Reload, |t| t.keys.reload, true),
    b(K::Code(KeyCode::Esc), "Esc", A::Back, |t| t.keys.back, true),
    b(K::Char('q'), "q", A::Back, |t| t.keys.back, false),
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
        Mode::Editing => &[EDITING],
        Mode::ItemForm => &[ITEM_FORM],
        Mode::Confirm => &[CONFIRM],
        Mode::Prompt => &[PROMPT],
        Mode::Summary => &[SCROLL, SUMMARY],
        Mode::View => &[SCROLL, VIEW],
        Mode::Help => &[SCROLL, HELP],
    };
    specific
        .iter()
        .flat_map(|s| s.iter())
        .chain(GLOBAL.iter())
        .collect()
}

/// The action for a key in a mode, if any.
pub fn lookup(mode: Mode, ev: &KeyEvent) -> Option<Action> {
    bindings(mode).into_iter().find_map(|bd| {
        bd.key.matches(ev).map(|digit| match (bd.action, digit) {
            (Action::JumpPhase(_), Some(i)) => Action::JumpPhase(i),
            (action, _) => action,
        })
    })
}

/// The footer line items for a mode: (key label, description).
pub fn footer(
    mode: Mode,
    texts: &Texts,
    offered: impl Fn(Action) -> bool,
) -> Vec<(&'static str, &'static str)> {
    bindings(mode)
        .into_iter()
        .filter(|bd| bd.footer && offered(bd.action))
        .map(|bd| (bd.label_in(texts), (bd.help)(texts)))
        .collect()
}

/// Every binding of a mode for the help overlay, one line per distinct
/// description (aliases joined: "n", "p", "↑↓ / k / j").
pub fn help_lines(mode: Mode, texts: &Texts) -> Vec<(String, &'static str)> {
    let mut out: Vec<(String, &'static str)> = Vec::new();
    for bd in bindings(mode) {
        let help = (bd.help)(texts);
        let label = bd.label_in(texts);
        match out.iter_mut().find(|(_, h)| *h == help) {
            Some((labels, _)) => {
                if !labels.split(" / ").any(|shown| covers(shown, label)) {
                    labels.push_str(" / ");
                    labels.push_str(label);
                }
            }
            None => out.push((label.to_string(), help)),
        }
    }
    out
}

/// Whether a key label already shown stands for `label` too: the same
/// label, one half of a pair (`PgUp/PgDn` has `PgUp`), or an arrow of a
/// pair of arrows (`↑↓` has `↓`). A letter is never part of a word:
/// `Enter` does not stand for `e`.
fn covers(shown: &str, label: &str) -> bool {
    let arrow = |c: char| matches!(c, '↑' | '↓' | '←' | '→');
    shown == label
        || shown.split('/').any(|half| half == label)
        || (label.chars().all(arrow) && shown.chars().all(arrow) && shown.contains(label))
}

/// One part of the help overlay: a heading (none for the keys of the focus
/// the help was opened from) and its lines.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HelpSection {
    pub heading: Option<&'static str>,
    pub lines: Vec<(String, &'static str)>,
}

/// The help overlay's content for a screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Help {
    pub sections: Vec<HelpSection>,
    /// A closing remark (how the conversation is saved).
    pub note: Option<&'static str>,
}

/// The heading of a help section, in the UI language.
type Heading = fn(&Texts) -> &'static str;

/// The conversation screen's key modes in the order the help shows them,
/// each with the heading of its section.
const CONVERSATION: &[(Mode, Option<Heading>)] = &[
    (Mode::ConvNotes, None),
    (Mode::ConvRevisit, Some(|t| t.keys.help_in_revisit)),
    (Mode::ConvQuestions, Some(|t| t.keys.help_in_questions)),
    (Mode::ConvList, Some(|t| t.keys.help_in_list)),
    (Mode::ConvRating, Some(|t| t.keys.help_in_rating)),
    (Mode::Editing, Some(|t| t.keys.help_typing)),
    (Mode::ItemForm, Some(|t| t.keys.help_in_item_form)),
];

/// The help for a screen whose key mode is `mode`: its keys first; on the
/// conversation screen then the keys of every other focus the screen has
/// (`present`), each under its heading. A description is listed once.
pub fn help_sections(mode: Mode, texts: &Texts, present: impl Fn(Mode) -> bool) -> Help {
    let conversation = CONVERSATION.iter().any(|(m, _)| *m == mode);
    let mut modes = vec![(mode, None)];
    if conversation {
        for &(m, heading) in CONVERSATION {
            if m != mode && present(m) {
                modes.push((m, heading.map(|h| h(texts))));
            }
        }
    }
    let mut seen: Vec<&str> = Vec::new();
    let mut sections = Vec::new();
    for (m, heading) in modes {
        let lines: Vec<(String, &'static str)> = help_lines(m, texts)
            .into_iter()
            .filter(|(_, what)| {
                let new = !seen.contains(what);
                seen.push(what);
                new
            })
            .collect();
        if !lines.is_empty() {
            sections.push(HelpSection { heading, lines });
        }
    }
    Help {
        sections,
        note: conversation.then_some(texts.keys.help_saving),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    #[test]
    fn the_help_keeps_a_letter_alias_beside_a_longer_key() {
        let lines = help_lines(Mode::ConvList, &crate::i18n::NL);
        let edit = lines
            .iter()
            .find(|(_, what)| *what == crate::i18n::NL.keys.edit_item)
            .expect("editing an item is in the help");
        assert_eq!(edit.0, "Enter / e");
        // Pairs still stand for their halves.
        let lines = help_lines(Mode::Summary, &crate::i18n::NL);
        assert_eq!(lines[0].0, "↑↓ / k / j / PgUp / PgDn");
    }

    #[test]
    fn digits_jump_to_their_phase() {
        assert_eq!(
            lookup(Mode::ConvNotes, &key(KeyCode::Char('3'))),
            Some(Action::JumpPhase(2))
        );
        assert_eq!(lookup(Mode::ConvNotes, &key(KeyCode::Char('0'))), None);
    }

    #[test]
    fn ctrl_c_and_ctrl_s_work_everywhere() {
        let ctrl_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
        let ctrl_s = KeyEvent::new(KeyCode::Char('s'), KeyModifiers::CONTROL);
        for mode in [
            Mode::Home,
            Mode::Editing,
            Mode::ConvList,
            Mode::ItemForm,
            Mode::Help,
        ] {
            assert_eq!(lookup(mode, &ctrl_c), Some(Action::SaveAndLeave));
            assert_eq!(lookup(mode, &ctrl_s), Some(Action::Save));
        }
    }

    #[test]
    fn typing_letters_while_editing_is_not_an_action() {
        for c in ['n', 'p', 'q', 'a', 't', 'f', 's', '1'] {
            assert_eq!(lookup(Mode::Editing, &key(KeyCode::Char(c))), None);
        }
    }

    #[test]
    fn every_spec_key_of_the_conversation_screen_is_bound() {
        let cases = [
            ('n', Action::NextPhase),
            ('p', Action::PrevPhase),
            ('a', Action::AddItem),
            ('t', Action::Pause),
            ('+', Action::PlusMinute),
            ('-', Action::MinusMinute),
            ('s', Action::Summary),
            ('f', Action::Finish),
            ('q', Action::Quit),
            ('?', Action::Help),
            ('i', Action::Edit),
        ];
        for (c, action) in cases {
            assert_eq!(
                lookup(Mode::ConvNotes, &key(KeyCode::Char(c))),
                Some(action),
                "{c}"
            );
        }
        assert_eq!(
            lookup(Mode::ConvNotes, &key(KeyCode::Enter)),
            Some(Action::Edit)
        );
        assert_eq!(
            lookup(Mode::ConvNotes, &key(KeyCode::Tab)),
            Some(Action::FocusNext)
        );
        assert_eq!(
            lookup(Mode::ConvQuestions, &key(KeyCode::Char(' '))),
            Some(Action::Toggle)
        );
        assert_eq!(
            lookup(Mode::ItemForm, &key(KeyCode::Tab)),
            Some(Action::NextField)
        );
        assert_eq!(
            lookup(Mode::Confirm, &key(KeyCode::Char('y'))),
            Some(Action::Yes)
        );
        assert_eq!(
            lookup(Mode::Confirm, &key(KeyCode::Enter)),
            Some(Action::Yes)
        );
    }
}
