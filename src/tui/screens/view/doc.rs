//! The read-only view's text: the complete report of a session (every
//! phase with its timing, notes, lists, ratings, the questions asked and
//! the private notes) as lines to draw, the report's third renderer beside
//! Markdown and Word.

use crate::report::document::{Block, Document, Part, Section};
use crate::tui::theme::Role;

/// One line of the view, and how it looks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ViewLine {
    pub text: String,
    /// None: plain text.
    pub role: Option<Role>,
}

fn line(text: impl Into<String>, role: Option<Role>) -> ViewLine {
    ViewLine {
        text: text.into(),
        role,
    }
}

/// The document as lines.
pub fn lines(doc: &Document) -> Vec<ViewLine> {
    let mut out = vec![line(doc.title.clone(), Some(Role::Title))];
    if let Some(subtitle) = &doc.subtitle {
        out.push(line(subtitle.clone(), Some(Role::Dim)));
    }
    out.push(line("", None));
    for field in &doc.fields {
        text_lines(&mut out, &format!("{}: ", field.label), &field.value, None);
    }
    // The total is in the times table below (`doc.total` is for formats
    // without one).
    for section in &doc.sections {
        out.push(line("", None));
        match section {
            Section::Summary(s) => {
                out.push(line(s.heading.clone(), Some(Role::Title)));
                s.parts.iter().for_each(|p| part(&mut out, p));
            }
            Section::Times(t) => {
                out.push(line(t.heading.clone(), Some(Role::Title)));
                for row in t.table.rows.iter().chain(std::iter::once(&t.total)) {
                    out.push(line(format!("  {}", row.join(" · ")), None));
                }
            }
            Section::Phase(p) => {
                out.push(line(p.heading.clone(), Some(Role::Title)));
                for small in p.skipped.iter().chain(&p.time) {
                    out.push(line(small.clone(), Some(Role::Dim)));
                }
                if let Some(notes) = &p.notes {
                    text_lines(&mut out, "", notes, None);
                }
                p.parts.iter().for_each(|part_| part(&mut out, part_));
            }
        }
    }
    out
}

/// A block under its caption.
fn part(out: &mut Vec<ViewLine>, part: &Part) {
    if let Some(caption) = &part.caption {
        out.push(line(caption.clone(), Some(Role::Focus)));
    }
    match &part.block {
        Block::Table(t) => {
            for row in &t.rows {
                out.push(line(format!("  • {}", item(&t.head, row)), None));
            }
        }
        Block::Checklist(c) => {
            for check in &c.items {
                let mark = if check.done { "[x]" } else { "[ ]" };
                out.push(line(
                    format!("  {mark} {}", item(&c.head, &check.values)),
                    None,
                ));
            }
        }
        Block::Pairs(p) => {
            for row in &p.rows {
                out.push(line(format!("  {}: {}", row.label, row.value), None));
            }
        }
        Block::Bullets(items) => {
            for b in items {
                out.push(line(format!("  • {b}"), None));
            }
        }
        Block::Text(text) => text_lines(out, "", text, None),
        // A private note stands apart: a bar before every line, dimmed.
        Block::Private(text) => text_lines(out, "┃ ", text, Some(Role::Dim)),
    }
}

/// A text with its line breaks, `lead` before the first line and as much
/// space (or the same bar) before the others.
fn text_lines(out: &mut Vec<ViewLine>, lead: &str, text: &str, role: Option<Role>) {
    let rest = if lead.starts_with('┃') {
        lead.to_string()
    } else {
        " ".repeat(lead.chars().count())
    };
    for (i, l) in text.split('\n').enumerate() {
        let l = l.trim_end_matches('\r');
        let lead = if i == 0 { lead } else { rest.as_str() };
        out.push(line(format!("{lead}{l}"), role));
    }
}

/// A list item: its first value, then "Column: value" for the others.
fn item(head: &[String], values: &[String]) -> String {
    let mut parts = Vec::new();
    for (i, v) in values.iter().enumerate() {
        if v.trim().is_empty() {
            continue;
        }
        match (i, head.get(i)) {
            (0, _) | (_, None) => parts.push(v.replace('\n', " ")),
            (_, Some(column)) => parts.push(format!("{column}: {}", v.replace('\n', " "))),
        }
    }
    parts.join(" · ")
}
