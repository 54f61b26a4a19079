//! Plain characters typed in one read (`Msg::Typed`). While typing they are
//! text. While navigating the conversation, a burst of two or more (a
//! paste without bracketed paste, fast automation: a hand's keys come one
//! per read) or a single character that is no key there is text too: the
//! notes take it, so that a sentence typed without noticing the mode does
//! not pause the clock, open the private note or ask to finish. A letter
//! that is no key in the help or in a question whose no changes nothing
//! closes it and goes into the notes the same way. Everywhere else each
//! character is a key, as before.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::{App, Effect};
use crate::session::Timestamp;
use crate::tui::keymap::{self, Mode};
use crate::tui::screens::Screen;

impl App {
    /// Plain characters typed in one read: text, or one key each until the
    /// screen is typing (an overlay or form takes them one by one as keys
    /// into its own field, as before).
    pub(super) fn on_typed(&mut self, text: &str, now: Timestamp) -> Vec<Effect> {
        let mut effects = Vec::new();
        let mut rest = text;
        while let Some(c) = rest.chars().next() {
            if self.mode() == Mode::Editing {
                self.screen.on_typed(&mut self.shell, rest);
                break;
            }
            if self.is_text_for_notes(rest) {
                if let Screen::Conversation(conv) = &mut self.screen {
                    conv.type_into_notes(&mut self.shell, rest);
                }
                break;
            }
            let ev = KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE);
            let makes_way = self.makes_way_for(c);
            let opener = self.shell.opened_by.take();
            let had_overlay = self.shell.overlay.is_some();
            // A letter alone may yet turn out to start a word.
            let before = (rest.len() == c.len_utf8())
                .then(|| self.before_key(c))
                .flatten();
            effects.extend(self.on_key(ev, now));
            self.typed_key = before;
            // The help or a question closed by a letter that is no key in
            // it: someone typing ("fijn" opened "Gesprek afronden?" with its
            // `f`): the letter and the rest go into the notes, with the
            // letter that opened it when no other key came between, instead
            // of being lost or acting as keys (the `o` of "Good" opened the
            // private note).
            if makes_way
                && self.shell.overlay.is_none()
                && let Screen::Conversation(conv) = &mut self.screen
            {
                let text: String = opener.into_iter().chain(rest.chars()).collect();
                conv.type_into_notes(&mut self.shell, &text);
                break;
            }
            // A letter alone that opened an overlay may turn out to be the
            // start of a word.
            if !had_overlay && self.shell.overlay.is_some() && c.is_alphabetic() {
                self.shell.opened_by = Some(c);
            }
            rest = &rest[c.len_utf8()..];
        }
        effects
    }

    /// Whether `c` typed now closes the overlay on the conversation screen
    /// as someone typing (see `Overlay::makes_way_for`).
    fn makes_way_for(&self, c: char) -> bool {
        let ev = KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE);
        let bound = keymap::lookup(self.mode(), &ev).is_some();
        matches!(self.screen, Screen::Conversation(_))
            && !c.is_whitespace()
            && !c.is_control()
            && self
                .shell
                .overlay
                .as_ref()
                .is_some_and(|o| o.makes_way_for(bound))
    }

    /// Whether `text`, typed in one read now, goes into the notes instead
    /// of acting as keys: the conversation screen is navigating (no
    /// overlay, no item form, the window large enough to see), and it is a
    /// burst or a single printable character with no binding in the mode.
    fn is_text_for_notes(&self, text: &str) -> bool {
        if !self.navigating_conversation() {
            return false;
        }
        let mode = self.mode();
        let mut chars = text.chars();
        match (chars.next(), chars.next()) {
            (Some(_), Some(_)) => true,
            (Some(c), None) => {
                let ev = KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE);
                !c.is_whitespace() && !c.is_control() && keymap::lookup(mode, &ev).is_none()
            }
            (None, _) => false,
        }
    }

    /// Whether the conversation screen is navigating: no overlay, not
    /// typing, no item form, the window large enough to see it.
    pub(super) fn navigating_conversation(&self) -> bool {
        let navigating = matches!(
            self.mode(),
            Mode::ConvNotes
                | Mode::ConvRevisit
                | Mode::ConvQuestions
                | Mode::ConvList
                | Mode::ConvRating
                | Mode::ConvCarried
        );
        navigating
            && matches!(self.screen, Screen::Conversation(_))
            && self.shell.overlay.is_none()
            && !self.blind()
    }
}
