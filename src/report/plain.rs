//! [`Document`] → plain text (`leidraad show`, the read-only view):
//! underlined headings, one line per item, the phase's time in its heading
//! and the total at the end instead of a time table.

use std::fmt::Write as _;

use unicode_width::UnicodeWidthStr;

use super::document::{Block, Document, Part, PhaseSection, Section, Summary};

impl Document {
    /// The report as plain text, ending in the total line (with timing) or
    /// a blank line.
    pub fn plain(&self) -> String {
        render(self)
    }
}

fn render(doc: &Document) -> String {
    let mut out = String::new();
    underline(&mut out, &doc.title, '=');
    if let Some(subtitle) = &doc.subtitle {
        let _ = writeln!(out, "{subtitle}");
    }
    out.push('\n');
    for field in &doc.fields {
        let (first, rest) = field.value.split_once('\n').unwrap_or((&field.value, ""));
        let _ = writeln!(out, "{} {first}", with_colon(&field.label));
        // The other lines of a long text under it, indented.
        if !rest.is_empty() {
            text(&mut out, rest, "  ");
        }
    }
    out.push('\n');
    for section in &doc.sections {
        match section {
            Section::Summary(summary) => render_summary(&mut out, summary),
            // The phase headings carry their times and the total closes
            // the report.
            Section::Times(_) => {}
            Section::Phase(phase) => render_phase(&mut out, phase),
        }
    }
    if let Some(total) = &doc.total {
        let _ = writeln!(out, "{}: {}", total.label, total.value);
    }
    out
}

/// The parts one after another, without blank lines between them.
fn render_summary(out: &mut String, summary: &Summary) {
    underline(out, &summary.heading, '-');
    for part in &summary.parts {
        render_part(out, part);
    }
    out.push('\n');
}

/// The notes, then every part after a blank line.
fn render_phase(out: &mut String, phase: &PhaseSection) {
    let heading = match (&phase.skipped, &phase.time) {
        (Some(note), _) | (None, Some(note)) => format!("{} ({note})", phase.heading),
        (None, None) => phase.heading.clone(),
    };
    underline(out, &heading, '-');
    if let Some(notes) = &phase.notes {
        text(out, notes, "");
    }
    for part in &phase.parts {
        out.push('\n');
        render_part(out, part);
    }
    out.push('\n');
}

/// A caption line (when there is one), then the block indented.
fn render_part(out: &mut String, part: &Part) {
    if let Some(caption) = &part.caption {
        let _ = writeln!(out, "{}", with_colon(caption));
    }
    match &part.block {
        Block::Table(t) => {
            for row in &t.rows {
                let _ = writeln!(out, "  - {}", item(&t.head, row));
            }
        }
        Block::Checklist(list) => {
            for check in &list.items {
                let mark = if check.done { "[x]" } else { "[ ]" };
                let _ = writeln!(out, "  {mark} {}", item(&list.head, &check.values));
            }
        }
        Block::Pairs(pairs) => {
            for f in &pairs.rows {
                let _ = writeln!(out, "  {}: {}", f.label, f.value);
            }
        }
        Block::Bullets(lines) => {
            for line in lines {
                let _ = writeln!(out, "  - {line}");
            }
        }
        Block::Text(notes) | Block::Private(notes) => text(out, notes, "  "),
    }
}

/// One line per item: the first value, then "Column: value" for the others
/// that are filled in.
fn item(columns: &[String], values: &[String]) -> String {
    let flat = |s: &str| s.replace('\n', " ");
    let mut parts = vec![flat(values.first().map_or("", |s| s.as_str()))];
    for (c, v) in columns.iter().zip(values).skip(1) {
        if !v.trim().is_empty() {
            parts.push(format!("{}: {}", c, flat(v)));
        }
    }
    parts.join(" · ")
}

/// A label followed by a colon, unless it already ends in punctuation.
pub(super) fn with_colon(label: &str) -> String {
    let label = label.trim();
    if label.ends_with(['?', '!', ':', '.']) {
        label.to_string()
    } else {
        format!("{label}:")
    }
}

fn underline(out: &mut String, title: &str, ch: char) {
    let _ = writeln!(out, "{title}");
    let _ = writeln!(
        out,
        "{}",
        ch.to_string().repeat(UnicodeWidthStr::width(title).max(1))
    );
}

/// Text line by line, each non-empty line indented.
fn text(out: &mut String, text: &str, indent: &str) {
    for line in text.lines() {
        let line = line.trim_end();
        if line.is_empty() {
            out.push('\n');
        } else {
            let _ = writeln!(out, "{indent}{line}");
        }
    }
}
