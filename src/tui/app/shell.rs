//! What the screens share beside their own state, and what their updates
//! return.

use crate::i18n::Texts;
use crate::session::Timestamp;
use crate::settings::Settings;

use super::super::screens::Screen;
use super::Effect;
use super::Overlay;

/// How serious a status message is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Severity {
    Info,
    Warning,
    Error,
}

/// Where the model goes after a screen handled a message.
#[derive(Debug)]
pub enum Go {
    /// The screen stays.
    Stay,
    /// Back to the home screen: the open session is let go (flushed,
    /// unlocked) and the home list read again.
    Home,
    /// To another screen, made afresh.
    To(Screen),
    /// From the conversation to its summary; `finished`: leaving the
    /// summary goes home.
    Summary { finished: bool },
    /// From the summary back to its conversation.
    Conversation,
}

/// What a screen's update returns: the effects for the runtime and where
/// to go.
#[must_use]
#[derive(Debug)]
pub struct Update {
    pub effects: Vec<Effect>,
    pub go: Go,
}

impl Update {
    /// Nothing to do; the screen stays.
    pub fn stay() -> Update {
        Update::effects(Vec::new())
    }

    /// These effects; the screen stays.
    pub fn effects(effects: Vec<Effect>) -> Update {
        Update {
            effects,
            go: Go::Stay,
        }
    }

    /// Go somewhere, with no effects of the screen's own.
    pub fn go(go: Go) -> Update {
        Update {
            effects: Vec::new(),
            go,
        }
    }

    /// Go somewhere after these effects.
    pub fn then(effects: Vec<Effect>, go: Go) -> Update {
        Update { effects, go }
    }
}

/// What every screen may read and change beside its own state: the
/// settings, the status line, the overlay, whether the open session has
/// changes not yet handed to the saver.
pub struct Shell {
    pub settings: Settings,
    pub status: Option<(String, Severity)>,
    pub overlay: Option<Overlay>,
    /// Changes not yet handed to the saver.
    pub dirty: bool,
    /// The last save failed and has not succeeded since.
    pub save_failing: bool,
    /// `Ctrl-S` asked for a save: say so once it is on disk.
    pub confirm_saved: bool,
    /// The terminal's size, once known.
    pub size: Option<(u16, u16)>,
    /// When a tick last handed the open session to the saver.
    pub handed_over: Option<Timestamp>,
    /// The letter typed alone that opened the overlay on screen, while no
    /// other key came since: if the next letter shows someone typing, it
    /// goes into the notes with that letter ("fijn" opened "Gesprek
    /// afronden?" with its `f`; see `App::on_typed`).
    pub opened_by: Option<char>,
}

impl Shell {
    /// The interface's strings.
    pub fn texts(&self) -> &'static Texts {
        self.settings.texts()
    }

    /// Tell the user something on the status line, as a sentence: the
    /// messages the app shares with the command line start in lower case
    /// there (after `leidraad: `), here with a capital.
    pub fn say(&mut self, text: impl Into<String>, severity: Severity) {
        self.status = Some((sentence(text.into()), severity));
    }
}

/// `text` with its first letter in upper case.
fn sentence(text: String) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) if first.is_lowercase() => first.to_uppercase().chain(chars).collect(),
        _ => text,
    }
}

#[cfg(test)]
mod tests {
    use super::sentence;

    #[test]
    fn a_status_message_starts_with_a_capital() {
        assert_eq!(
            sentence("alleen een optionele stap kan worden overgeslagen".into()),
            "Alleen een optionele stap kan worden overgeslagen"
        );
        assert_eq!(sentence("één stap".into()), "Één stap");
        assert_eq!(sentence("/tmp/x bewaard".into()), "/tmp/x bewaard");
        assert_eq!(sentence(String::new()), "");
    }
}
