//! Text inputs on top of ratatui-textarea (the only textarea user): a
//! one-line input for forms and the multi-line, word-wrapped notes editor.

use std::sync::atomic::{AtomicU64, Ordering};

use ratatui::Frame;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui_textarea::{CursorMove, TextArea, WrapMode};

/// A number no input had before (see [`TextInput::revision`]).
fn next_revision() -> u64 {
    static NEXT: AtomicU64 = AtomicU64::new(0);
    NEXT.fetch_add(1, Ordering::Relaxed)
}

/// A text input: one line (forms) or many (notes).
#[derive(Debug, Clone)]
pub struct TextInput {
    area: TextArea<'static>,
    multiline: bool,
    focused: bool,
    /// A number taken anew on every change that can change how it is
    /// drawn (every `&mut` method): see [`Self::revision`].
    revision: u64,
}

impl TextInput {
    /// A one-line input holding `value` (newlines become spaces).
    /// Not focused, it shows its beginning; focused, the cursor is at its
    /// end (see [`TextInput::set_focused`]).
    pub fn line(value: &str) -> TextInput {
        let area = TextArea::new(vec![value.replace(['\r', '\n'], " ")]);
        TextInput::styled(area, false)
    }

    /// A multi-line, word-wrapped editor holding `text`, cursor at the end.
    pub fn notes(text: &str) -> TextInput {
        let lines: Vec<String> = text
            .split('\n')
            .map(|l| l.trim_end_matches('\r').to_string())
            .collect();
        let mut area = TextArea::new(lines);
        area.set_wrap_mode(WrapMode::WordOrGlyph);
        area.move_cursor(CursorMove::Bottom);
        area.move_cursor(CursorMove::End);
        TextInput::styled(area, true)
    }

    fn styled(mut area: TextArea<'static>, multiline: bool) -> TextInput {
        area.set_cursor_line_style(Style::default());
        area.set_max_histories(200);
        area.set_cursor_style(Style::default());
        TextInput {
            area,
            multiline,
            focused: false,
            revision: next_revision(),
        }
    }

    /// The text, lines joined with `\n`.
    pub fn text(&self) -> String {
        self.area.lines().join("\n")
    }

    /// Replace the text (cursor to the end); the placeholder stays.
    pub fn set_text(&mut self, text: &str) {
        let placeholder = self.area.placeholder_text().to_string();
        *self = if self.multiline {
            TextInput::notes(text)
        } else {
            TextInput::line(text)
        };
        if !placeholder.is_empty() {
            self.set_placeholder(&placeholder);
        }
        self.revision = next_revision();
    }

