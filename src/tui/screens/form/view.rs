//! Drawing the header form: each field's label, its value (a line, a box
//! for long text, or the choices), and what is wrong with it.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::{FieldInput, FormState, choices, value_rows};
use crate::guide::Field;
use crate::tui::app::Shell;
use crate::tui::screens::block;
use crate::tui::theme::{Role, style};
use crate::tui::widgets::text::cut_line;

impl FormState {
    /// Draw the form, scrolled so that the focused field is in view.
    pub fn render(&self, shell: &Shell, frame: &mut Frame, area: Rect) {
        let t = shell.texts();
        let outer = block(
            shell,
            format!(" {} · {} ", t.prepare.form_title, self.prep.title()),
            true,
        );
        let inner = outer.inner(area);
        frame.render_widget(outer, area);
        let mut y = inner.y;
        for i in self.first_shown(inner.height)..self.inputs.len() {
            let field = &self.prep.guide.fields[i];
            let rows = value_rows(field);
            if y + 1 + rows > inner.y + inner.height {
                break;
            }
            let row = |y, height| Rect {
                x: inner.x,
                y,
                width: inner.width,
                height,
            };
            let focused = i == self.focused;
            frame.render_widget(label(shell, field, focused), row(y, 1));
            let value_area = Rect {
                x: inner.x + 4,
                y: y + 1,
                width: inner.width.saturating_sub(4),
                height: rows,
            };
            self.render_value(shell, i, focused, frame, value_area);
            y += 1 + rows;
            if let Some(err) = &self.errors[i] {
                // One row (the scrolling counts on it), cut with "…".
                let text = Span::styled(format!("    ! {err}"), style(shell, Role::Error));
                let text = cut_line(Line::from(text), usize::from(inner.width));
                frame.render_widget(Paragraph::new(text), row(y, 1));
                y += 1;
            }
        }
    }

    /// The first field shown: the form scrolls as far as the focused field
    /// needs to be wholly in view.
    fn first_shown(&self, height: u16) -> usize {
        // Each field: a label line, its value, an error line when needed.
        let heights: Vec<u16> = self
            .errors
            .iter()
            .zip(&self.prep.guide.fields)
            .map(|(e, f)| 1 + value_rows(f) + u16::from(e.is_some()))
            .collect();
        let mut first = 0;
        while first < self.focused {
            let used: u16 = heights[first..=self.focused].iter().sum();
            if used <= height {
                break;
            }
            first += 1;
        }
        first
    }

    /// Field `i`'s value: its input, or its choices with the chosen one
    /// marked.
    fn render_value(&self, shell: &Shell, i: usize, focused: bool, frame: &mut Frame, area: Rect) {
        match &self.inputs[i] {
            FieldInput::Text(input) => input.render(frame, area),
            FieldInput::Pick(choice) => {
                let field = &self.prep.guide.fields[i];
                let opts = choices(&self.prep.guide.language, field);
                let spans: Vec<Span> = opts
                    .iter()
                    .enumerate()
                    .flat_map(|(k, o)| {
                        let chosen = *choice == Some(k);
                        let mark = if chosen { "(•)" } else { "( )" };
                        let role = if chosen && focused {
                            Role::Selected
                        } else {
                            Role::Dim
                        };
                        [
                            Span::styled(format!("{mark} {o}"), style(shell, role)),
                            Span::raw("   "),
                        ]
                    })
                    .collect();
                frame.render_widget(Paragraph::new(Line::from(spans)), area);
            }
        }
    }
}

/// A field's label, marked when focused, with `*` when required.
fn label(shell: &Shell, field: &Field, focused: bool) -> Paragraph<'static> {
    let marker = if focused { "▸ " } else { "  " };
    let req = if field.required { " *" } else { "" };
    let role = if focused { Role::Focus } else { Role::Dim };
    Paragraph::new(Line::from(vec![
        Span::styled(marker, style(shell, role)),
        Span::styled(format!("{}{req}", field.label), style(shell, role)),
    ]))
}
