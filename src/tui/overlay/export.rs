//! The export dialog: which format (Word or Markdown), what goes in beside
//! what was said (the timing, the questions asked, the private notes), and
//! the folder. Enter writes the report (off the UI thread); the status line
//! says where it is.

use std::path::{Path, PathBuf};

use ratatui::Frame;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph};

use crate::report::{Format, PrivateNotes, ReportOptions};
use crate::session::Session;
use crate::tui::app::Shell;
use crate::tui::keymap::Action;
use crate::tui::screens::block;
use crate::tui::theme::{Role, style};
use crate::tui::widgets::input::TextInput;

/// Which session a report is made of.
#[derive(Debug, Clone, PartialEq)]
pub enum ExportOf {
    /// The one in memory (the summary after finishing).
    Session(Box<Session>),
    /// The one in this file (the history, the read-only view).
    File(PathBuf),
}

/// A report to write: of what, in which format, with what, where.
#[derive(Debug, Clone, PartialEq)]
pub struct ExportRequest {
    pub of: ExportOf,
    pub format: Format,
    pub options: ReportOptions,
    pub folder: PathBuf,
}

/// The rows of the dialog.
const FORMAT: usize = 0;
const TIMING: usize = 1;
const QUESTIONS: usize = 2;
const PRIVATE: usize = 3;
const FOLDER: usize = 4;

/// The export dialog's state.
#[derive(Debug, Clone)]
pub struct ExportForm {
    pub of: ExportOf,
    /// The focused row.
    pub row: usize,
    pub word: bool,
    pub timing: bool,
    pub questions: bool,
    pub private: bool,
    pub folder: Box<TextInput>,
    /// The folder still holds the suggestion: what is typed replaces it.
    fresh: bool,
}

impl ExportForm {
    /// A school report in Word into `folder`, unless asked otherwise.
    pub fn new(of: ExportOf, folder: &Path) -> ExportForm {
        let mut input = TextInput::line(&folder.display().to_string());
        input.set_focused(false);
        ExportForm {
            of,
            row: FORMAT,
            word: true,
            timing: false,
            questions: false,
            private: false,
            folder: Box::new(input),
            fresh: true,
        }
    }

    fn focus(&mut self, row: usize) {
        self.row = row;
        self.folder.set_focused(row == FOLDER);
    }

    /// A key: moving between rows, choosing, typing the folder. The request
    /// when Enter asks to write.
    pub fn on_key(&mut self, action: Option<Action>, ev: KeyEvent) -> Option<ExportRequest> {
        match action {
            Some(Action::Up | Action::PrevField) => self.focus(self.row.saturating_sub(1)),
            Some(Action::Down | Action::NextField) => self.focus((self.row + 1).min(FOLDER)),
            Some(Action::Enter) => return self.request(),
            _ if self.row == FOLDER => self.type_folder(ev),
            Some(Action::Toggle | Action::Left | Action::Right) => match self.row {
                FORMAT => self.word = !self.word,
                TIMING => self.timing = !self.timing,
                QUESTIONS => self.questions = !self.questions,
                PRIVATE => self.private = !self.private,
                _ => {}
            },
            _ => {}
        }
        None
    }

