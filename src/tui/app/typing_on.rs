//! A letter that acted as a key, then turned out to be the start of a
//! word. While navigating the conversation a letter typed on its own is a
//! key ("t" pauses, "o" opens the private note, "n" goes to the next
//! phase). A hand typing a sentence without noticing the mode sends its
//! letters one per read, so "toch" paused the clock and opened the private
//! note. When the next plain characters come within [`TYPING_GAP`] of the
//! letter (`Msg::TypedOn`, timed by the event loop), the letter was typing:
//! the conversation goes back to how it was before it, and the letter with
//! what follows goes into the notes. A key pressed on purpose and then
//! another a moment later (people read the screen in between) stays a key,
//! and so does a navigation key pressed twice in a row (`n n`, `+ +`).
//! Never taken back: `q` (it leaves the conversation), and the keys that
//! open a field to type in, where what follows at once is meant to go (`i`
//! the notes, `o` the private note, `a` a new item, `e` the item, `E` the
//! end time): "a" and then at once "Ouders uitnodigen" is an item.

use std::time::{Duration, Instant};

use super::App;
use super::Effect;
use crate::session::Timestamp;
use crate::tui::screens::Screen;
use crate::tui::screens::conversation::ConvState;

/// How soon after a letter the next characters must come to count as
/// typing on: a hand types the letters of a word 80-250 ms apart; a key
/// pressed on purpose is followed by the next one after a look at the
/// screen.
pub const TYPING_GAP: Duration = Duration::from_millis(300);

/// The gap the event loop uses: [`TYPING_GAP`]; in test builds
/// (`debug_assertions`) `LEIDRAAD_TEST_TYPING_GAP_MS` may set it (`0`:
/// never), so end-to-end tests that press keys quickly one after another
/// keep them keys. A release build has no such setting.
pub fn typing_gap() -> Duration {
    #[cfg(debug_assertions)]
    if let Some(ms) = std::env::var("LEIDRAAD_TEST_TYPING_GAP_MS")
        .ok()
        .and_then(|v| v.parse().ok())
    {
        return Duration::from_millis(ms);
    }
    TYPING_GAP
}

/// Whether characters that come at `now` are typed on: the last ones came
/// at most `gap` before, with no other key since (`last`); a zero gap
/// never.
pub fn typed_on(last: Option<Instant>, now: Instant, gap: Duration) -> bool {
    !gap.is_zero() && last.is_some_and(|last| now.saturating_duration_since(last) <= gap)
}

/// The conversation as it was before a letter acted as a key.
#[derive(Debug)]
pub struct TypedKey {
    key: char,
    conv: ConvState,
    status: Option<(String, crate::tui::app::Severity)>,
}

impl App {
    /// Before `c`, typed alone, acts as a key: the conversation as it is,
    /// to go back to if `c` turns out to start a word. None when `c` can
    /// not be taken back or this is not the conversation navigating.
    pub(super) fn before_key(&self, c: char) -> Option<Box<TypedKey>> {
        let Screen::Conversation(conv) = &self.screen else {
            return None;
        };
        let kept = matches!(c, 'q' | 'i' | 'o' | 'a' | 'e' | 'E');
        (self.navigating_conversation() && !kept).then(|| {
            Box::new(TypedKey {
                key: c,
                conv: (**conv).clone(),
                status: self.shell.status.clone(),
            })
        })
    }

    /// Plain characters that came right after others (`Msg::TypedOn`):
    /// when a letter just acted as a key, it was typing (see the module
    /// doc); otherwise as [`Msg::Typed`](super::Msg::Typed).
    pub(super) fn on_typed_on(&mut self, text: &str, now: Timestamp) -> Vec<Effect> {
        let Some(before) = self.typed_key.take() else {
            return self.on_typed(text, now);
        };
        let again = text.starts_with(before.key) && matches!(before.key, 'n' | 'p' | '+' | '-');
        let still_here = matches!(self.screen, Screen::Conversation(_) | Screen::Summary(_));
        if again || !still_here {
            return self.on_typed(text, now);
        }
        let TypedKey {
            key,
            mut conv,
            status,
        } = *before;
        // What a tick did meanwhile stays: a reminder shown is not shown
        // again.
        if let Some(now_on) = self.talk_on_screen() {
            conv.session.reminders_shown = now_on.session.reminders_shown.clone();
            conv.banner = now_on.banner.clone();
        }
        self.screen = Screen::Conversation(Box::new(conv));
        self.shell.overlay = None;
        self.shell.status = status;
        self.shell.opened_by = None;
        // What the key changed may have been handed to the saver: the file
        // is saved again as it is now at the next tick.
        self.shell.dirty = true;
        let typed: String = std::iter::once(key).chain(text.chars()).collect();
        if let Screen::Conversation(conv) = &mut self.screen {
            conv.type_into_notes(&mut self.shell, &typed);
        }
        Vec::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn characters_within_the_gap_after_others_are_typed_on() {
        let t = Instant::now();
        let ms = Duration::from_millis;
        assert!(typed_on(Some(t), t + ms(120), TYPING_GAP));
        assert!(typed_on(Some(t), t + ms(300), TYPING_GAP));
        assert!(!typed_on(Some(t), t + ms(301), TYPING_GAP));
        assert!(!typed_on(None, t, TYPING_GAP), "another key came between");
        assert!(!typed_on(Some(t), t, Duration::ZERO), "a zero gap: never");
    }
}
