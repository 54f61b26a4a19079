//! [`Document`] → a Word document (.docx, with `docx-rs`): a title,
//! headings Word knows as headings (its navigation pane lists them), the
//! header as bold labels with their values, real tables for lists and
//! ratings, the questions as a bulleted list, notes a paragraph per line.
//! Text goes in as typed: the writer escapes it for XML, and the document
//! holds no character XML forbids (see `build/text.rs`).

use std::fmt;
use std::io::Cursor;

use docx_rs::{
    AbstractNumbering, BreakType, Docx, IndentLevel, Level, LevelJc, LevelText, LineSpacing,
    NumberFormat, Numbering, NumberingId, Paragraph, Run, RunFonts, Shading, SpecialIndentType,
    Start, Style, StyleType, Table, TableCell, TableRow, WidthType,
};

use super::document::{Block, Document, Field, Part, PhaseSection, Section, Summary, Times};
use super::plain::with_colon;

/// The width of the text on the page `docx-rs` sets up (A4, 3 cm margins
/// left and right), in twentieths of a point.
const TEXT_WIDTH: usize = 11906 - 2 * 1701;
/// The numbering of the bulleted lists.
const BULLETS: usize = 1;
/// The fill of a table's head row.
const HEAD_FILL: &str = "D9E2F3";
/// The colour of small lines (a phase's time, the subtitle).
const GREY: &str = "595959";

/// The Word document could not be made (packing it failed).
#[derive(Debug)]
pub struct DocxError(String);

impl fmt::Display for DocxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for DocxError {}

impl Document {
    /// The report as a Word document: the bytes of the .docx file.
    pub fn docx(&self) -> Result<Vec<u8>, DocxError> {
        let mut out = Cursor::new(Vec::new());
        let mut parts = render(self).build();
        parts.doc_props.core = core_properties(self).into_bytes();
        parts.pack(&mut out).map_err(|e| DocxError(e.to_string()))?;
        Ok(out.into_inner())
    }
}

/// `docProps/core.xml`, what Word shows as the file's properties: the
/// title, the author (the consultant's field; none when it is empty) and
/// the day of the conversation. docx-rs writes the author as "unknown"
/// and has no setter for it, so the part is written here.
fn core_properties(doc: &Document) -> String {
    let day = format!("{}T00:00:00Z", doc.date.format("%Y-%m-%d"));
    let author = xml_escape(doc.author.as_deref().unwrap_or(""));
    format!(
        concat!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
            r#"<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" "#,
            r#"xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" "#,
            r#"xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">"#,
            r#"<dc:title>{title}</dc:title><dc:creator>{author}</dc:creator>"#,
            r#"<cp:lastModifiedBy>{author}</cp:lastModifiedBy><cp:revision>1</cp:revision>"#,
            r#"<dcterms:created xsi:type="dcterms:W3CDTF">{day}</dcterms:created>"#,
            r#"<dcterms:modified xsi:type="dcterms:W3CDTF">{day}</dcterms:modified>"#,
            r#"</cp:coreProperties>"#,
        ),
        title = xml_escape(&doc.title),
        author = author,
        day = day,
    )
}

/// Text as XML character data or an attribute value (the report's text
/// holds no character XML forbids: see `build/text.rs`).
fn xml_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c => out.push(c),
        }
    }
    out
}

fn render(doc: &Document) -> Docx {
    let mut docx = styles(Docx::new()).add_paragraph(paragraph("Title", &doc.title));
    if let Some(subtitle) = &doc.subtitle {
        docx = docx.add_paragraph(paragraph("Subtitle", subtitle));
    }
    for field in &doc.fields {
        docx = docx.add_paragraph(header_line(field));
    }
    for section in &doc.sections {
        docx = match section {
            Section::Summary(summary) => render_summary(docx, summary),
            Section::Times(times) => render_times(docx, times),
            Section::Phase(phase) => render_phase(docx, phase),
        };
    }
    docx
}

/// The paragraph styles, the bullets and the defaults.
fn styles(docx: Docx) -> Docx {
    let heading = |id: &str, name: &str, size: usize, level: usize, before: u32| {
        Style::new(id, StyleType::Paragraph)
            .name(name)
            .bold()
            .size(size)
            .outline_lvl(level)
            .line_spacing(LineSpacing::new().before(before).after(120))
    };
    let bullet = Level::new(
        0,
        Start::new(1),
        NumberFormat::new("bullet"),
        LevelText::new("•"),
        LevelJc::new("left"),
    )
    .indent(Some(720), Some(SpecialIndentType::Hanging(360)), None, None);
    let fonts = RunFonts::new()
        .ascii("Calibri")
        .hi_ansi("Calibri")
        .cs("Calibri");
    docx.default_fonts(fonts)
        .default_size(22)
        .default_line_spacing(LineSpacing::new().after(0))
        .add_style(
            Style::new("Title", StyleType::Paragraph)
                .name("Title")
                .size(40)
                .line_spacing(LineSpacing::new().after(120)),
        )
        .add_style(
            Style::new("Subtitle", StyleType::Paragraph)
                .name("Subtitle")
                .italic()
                .color(GREY)
                .line_spacing(LineSpacing::new().after(240)),
        )
        .add_style(heading("Heading1", "heading 1", 30, 0, 360))
        .add_style(heading("Heading2", "heading 2", 24, 1, 240))
        .add_style(
            Style::new("Small", StyleType::Paragraph)
                .name("Small")
                .italic()
                .color(GREY)
                .line_spacing(LineSpacing::new().after(120)),
        )
        .add_style(
            Style::new("Private", StyleType::Paragraph)
                .name("Private note")
                .italic(),
        )
        .add_abstract_numbering(AbstractNumbering::new(BULLETS).add_level(bullet))
        .add_numbering(Numbering::new(BULLETS, BULLETS))
}