    /// A key in the folder: the first character typed (or a Backspace)
    /// replaces the suggested folder; after that it edits.
    fn type_folder(&mut self, ev: KeyEvent) {
        use ratatui::crossterm::event::{KeyCode, KeyModifiers};
        let plain = !ev
            .modifiers
            .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT);
        if std::mem::take(&mut self.fresh) {
            match ev.code {
                KeyCode::Char(_) if plain => self.folder.set_text(""),
                KeyCode::Backspace | KeyCode::Delete => {
                    self.folder.set_text("");
                    return;
                }
                _ => {}
            }
        }
        self.folder.key(ev);
    }

    /// A paste: into the folder (over the suggestion).
    pub fn paste(&mut self, text: &str) {
        self.focus(FOLDER);
        if std::mem::take(&mut self.fresh) {
            self.folder.set_text("");
        }
        self.folder.paste(&text.replace(['\r', '\n'], ""));
    }

    /// What Enter writes (nothing without a folder).
    fn request(&self) -> Option<ExportRequest> {
        let folder = self.folder.text().trim().to_string();
        if folder.is_empty() {
            return None;
        }
        Some(ExportRequest {
            of: self.of.clone(),
            format: if self.word {
                Format::Docx
            } else {
                Format::Markdown
            },
            options: ReportOptions {
                timing: self.timing,
                questions: self.questions,
                private: if self.private {
                    PrivateNotes::Include
                } else {
                    PrivateNotes::Omit
                },
                ..ReportOptions::school()
            },
            folder: PathBuf::from(folder),
        })
    }

    /// Draw the dialog over `area`.
    pub fn render(&self, shell: &Shell, frame: &mut Frame, area: Rect) {
        let t = &shell.texts().shell;
        let width = area.width.saturating_sub(4).min(72);
        let height = 9.min(area.height);
        let rect = Rect {
            x: area.x + (area.width - width) / 2,
            y: area.y + (area.height - height) / 2,
            width,
            height,
        };
        let check = |on: bool| if on { "[x]" } else { "[ ]" };
        let pick = |on: bool| if on { "(•)" } else { "( )" };
        let rows = [
            format!(
                "{}: {} Word   {} Markdown",
                t.export_format,
                pick(self.word),
                pick(!self.word)
            ),
            format!("{} {}", check(self.timing), t.export_timing),
            format!("{} {}", check(self.questions), t.export_questions),
            format!("{} {}", check(self.private), t.export_private),
        ];
        let mut lines: Vec<Line> = rows
            .into_iter()
            .enumerate()
            .map(|(i, text)| self.line(shell, i, text))
            .collect();
        lines.push(self.line(shell, FOLDER, format!("{}:", t.export_folder)));
        frame.render_widget(Clear, rect);
        let outer = block(shell, format!(" {} ", t.export_title), true);
        let inner = outer.inner(rect);
        frame.render_widget(outer, rect);
        frame.render_widget(Paragraph::new(lines), inner);
        if inner.height > 5 {
            let input = Rect {
                x: inner.x + 4,
                y: inner.y + 5,
                width: inner.width.saturating_sub(4),
                height: 1,
            };
            self.folder.render(frame, input);
        }
        if inner.height > 6 {
            let hint = Rect {
                y: inner.y + inner.height - 1,
                height: 1,
                ..inner
            };
            frame.render_widget(
                Paragraph::new(Span::styled(t.export_keys, style(shell, Role::Dim))),
                hint,
            );
        }
    }

    /// A row, marked when focused.
    fn line(&self, shell: &Shell, row: usize, text: String) -> Line<'static> {
        if row == self.row {
            Line::from(Span::styled(format!("▸ {text}"), style(shell, Role::Focus)))
        } else {
            Line::raw(format!("  {text}"))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::crossterm::event::{KeyCode, KeyModifiers};

    fn key(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    #[test]
    fn the_dialog_asks_for_a_school_report_in_word_unless_told_otherwise() {
        let mut form = ExportForm::new(ExportOf::File("/d/s.toml".into()), Path::new("/docs"));
        let plain = form
            .on_key(Some(Action::Enter), key(KeyCode::Enter))
            .unwrap();
        assert_eq!(plain.format, Format::Docx);
        assert_eq!(plain.options, ReportOptions::school());
        assert_eq!(plain.folder, PathBuf::from("/docs"));
        // Markdown, with timing and private notes, into another folder.
        form.on_key(Some(Action::Toggle), key(KeyCode::Char(' ')));
        form.on_key(Some(Action::Down), key(KeyCode::Down));
        form.on_key(Some(Action::Toggle), key(KeyCode::Char(' ')));
        form.on_key(Some(Action::Down), key(KeyCode::Down));
        form.on_key(Some(Action::Down), key(KeyCode::Down));
        form.on_key(Some(Action::Right), key(KeyCode::Right));
        form.on_key(Some(Action::Down), key(KeyCode::Down));
        for c in "/x y".chars() {
            form.on_key(None, key(KeyCode::Char(c)));
        }
        let asked = form
            .on_key(Some(Action::Enter), key(KeyCode::Enter))
            .unwrap();
        assert_eq!(asked.format, Format::Markdown);
        assert!(asked.options.timing && !asked.options.questions);
        assert_eq!(asked.options.private, PrivateNotes::Include);
        assert_eq!(
            asked.folder,
            PathBuf::from("/x y"),
            "typed over the suggestion"
        );
        // After that, keys edit what is there.
        form.on_key(None, key(KeyCode::Backspace));
        let asked = form
            .on_key(Some(Action::Enter), key(KeyCode::Enter))
            .unwrap();
        assert_eq!(asked.folder, PathBuf::from("/x"), "trimmed");
    }
}