    /// Feed a key; returns whether the text changed. Enter inserts a line
    /// break only in a multi-line input; Tab is never taken.
    pub fn key(&mut self, ev: KeyEvent) -> bool {
        self.revision = next_revision();
        if matches!(ev.code, KeyCode::Tab | KeyCode::BackTab | KeyCode::Esc) {
            return false;
        }
        if !self.multiline && ev.code == KeyCode::Enter {
            return false;
        }
        // Ctrl/Alt chords other than the editing ones are not text.
        let chord = ev
            .modifiers
            .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT);
        if chord && matches!(ev.code, KeyCode::Char(c) if !"hwkujeabfvzrHWKUJEABFVZR".contains(c)) {
            return false;
        }
        // A proposal (see `propose`) is kept to edit by a cursor key.
        let moves = matches!(
            ev.code,
            KeyCode::Left
                | KeyCode::Right
                | KeyCode::Home
                | KeyCode::End
                | KeyCode::Up
                | KeyCode::Down
        );
        if moves && !ev.modifiers.contains(KeyModifiers::SHIFT) && self.area.is_selecting() {
            self.area.cancel_selection();
        }
        let before = self.area.lines().len() == 1 && self.area.lines()[0].is_empty();
        let changed = self.area.input(ev);
        changed || (before && !self.area.is_empty())
    }

    /// Insert typed characters at the cursor (no control characters: those
    /// come as keys), as typing them one by one would.
    pub fn type_text(&mut self, text: &str) -> bool {
        self.revision = next_revision();
        let clean: String = text.chars().filter(|c| !c.is_control()).collect();
        !clean.is_empty() && self.area.insert_str(clean)
    }

    /// Insert pasted text at the cursor (as it is: newlines kept in a
    /// multi-line input, turned into spaces in a one-line one; CR dropped).
    pub fn paste(&mut self, text: &str) -> bool {
        self.revision = next_revision();
        let clean: String = if self.multiline {
            text.replace("\r\n", "\n").replace('\r', "\n")
        } else {
            text.replace(['\r', '\n'], " ")
        };
        let clean: String = clean
            .chars()
            .filter(|c| !c.is_control() || *c == '\n' || *c == '\t')
            .collect();
        self.area.insert_str(clean)
    }

    /// Break the line at the cursor (multi-line inputs only).
    pub fn newline(&mut self) -> bool {
        self.revision = next_revision();
        if self.multiline {
            self.area.insert_newline();
        }
        self.multiline
    }

    /// Offer the whole value as a proposal (a prompt's current value):
    /// it is shown selected, the first character typed or pasted replaces
    /// it and Backspace clears it; an arrow key keeps it to edit.
    pub fn propose(&mut self) {
        self.revision = next_revision();
        self.area
            .set_selection_style(Style::default().add_modifier(Modifier::REVERSED));
        self.area.select_all();
    }

    /// Show the cursor (focused) or hide it. A one-line input that is
    /// left shows its beginning again (its cursor goes to the start, so a
    /// long value scrolled while typing is not shown cut at the front);
    /// coming back, the cursor is at its end, ready to add to it.
    pub fn set_focused(&mut self, focused: bool) {
        self.revision = next_revision();
        let cursor = if focused {
            Style::default().add_modifier(Modifier::REVERSED)
        } else {
            Style::default()
        };
        self.area.set_cursor_style(cursor);
        if !self.multiline && focused != self.focused {
            self.area.move_cursor(if focused {
                CursorMove::End
            } else {
                CursorMove::Head
            });
        }
        self.focused = focused;
    }

    /// Draw the input into `area` (no border: draw a block around it first).
    pub fn render(&self, frame: &mut Frame, area: Rect) {
        frame.render_widget(&self.area, area);
    }

    /// Show a dimmed hint while the input is empty.
    pub fn set_placeholder(&mut self, text: &str) {
        self.revision = next_revision();
        self.area.set_placeholder_text(text.to_string());
    }

    /// Whether the input holds no text.
    pub fn is_empty(&self) -> bool {
        self.area.is_empty()
    }

    /// A number that changes whenever the input may draw differently (its
    /// text, cursor, selection, focus or placeholder changed; no two
    /// inputs share one unless cloned): the same number, drawn into the
    /// same area, draws the same cells.
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// How often the soft wrap was laid out and how many lines of text it
    /// wrapped, since the input was made: an edit wraps only the lines it
    /// changed, once, when the input is next drawn (for tests of the work
    /// a key costs).
    pub fn wrap_work(&self) -> (usize, usize) {
        self.area.wrap_work()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;

    /// Notes of about `kb` KB, in paragraphs of about 800 bytes.
    fn notes(kb: usize) -> String {
        let para = "De docent van buiten het kernteam merkte op dat de planning nog erg strak is. ";
        let text: String = para.repeat(kb * 1024 / para.len() + 1);
        let text = &text[..kb * 1024];
        text.as_bytes()
            .chunks(800)
            .map(|c| String::from_utf8_lossy(c).into_owned())
            .collect::<Vec<_>>()
            .join("\n\n")
    }

    fn draw(input: &TextInput, terminal: &mut Terminal<TestBackend>) {
        terminal
            .draw(|f| input.render(f, f.area()))
            .expect("drawing never fails on a TestBackend");
    }

    /// The wrap work of a key, a burst of 25 lines (characters and line
    /// breaks) and a Backspace at the end of the notes, each drawn once:
    /// (layouts, lines wrapped).
    fn work_per_key(kb: usize) -> Vec<(usize, usize)> {
        let mut terminal = Terminal::new(TestBackend::new(84, 20)).unwrap();
        let mut input = TextInput::notes(&notes(kb));
        input.set_focused(true);
        draw(&input, &mut terminal);
        let mut work = Vec::new();
        let mut step = |input: &mut TextInput, edit: &dyn Fn(&mut TextInput)| {
            let (loads, lines) = input.wrap_work();
            edit(input);
            draw(input, &mut terminal);
            let (l, w) = input.wrap_work();
            work.push((l - loads, w - lines));
        };
        step(&mut input, &|i| {
            i.type_text("a");
        });
        step(&mut input, &|i| {
            for _ in 0..25 {
                i.type_text("nog een regel tekst die over de rand van de notities heen wrapt");
                i.newline();
            }
        });
        step(&mut input, &|i| {
            i.key(KeyEvent::new(KeyCode::Backspace, KeyModifiers::NONE));
        });
        work
    }

    #[test]
    fn a_key_wraps_the_line_it_changed_whatever_the_length_of_the_notes() {
        let small = work_per_key(1);
        let large = work_per_key(100);
        assert_eq!(small, large, "the same work at 1 KB and 100 KB of notes");
        assert_eq!(
            large,
            vec![(1, 1), (1, 26), (1, 0)],
            "one layout per drawn frame; only the edited paragraph and the new lines are \
             wrapped (Backspace on the empty last line only removes it)"
        );
    }
}
