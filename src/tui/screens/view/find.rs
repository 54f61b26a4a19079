//! Finding text in the read-only view: case and diacritics do not matter
//! (see `crate::fold`); every place is marked, the current one stands out,
//! `n` goes to the next.

use std::ops::Range;

use ratatui::crossterm::event::KeyEvent;
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};

use crate::i18n::Texts;
use crate::tui::app::Shell;
use crate::tui::keymap::Action;
use crate::tui::theme::{Role, style};
use crate::tui::widgets::input::TextInput;

/// What is being found, and where.
#[derive(Debug, Default)]
pub struct Find {
    /// The find box, once opened.
    pub input: Option<TextInput>,
    /// The find box has the keys.
    pub typing: bool,
    /// Every place the text is: (line, bytes in that line).
    places: Vec<(usize, Range<usize>)>,
    /// The current place.
    current: usize,
}

impl Find {
    /// Open the find box (as it was left), with the keys.
    pub fn open(&mut self) {
        let mut input = self.input.take().unwrap_or_else(|| TextInput::line(""));
        input.set_focused(true);
        self.input = Some(input);
        self.typing = true;
    }

    /// A key while typing in the find box; whether the places changed.
    pub fn on_key(&mut self, action: Option<Action>, ev: KeyEvent, lines: &[String]) -> bool {
        let Some(input) = self.input.as_mut() else {
            self.typing = false;
            return false;
        };
        match action {
            Some(Action::Enter) => {
                input.set_focused(false);
                self.typing = false;
                false
            }
            Some(Action::Back) => {
                *self = Find::default();
                false
            }
            _ => {
                let changed = input.key(ev);
                if changed {
                    self.search(lines);
                }
                changed
            }
        }
    }

    /// A paste into the find box; whether the places changed.
    pub fn paste(&mut self, text: &str, lines: &[String]) -> bool {
        let pasted = match self.input.as_mut() {
            Some(input) if self.typing => input.paste(&text.replace(['\r', '\n'], " ")),
            _ => false,
        };
        if pasted {
            self.search(lines);
        }
        pasted
    }

    /// Find the text in `lines` (again: the lines changed).
    pub fn search(&mut self, lines: &[String]) {
        let text = self.input.as_ref().map(TextInput::text).unwrap_or_default();
        self.places = lines
            .iter()
            .enumerate()
            .flat_map(|(i, l)| {
                crate::fold::find_all(l, &text)
                    .into_iter()
                    .map(move |r| (i, r))
            })
            .collect();
        self.current = 0;
    }

    /// To the next place (after the last: the first again).
    pub fn next(&mut self) {
        if !self.places.is_empty() {
            self.current = (self.current + 1) % self.places.len();
        }
    }

    /// The line of the current place.
    pub fn current_line(&self) -> Option<usize> {
        self.places.get(self.current).map(|(line, _)| *line)
    }

    /// "3/12", or that nothing was found.
    pub fn count_text(&self, t: &Texts) -> String {
        let text = self.input.as_ref().map(TextInput::text).unwrap_or_default();
        if text.trim().is_empty() {
            String::new()
        } else if self.places.is_empty() {
            t.shell.view_not_found.to_string()
        } else {
            format!("{}/{}", self.current + 1, self.places.len())
        }
    }

    /// Line `i` with the places marked in it.
    pub fn mark(&self, shell: &Shell, i: usize, line: &str) -> Line<'static> {
        let here: Vec<(usize, &Range<usize>)> = self
            .places
            .iter()
            .enumerate()
            .filter(|(_, (l, _))| *l == i)
            .map(|(n, (_, r))| (n, r))
            .collect();
        if here.is_empty() {
            return Line::raw(line.to_string());
        }
        let found = style(shell, Role::Key).add_modifier(Modifier::UNDERLINED);
        let mut spans = Vec::new();
        let mut at = 0;
        for (n, range) in here {
            spans.push(Span::raw(line[at..range.start].to_string()));
            let s = if n == self.current {
                style(shell, Role::Selected)
            } else {
                found
            };
            spans.push(Span::styled(line[range.clone()].to_string(), s));
            at = range.end;
        }
        spans.push(Span::raw(line[at..].to_string()));
        Line::from(spans)
    }
}
