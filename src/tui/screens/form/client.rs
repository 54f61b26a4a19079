//! The client field offers a client that is known already: when what was
//! typed is close to the name of an earlier session's client ("obs de
//! vlinder", "De Vlinder" for "OBS De Vlinder"), the form asks whether that
//! one is meant, so the open items of earlier talks do not depend on typing
//! the name exactly.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::{FieldInput, FormState};
use crate::tui::app::{Confirm, Overlay, Shell};
use crate::tui::screens::popup;
use crate::tui::theme::{Role, style};

/// A name as it is compared: folded (case, diacritics), spaces collapsed.
fn key(name: &str) -> String {
    crate::fold::needle(name)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The known client `typed` most likely means, unless it is typed exactly
/// so (or nothing is typed): the same name but for case, accents and
/// spaces, one name inside the other (whole words), or a near spelling.
pub fn suggest<'a>(typed: &str, known: &'a [String]) -> Option<&'a str> {
    let t = key(typed);
    if t.chars().count() < 3 || known.iter().any(|k| k.trim() == typed.trim()) {
        return None;
    }
    let words = |s: &str| format!(" {s} ");
    known
        .iter()
        .filter_map(|k| {
            let kk = key(k);
            let score = if kk == t {
                2.0
            } else if words(&kk).contains(&words(&t)) || words(&t).contains(&words(&kk)) {
                1.5
            } else {
                strsim::normalized_levenshtein(&kk, &t)
            };
            (score >= 0.8).then_some((score, k.trim()))
        })
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, k)| k)
}

impl FormState {
    /// Leaving the client field with a name close to a known one: ask
    /// whether that one is meant (once for what was typed). Whether it
    /// asked.
    pub(super) fn offer_client(&mut self, shell: &mut Shell) -> bool {
        let Some(field) = self.prep.guide.fields.get(self.focused) else {
            return false;
        };
        let Some(FieldInput::Text(input)) = self.inputs.get(self.focused) else {
            return false;
        };
        let typed = input.text();
        if !field.client || self.declined.contains(&typed) {
            return false;
        }
        match suggest(&typed, &self.known_clients) {
            Some(name) => {
                self.suggestion = Some(name.to_string());
                shell.overlay = Some(Overlay::Confirm(Confirm::UseClient));
                true
            }
            None => false,
        }
    }

    /// The answer to the question: yes takes the known name.
    pub(super) fn answer_client(
        &mut self,
        shell: &mut Shell,
        yes: bool,
        now: crate::session::Timestamp,
    ) {
        let Some(name) = self.suggestion.take() else {
            return;
        };
        let i = self.focused;
        if let Some(FieldInput::Text(input)) = self.inputs.get_mut(i) {
            if yes {
                input.set_text(&name);
                self.errors[i] = None;
                self.prep.touched(shell, now);
            } else {
                self.declined.push(input.text());
            }
        }
    }

    /// Draw the question over the form.
    pub fn render_confirm(&self, shell: &Shell, confirm: Confirm, frame: &mut Frame, area: Rect) {
        let (Confirm::UseClient, Some(name)) = (confirm, &self.suggestion) else {
            return;
        };
        let t = shell.texts();
        let lines = vec![
            Line::raw((t.prepare.client_known)(name)),
            Line::from(Span::styled(
                t.prepare.client_known_why,
                style(shell, Role::Dim),
            )),
            Line::raw(""),
            Line::raw(t.conversation.confirm_keys),
        ];
        popup(shell, frame, area, t.conversation.confirm_title, lines);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_client_close_to_a_known_one_is_offered_it() {
        let known = vec!["OBS De Vlinder".to_string(), "De Linde".to_string()];
        assert_eq!(suggest("obs de vlinder", &known), Some("OBS De Vlinder"));
        // As an older file may have it, with a space after.
        let spaced = vec!["OBS De Vlinder ".to_string()];
        assert_eq!(suggest("obs de vlinder", &spaced), Some("OBS De Vlinder"));
        assert_eq!(suggest("OBS De Vlinder", &spaced), None);
        assert_eq!(suggest("De Vlinder", &known), Some("OBS De Vlinder"));
        assert_eq!(suggest("OBS De Vlnder", &known), Some("OBS De Vlinder"));
        assert_eq!(suggest("de linde", &known), Some("De Linde"));
        // Typed exactly, something else, or too little: nothing offered.
        assert_eq!(suggest("OBS De Vlinder", &known), None);
        assert_eq!(suggest("Het Anker", &known), None);
        assert_eq!(suggest("De", &known), None);
        assert_eq!(suggest("Linden", &["De Linde".to_string()]), None);
    }
}
