//! [`Document`] → Markdown: headings, the header as lines of bold labels,
//! tables (GitHub's extension of CommonMark), notes as paragraphs with hard
//! line breaks. Every text is escaped (`markdown/escape.rs`), so a
//! CommonMark renderer shows it exactly as typed.

use std::fmt::Write as _;

use super::document::{Block, Document, Field, Part, PhaseSection, Section, Summary, Times};
use super::plain::with_colon;

mod escape;

pub(super) use escape::cell;

impl Document {
    /// The report as Markdown, ending in a single line break.
    pub fn markdown(&self) -> String {
        render(self)
    }
}

fn render(doc: &Document) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", escape::heading(&doc.title));
    if let Some(subtitle) = &doc.subtitle {
        let _ = writeln!(out, "_{}_\n", escape::inline(subtitle));
    }
    header(&mut out, &doc.fields);
    for section in &doc.sections {
        match section {
            Section::Summary(summary) => render_summary(&mut out, summary),
            Section::Times(times) => render_times(&mut out, times),
            Section::Phase(phase) => render_phase(&mut out, phase),
        }
    }
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}

/// The header: a line per field, its label in bold; a value's lines kept.
fn header(out: &mut String, fields: &[Field]) {
    let mut lines = Vec::new();
    for field in fields {
        for (n, value) in field.value.split('\n').enumerate() {
            lines.push(match n {
                0 => format!(
                    "**{}** {}",
                    escape::inline(&with_colon(&field.label)),
                    escape::inline(value)
                ),
                _ => escape::line(value),
            });
        }
    }
    paragraphs(out, &lines);
}

fn render_summary(out: &mut String, summary: &Summary) {
    let _ = writeln!(out, "## {}\n", escape::heading(&summary.heading));
    for part in &summary.parts {
        render_part(out, part);
    }
}

fn render_times(out: &mut String, times: &Times) {
    let _ = writeln!(out, "## {}\n", escape::heading(&times.heading));
    let mut rows: Vec<Vec<String>> = (times.table.rows.iter())
        .map(|row| row.iter().map(|c| cell(c)).collect())
        .collect();
    let total = times.total.iter().enumerate().map(|(n, c)| match n {
        0 => format!("**{}**", cell(c)),
        _ => cell(c),
    });
    rows.push(total.collect());
    let head: Vec<String> = times.table.head.iter().map(|h| cell(h)).collect();
    table(out, &head, &rows);
}

fn render_phase(out: &mut String, phase: &PhaseSection) {
    let heading = escape::heading(&phase.heading);
    match &phase.skipped {
        Some(word) => {
            let _ = writeln!(out, "## {heading} ({})\n", escape::inline(word));
        }
        None => {
            let _ = writeln!(out, "## {heading}\n");
        }
    }
    if let Some(time) = &phase.time {
        let _ = writeln!(out, "_{}_\n", escape::inline(time));
    }
    if let Some(notes) = &phase.notes {
        text(out, notes);
    }
    for part in &phase.parts {
        render_part(out, part);
    }
}

/// A part under a level-3 heading (none without a caption).
fn render_part(out: &mut String, part: &Part) {
    if let Some(caption) = &part.caption {
        let _ = writeln!(out, "### {}\n", escape::heading(caption));
    }
    let cells = |row: &[String]| row.iter().map(|c| cell(c)).collect::<Vec<_>>();
    match &part.block {
        Block::Table(t) => {
            let rows: Vec<Vec<String>> = t.rows.iter().map(|r| cells(r)).collect();
            table(out, &cells(&t.head), &rows);
        }
        Block::Checklist(list) => {
            let mut head = cells(&list.head);
            head.push(cell(&list.done_column));
            let rows: Vec<Vec<String>> = (list.items.iter())
                .map(|check| {
                    let mut row = cells(&check.values);
                    row.resize(list.head.len(), String::new());
                    row.push(cell(if check.done { &list.yes } else { &list.no }));
                    row
                })
                .collect();
            table(out, &head, &rows);
        }
        Block::Pairs(pairs) => {
            let head = [cell(&pairs.label_column), cell(&pairs.value_column)];
            let rows: Vec<Vec<String>> = (pairs.rows.iter())
                .map(|f| vec![cell(&f.label), cell(&f.value)])
                .collect();
            table(out, &head, &rows);
        }
        Block::Bullets(lines) => {
            for line in lines {
                let _ = writeln!(out, "- {}", escape::line(&line.replace('\n', " ")));
            }
            out.push('\n');
        }
        Block::Text(notes) | Block::Private(notes) => text(out, notes),
    }
}

/// A table of cells already escaped, with as many cells in each row as the
/// head has columns.
fn table(out: &mut String, head: &[String], rows: &[Vec<String>]) {
    let _ = writeln!(out, "| {} |", head.join(" | "));
    let _ = writeln!(out, "|{}", " --- |".repeat(head.len()));
    for row in rows {
        let cells: Vec<&str> = (0..head.len())
            .map(|i| row.get(i).map_or("", |s| s.as_str()))
            .collect();
        let _ = writeln!(out, "| {} |", cells.join(" | "));
    }
    out.push('\n');
}

/// Text as paragraphs: every line escaped.
fn text(out: &mut String, text: &str) {
    let lines: Vec<String> = text.split('\n').map(escape::line).collect();
    paragraphs(out, &lines);
}

/// Lines already escaped: a hard break between two lines, a blank line
/// where one is empty (a new paragraph), a blank line after the last.
fn paragraphs(out: &mut String, lines: &[String]) {
    for (n, line) in lines.iter().enumerate() {
        if line.is_empty() {
            if !out.ends_with("\n\n") {
                out.push('\n');
            }
            continue;
        }
        out.push_str(line);
        if lines.get(n + 1).is_some_and(|next| !next.is_empty()) {
            out.push('\\');
        }
        out.push('\n');
    }
    if !out.ends_with("\n\n") {
        out.push('\n');
    }
}
