//! Keys: (mode, key) → [`Action`]. The same table draws the footer and the
//! help overlay, so what is shown is what works.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::i18n::Texts;

mod bindings;

pub use bindings::bindings;

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
    /// Conversation screen, on the open items of earlier talks.
    ConvCarried,
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
    /// Typing what to find in the read-only view.
    ViewFind,
    /// Every past session, filtered and searched.
    History,
    /// Typing the history's search.
    HistorySearch,
    /// Choosing one of a few values (a filter, a guide).
    Pick,
    /// The export dialog.
    Export,
    /// A plan's timeline.
    Timeline,
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
    /// The first item of a long list (Home).
    Top,
    /// The last item of a long list (End).
    Bottom,
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
    /// Move a plan step's date (`m`).
    MoveDate,
    /// Attach a finished talk to a plan step (`g`).
    Attach,
    /// Take a talk off a plan step (`u`).
    Detach,
    /// Write a plan's calendar file (`c`).
    Calendar,
    /// Archive a finished plan (`a`).
    Archive,
    /// Agree the end time at the table (`E`).
    EndTime,
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
    /// The history of past sessions.
    History,
    /// Type what to search or find.
    Search,
    FilterClient,
    FilterGuide,
    /// Write a report of the session.
    Export,
    /// Start the next conversation with the same client.
    FollowUp,
    /// Remove the session (asks).
    Delete,
    /// Show or hide the private notes.
    TogglePrivate,
    /// The next place the text to find is found.
    FindNext,
    /// Drop an open item of an earlier talk (or take it up again).
    Drop,
    /// Show every open item of earlier talks.
    OpenCarried,
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

/// The label of the key that says yes, written in the UI language ("j" in
/// Dutch, "y" in English) by [`Binding::label_in`].
const YES: &str = "y/j";

impl Binding {
    /// The key's label as the footer and help write it.
    pub fn label_in(&self, texts: &Texts) -> &'static str {
        match self.label {
            SPACE => texts.keys.space,
            YES => texts.keys.yes_key,
            label => label,
        }
    }
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

/// The footer line items for a mode: (key label, description). `offered`
/// leaves out what does nothing on the screen now; `describe` may say what
/// a key does now instead (`t`: "verder" while paused).
pub fn footer(
    mode: Mode,
    texts: &Texts,
    offered: impl Fn(Action) -> bool,
    describe: impl Fn(Action) -> Option<&'static str>,
) -> Vec<(&'static str, &'static str)> {
    bindings(mode)
        .into_iter()
        .filter(|bd| bd.footer && offered(bd.action))
        .map(|bd| {
            let what = describe(bd.action).unwrap_or_else(|| (bd.help)(texts));
            (bd.label_in(texts), what)
        })
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
    /// Closing remarks (on the conversation screen: that text typed while
    /// navigating goes into the notes, how the conversation is saved).
    pub notes: Vec<&'static str>,
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
    (Mode::ConvCarried, Some(|t| t.keys.help_in_carried)),
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
        notes: if conversation {
            vec![texts.keys.help_typed_text, texts.keys.help_saving]
        } else {
            Vec::new()
        },
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
