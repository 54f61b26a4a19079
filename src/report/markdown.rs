//! [`Document`] → Markdown (`leidraad export`): headings, a bullet header,
//! tables (cells escaped by [`cell`]), notes with hard line breaks.

use std::fmt::Write as _;

use super::document::{Block, Caption, Document, Part, PhaseSection, Section, Summary, Times};

/// The document as Markdown, ending in a single line break.
pub fn render(doc: &Document) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", doc.title);
    if let Some(subtitle) = &doc.subtitle {
        let _ = writeln!(out, "_{subtitle}_\n");
    }
    for field in &doc.fields {
        let _ = writeln!(out, "- **{}:** {}", field.label, cell(&field.value));
    }
    out.push('\n');
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

fn render_summary(out: &mut String, summary: &Summary) {
    let _ = writeln!(out, "## {}\n", summary.heading);
    for part in &summary.parts {
        render_part(out, part);
    }
}

fn render_times(out: &mut String, times: &Times) {
    let _ = writeln!(out, "## {}\n", times.heading);
    let mut total = times.total.clone();
    if let Some(name) = total.first_mut() {
        *name = format!("**{}**", name);
    }
    let mut rows = times.table.rows.clone();
    rows.push(total);
    table(out, &times.table.head, &rows);
}

fn render_phase(out: &mut String, phase: &PhaseSection) {
    let _ = writeln!(out, "## {}\n", phase.heading);
    let _ = writeln!(out, "_{}_\n", phase.time);
    if let Some(notes) = &phase.notes {
        text(out, notes);
    }
    for part in &phase.parts {
        render_part(out, part);
    }
}

/// A part under a level-3 heading (none without a caption).
fn render_part(out: &mut String, part: &Part) {
    if let Some(Caption { label, phase }) = &part.caption {
        match phase {
            Some(phase) => {
                let _ = writeln!(out, "### {label} ({phase})\n");
            }
            None => {
                let _ = writeln!(out, "### {label}\n");
            }
        }
    }
    match &part.block {
        Block::Table(t) => table(out, &t.head, &t.rows),
        Block::Checklist(list) => {
            let mut head = list.head.clone();
            head.push(list.done_column.clone());
            let rows: Vec<Vec<String>> = list
                .items
                .iter()
                .map(|check| {
                    let mut row = check.values.clone();
                    row.resize(list.head.len(), String::new());
                    row.push(if check.done { &list.yes } else { &list.no }.clone());
                    row
                })
                .collect();
            table(out, &head, &rows);
        }
        Block::Pairs(pairs) => {
            let head = [pairs.label_column.clone(), pairs.value_column.clone()];
            let rows: Vec<Vec<String>> = (pairs.rows.iter())
                .map(|f| vec![f.label.clone(), f.value.clone()])
                .collect();
            table(out, &head, &rows);
        }
        Block::Bullets(lines) => {
            for line in lines {
                let _ = writeln!(out, "- {}", cell(line));
            }
            out.push('\n');
        }
        Block::Text(notes) => text(out, notes),
    }
}

/// A table cell: `|` escaped, line breaks as `<br>`, other control
/// characters as spaces.
pub(super) fn cell(text: &str) -> String {
    let text = text.trim().replace("\r\n", "\n").replace('\r', "\n");
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '|' => out.push_str("\\|"),
            '\n' => out.push_str("<br>"),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// A table with as many cells in each row as the head has columns.
fn table(out: &mut String, head: &[String], rows: &[Vec<String>]) {
    let _ = writeln!(
        out,
        "| {} |",
        head.iter().map(|h| cell(h)).collect::<Vec<_>>().join(" | ")
    );
    let _ = writeln!(out, "|{}", " --- |".repeat(head.len()));
    for row in rows {
        let cells: Vec<String> = (0..head.len())
            .map(|i| cell(row.get(i).map_or("", |s| s.as_str())))
            .collect();
        let _ = writeln!(out, "| {} |", cells.join(" | "));
    }
    out.push('\n');
}

/// Text with its line breaks kept (hard breaks) and its paragraphs kept.
fn text(out: &mut String, text: &str) {
    let lines: Vec<&str> = text.lines().collect();
    for (n, line) in lines.iter().enumerate() {
        let line = line.trim_end();
        out.push_str(line);
        let next_is_text = lines.get(n + 1).is_some_and(|l| !l.trim().is_empty());
        if !line.is_empty() && next_is_text {
            out.push('\\');
        }
        out.push('\n');
    }
    out.push('\n');
}