/// A run of text: a line break for every `\n`, a tab for every `\t`.
fn run(text: &str) -> Run {
    let mut run = Run::new();
    for (n, line) in text.split('\n').enumerate() {
        if n > 0 {
            run = run.add_break(BreakType::TextWrapping);
        }
        for (m, piece) in line.split('\t').enumerate() {
            if m > 0 {
                run = run.add_tab();
            }
            if !piece.is_empty() {
                run = run.add_text(piece);
            }
        }
    }
    run
}

/// One paragraph in a style, its line breaks kept.
fn paragraph(style: &str, text: &str) -> Paragraph {
    Paragraph::new().add_run(run(text)).style(style)
}

/// A header line: the label in bold, then the value with its line breaks.
fn header_line(field: &Field) -> Paragraph {
    Paragraph::new()
        .add_run(Run::new().add_text(with_colon(&field.label)).bold())
        .add_run(Run::new().add_text(" "))
        .add_run(run(&field.value))
}

/// Text a paragraph per line (an empty line an empty paragraph).
fn text(mut docx: Docx, style: Option<&str>, text: &str) -> Docx {
    for line in text.split('\n') {
        let p = Paragraph::new().add_run(run(line));
        docx = docx.add_paragraph(match style {
            Some(style) => p.style(style),
            None => p,
        });
    }
    docx
}

fn render_summary(mut docx: Docx, summary: &Summary) -> Docx {
    docx = docx.add_paragraph(paragraph("Heading1", &summary.heading));
    for part in &summary.parts {
        docx = render_part(docx, part);
    }
    docx
}

fn render_times(docx: Docx, times: &Times) -> Docx {
    let mut rows = times.table.rows.clone();
    rows.push(times.total.clone());
    table(
        docx.add_paragraph(paragraph("Heading1", &times.heading)),
        &times.table.head,
        &rows,
    )
}

fn render_phase(mut docx: Docx, phase: &PhaseSection) -> Docx {
    let heading = match &phase.skipped {
        Some(word) => format!("{} ({word})", phase.heading),
        None => phase.heading.clone(),
    };
    docx = docx.add_paragraph(paragraph("Heading1", &heading));
    if let Some(time) = &phase.time {
        docx = docx.add_paragraph(paragraph("Small", time));
    }
    if let Some(notes) = &phase.notes {
        docx = text(docx, None, notes);
    }
    for part in &phase.parts {
        docx = render_part(docx, part);
    }
    docx
}

/// A part under a level-2 heading (none without a caption).
fn render_part(mut docx: Docx, part: &Part) -> Docx {
    if let Some(caption) = &part.caption {
        docx = docx.add_paragraph(paragraph("Heading2", caption));
    }
    match &part.block {
        Block::Table(t) => table(docx, &t.head, &t.rows),
        Block::Checklist(list) => {
            let mut head = list.head.clone();
            head.push(list.done_column.clone());
            let rows: Vec<Vec<String>> = (list.items.iter())
                .map(|check| {
                    let mut row = check.values.clone();
                    row.resize(list.head.len(), String::new());
                    row.push(if check.done { &list.yes } else { &list.no }.clone());
                    row
                })
                .collect();
            table(docx, &head, &rows)
        }
        Block::Pairs(pairs) => {
            let head = [pairs.label_column.clone(), pairs.value_column.clone()];
            let rows: Vec<Vec<String>> = (pairs.rows.iter())
                .map(|f| vec![f.label.clone(), f.value.clone()])
                .collect();
            table(docx, &head, &rows)
        }
        Block::Bullets(lines) => lines.iter().fold(docx, |docx, line| {
            docx.add_paragraph(
                Paragraph::new()
                    .add_run(run(line))
                    .numbering(NumberingId::new(BULLETS), IndentLevel::new(0)),
            )
        }),
        Block::Text(notes) => text(docx, None, notes),
        Block::Private(notes) => text(docx, Some("Private"), notes),
    }
}

/// A table: the head in bold on a fill, then the rows, each with as many
/// cells as the head has columns; an empty paragraph after it.
fn table(docx: Docx, head: &[String], rows: &[Vec<String>]) -> Docx {
    let columns = head.len().max(1);
    let width = TEXT_WIDTH / columns;
    let cell = |text: &str| {
        TableCell::new()
            .add_paragraph(Paragraph::new().add_run(run(text)))
            .width(width, WidthType::Dxa)
    };
    let head_row = TableRow::new(
        head.iter()
            .map(|h| {
                TableCell::new()
                    .add_paragraph(Paragraph::new().add_run(run(h).bold()))
                    .width(width, WidthType::Dxa)
                    .shading(Shading::new().fill(HEAD_FILL))
            })
            .collect(),
    );
    let body = rows.iter().map(|row| {
        TableRow::new(
            (0..head.len())
                .map(|i| cell(row.get(i).map_or("", |s| s.as_str())))
                .collect(),
        )
    });
    let table = Table::new(std::iter::once(head_row).chain(body).collect())
        .set_grid(vec![width; columns])
        .width(TEXT_WIDTH, WidthType::Dxa);
    docx.add_table(table).add_paragraph(Paragraph::new())
}
