//! Reports: a session as Markdown (`leidraad export`) or plain text
//! (`leidraad show`, the summary). Every heading and label comes from the
//! [`Texts`] table, so a report follows the UI language; the content (notes,
//! items, the guide's own titles) stays as written.
//!
//! Order: title, subtitle, header fields, status and time; the agreements
//! (items of lists with `carry = true`) and the agreements carried in from
//! earlier sessions; a table of planned versus actual minutes per phase;
//! then per phase its notes, its other lists, its ratings and the questions
//! marked asked. Private notes appear only with [`PrivateNotes::Include`].

use std::fmt::Write as _;

use unicode_width::UnicodeWidthStr;

use crate::guide::{FieldKind, List, Phase};
use crate::i18n::Texts;
use crate::session::{CarriedItem, Item, Session, Status, Timestamp};
use crate::timer::{self, TimerView};

/// Whether a report shows the consultant's private notes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PrivateNotes {
    /// Leave them out (a report for the school).
    Omit,
    /// Show them (for the consultant's own eyes).
    Include,
}

/// The moment a report computes times at: the finish, else the last save,
/// else the creation (a report never reads the clock).
fn report_now(session: &Session) -> Timestamp {
    session
        .finished
        .or(session.saved)
        .unwrap_or(session.created)
}

fn minutes(secs: i64) -> i64 {
    (secs + 30).div_euclid(60)
}

/// The header lines: (label, value) for every non-empty field, the date
/// (when the guide has no date field), status and time.
fn header(session: &Session, texts: &Texts, view: &TimerView) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for f in &session.guide.fields {
        let value = session.field(&f.id).trim();
        if value.is_empty() {
            continue;
        }
        let value = if f.kind == FieldKind::List || f.kind == FieldKind::Longtext {
            value
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .collect::<Vec<_>>()
                .join(", ")
        } else {
            value.to_string()
        };
        out.push((f.label.clone(), value));
    }
    if !session
        .guide
        .fields
        .iter()
        .any(|f| f.kind == FieldKind::Date)
    {
        let day = session.started.unwrap_or(session.created);
        out.push((
            texts.report_date.to_string(),
            day.format("%Y-%m-%d").to_string(),
        ));
    }
    let status = match session.status {
        Status::Finished => texts.report_finished,
        Status::InProgress => texts.report_in_progress,
    };
    out.push((texts.report_status.to_string(), status.to_string()));
    out.push((
        texts.report_time.to_string(),
        (texts.report_planned_actual)(minutes(view.planned), minutes(view.total_elapsed)),
    ));
    out
}

/// The lists with `carry = true` that have items, with their phase.
fn agreement_lists(session: &Session) -> Vec<(usize, &List, &[Item])> {
    session
        .guide
        .lists()
        .filter(|(_, l)| l.carry)
        .map(|(p, l)| (p, l, session.items(p, &l.id)))
        .filter(|(_, _, items)| !items.is_empty())
        .collect()
}

/// Carried items grouped by list label and columns, in order of appearance.
fn carried_groups(session: &Session) -> Vec<(&str, &[String], Vec<&CarriedItem>)> {
    let mut groups: Vec<(&str, &[String], Vec<&CarriedItem>)> = Vec::new();
    for c in &session.carried {
        match groups
            .iter_mut()
            .find(|(l, cols, _)| *l == c.label && *cols == c.columns.as_slice())
        {
            Some(g) => g.2.push(c),
            None => groups.push((&c.label, &c.columns, vec![c])),
        }
    }
    groups
}

fn phase_heading(i: usize, phase: &Phase) -> String {
    format!("{}. {}", i + 1, phase.title)
}

fn asked_questions(session: &Session, i: usize, phase: &Phase) -> Vec<String> {
    phase
        .all_questions()
        .into_iter()
        .enumerate()
        .filter(|(q, _)| session.is_asked(i, *q))
        .map(|(_, (_, q))| q.to_string())
        .collect()
}

fn rating_value<'a>(session: &'a Session, i: usize, rating: &str, item: usize) -> &'a str {
    session
        .phases
        .get(i)
        .and_then(|p| p.ratings.get(rating))
        .and_then(|v| v.get(item))
        .map_or("", |s| s.as_str())
}

fn normalise_newlines(text: &str) -> String {
    text.replace("\r\n", "\n").replace('\r', "\n")
}

/// A table cell: `|` escaped, line breaks as `<br>`, other control
/// characters as spaces.
fn cell(text: &str) -> String {
    let text = normalise_newlines(text.trim());
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

fn md_table(out: &mut String, head: &[String], rows: &[Vec<String>]) {
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

/// Notes as Markdown: line breaks kept (hard breaks), paragraphs kept.
fn md_text(out: &mut String, text: &str) {
    let text = normalise_newlines(text.trim());
    if text.is_empty() {
        return;
    }
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

/// The session as a Markdown report.
pub fn markdown(session: &Session, texts: &Texts, private: PrivateNotes) -> String {
    let view = timer::snapshot(session, report_now(session));
    let guide = &session.guide;
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", guide.title.trim());
    if !guide.subtitle.trim().is_empty() {
        let _ = writeln!(out, "_{}_\n", guide.subtitle.trim());
    }
    for (label, value) in header(session, texts, &view) {
        let _ = writeln!(out, "- **{}:** {}", label.trim(), cell(&value));
    }
    out.push('\n');

    let agreements = agreement_lists(session);
    if !agreements.is_empty() {
        let _ = writeln!(out, "## {}\n", texts.report_agreements);
        for (p, list, items) in &agreements {
            let _ = writeln!(out, "### {} ({})\n", list.label, guide.phases[*p].title);
            let rows: Vec<Vec<String>> = items.iter().map(|i| i.values.clone()).collect();
            md_table(&mut out, &list.columns, &rows);
        }
    }
    let groups = carried_groups(session);
    if !groups.is_empty() {
        let _ = writeln!(out, "## {}\n", texts.report_carried);
        for (label, columns, items) in groups {
            if !label.trim().is_empty() {
                let _ = writeln!(out, "### {label}\n");
            }
            let mut head: Vec<String> = columns.to_vec();
            head.push(texts.report_carried_done.to_string());
            let rows: Vec<Vec<String>> = items
                .iter()
                .map(|c| {
                    let mut row = c.item.values.clone();
                    row.resize(columns.len(), String::new());
                    row.push(yes_no(texts, c.done).to_string());
                    row
                })
                .collect();
            md_table(&mut out, &head, &rows);
        }
    }

    let _ = writeln!(out, "## {}\n", texts.report_phases);
    let head = [
        texts.report_phase.to_string(),
        texts.report_planned.to_string(),
        texts.report_actual.to_string(),
    ];
    let mut rows: Vec<Vec<String>> = guide
        .phases
        .iter()
        .zip(&view.phases)
        .enumerate()
        .map(|(i, (phase, t))| {
            vec![
                phase_heading(i, phase),
                format!("{} {}", minutes(t.budget), texts.minutes_short),
                actual(texts, t.elapsed, t.skipped),
            ]
        })
        .collect();
    rows.push(vec![
        format!("**{}**", texts.report_total),
        format!("{} {}", minutes(view.planned), texts.minutes_short),
        format!("{} {}", minutes(view.total_elapsed), texts.minutes_short),
    ]);
    md_table(&mut out, &head, &rows);

    for (i, phase) in guide.phases.iter().enumerate() {
        let Some(record) = session.phases.get(i) else {
            continue;
        };
        let t = &view.phases[i];
        let _ = writeln!(out, "## {}\n", phase_heading(i, phase));
        let _ = writeln!(
            out,
            "_{}_\n",
            if t.skipped && t.elapsed == 0 {
                texts.report_skipped.to_string()
            } else {
                (texts.report_planned_actual)(minutes(t.budget), minutes(t.elapsed))
            }
        );
        md_text(&mut out, &record.notes);
        for list in phase.lists.iter().filter(|l| !l.carry) {
            let items = session.items(i, &list.id);
            if items.is_empty() {
                continue;
            }
            let _ = writeln!(out, "### {}\n", list.label);
            let rows: Vec<Vec<String>> = items.iter().map(|i| i.values.clone()).collect();
            md_table(&mut out, &list.columns, &rows);
        }
        for rating in &phase.ratings {
            let _ = writeln!(out, "### {}\n", rating.label);
            let head = [
                texts.report_rating_item.to_string(),
                texts.report_rating_value.to_string(),
            ];
            let rows: Vec<Vec<String>> = rating
                .items
                .iter()
                .enumerate()
                .map(|(n, item)| vec![item.clone(), rated(texts, session, i, &rating.id, n)])
                .collect();
            md_table(&mut out, &head, &rows);
        }
        let asked = asked_questions(session, i, phase);
        if !asked.is_empty() {
            let _ = writeln!(out, "### {}\n", texts.report_questions_asked);
            for q in asked {
                let _ = writeln!(out, "- {}", cell(&q));
            }
            out.push('\n');
        }
        if private == PrivateNotes::Include && !record.private_notes.trim().is_empty() {
            let _ = writeln!(out, "### {}\n", texts.report_private_notes);
            md_text(&mut out, &record.private_notes);
        }
    }
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}

fn yes_no(texts: &Texts, yes: bool) -> &'static str {
    if yes {
        texts.report_yes
    } else {
        texts.report_no
    }
}

fn actual(texts: &Texts, elapsed: i64, skipped: bool) -> String {
    if skipped && elapsed == 0 {
        texts.report_skipped.to_string()
    } else {
        format!("{} {}", minutes(elapsed), texts.minutes_short)
    }
}

fn rated(texts: &Texts, session: &Session, phase: usize, rating: &str, item: usize) -> String {
    let v = rating_value(session, phase, rating, item);
    if v.is_empty() {
        texts.report_not_rated.to_string()
    } else {
        v.to_string()
    }
}

/// One line per item: the first value, then "Column: value" for the others
/// that are filled in.
fn plain_item(columns: &[String], values: &[String]) -> String {
    let flat = |s: &str| {
        normalise_newlines(s.trim())
            .chars()
            .map(|c| if c.is_control() { ' ' } else { c })
            .collect::<String>()
    };
    let mut parts = vec![flat(values.first().map_or("", |s| s.as_str()))];
    for (c, v) in columns.iter().zip(values).skip(1) {
        if !v.trim().is_empty() {
            parts.push(format!("{}: {}", c, flat(v)));
        }
    }
    parts.join(" · ")
}

/// A label followed by a colon, unless it already ends in punctuation.
fn with_colon(label: &str) -> String {
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

fn plain_text(out: &mut String, text: &str, indent: &str) {
    let text = normalise_newlines(text.trim());
    for line in text.lines() {
        let line = line.trim_end();
        if line.is_empty() {
            out.push('\n');
        } else {
            let _ = writeln!(out, "{indent}{line}");
        }
    }
}

/// The session as readable plain text (for `leidraad show`).
pub fn plain(session: &Session, texts: &Texts, private: PrivateNotes) -> String {
    let view = timer::snapshot(session, report_now(session));
    let guide = &session.guide;
    let mut out = String::new();
    underline(&mut out, guide.title.trim(), '=');
    if !guide.subtitle.trim().is_empty() {
        let _ = writeln!(out, "{}", guide.subtitle.trim());
    }
    out.push('\n');
    for (label, value) in header(session, texts, &view) {
        let _ = writeln!(out, "{}: {}", label.trim(), value.replace('\n', " "));
    }
    out.push('\n');

    let agreements = agreement_lists(session);
    if !agreements.is_empty() {
        underline(&mut out, texts.report_agreements, '-');
        for (p, list, items) in &agreements {
            let _ = writeln!(out, "{} ({}):", list.label, guide.phases[*p].title);
            for item in *items {
                let _ = writeln!(out, "  - {}", plain_item(&list.columns, &item.values));
            }
        }
        out.push('\n');
    }
    let groups = carried_groups(session);
    if !groups.is_empty() {
        underline(&mut out, texts.report_carried, '-');
        for (label, columns, items) in groups {
            let _ = writeln!(out, "{}", with_colon(label));
            for c in items {
                let mark = if c.done { "[x]" } else { "[ ]" };
                let _ = writeln!(out, "  {mark} {}", plain_item(columns, &c.item.values));
            }
        }
        out.push('\n');
    }

    for (i, phase) in guide.phases.iter().enumerate() {
        let Some(record) = session.phases.get(i) else {
            continue;
        };
        let t = &view.phases[i];
        let time = if t.skipped && t.elapsed == 0 {
            texts.report_skipped.to_string()
        } else {
            (texts.report_planned_actual)(minutes(t.budget), minutes(t.elapsed))
        };
        underline(
            &mut out,
            &format!("{} ({time})", phase_heading(i, phase)),
            '-',
        );
        plain_text(&mut out, &record.notes, "");
        for list in phase.lists.iter().filter(|l| !l.carry) {
            let items = session.items(i, &list.id);
            if items.is_empty() {
                continue;
            }
            let _ = writeln!(out, "\n{}", with_colon(&list.label));
            for item in items {
                let _ = writeln!(out, "  - {}", plain_item(&list.columns, &item.values));
            }
        }
        for rating in &phase.ratings {
            let _ = writeln!(out, "\n{}", with_colon(&rating.label));
            for (n, item) in rating.items.iter().enumerate() {
                let _ = writeln!(out, "  {item}: {}", rated(texts, session, i, &rating.id, n));
            }
        }
        let asked = asked_questions(session, i, phase);
        if !asked.is_empty() {
            let _ = writeln!(out, "\n{}:", texts.report_questions_asked);
            for q in asked {
                let _ = writeln!(out, "  - {q}");
            }
        }
        if private == PrivateNotes::Include && !record.private_notes.trim().is_empty() {
            let _ = writeln!(out, "\n{}:", texts.report_private_notes);
            plain_text(&mut out, &record.private_notes, "  ");
        }
        out.push('\n');
    }
    let _ = writeln!(
        out,
        "{}: {}",
        texts.report_total,
        (texts.report_planned_actual)(minutes(view.planned), minutes(view.total_elapsed))
    );
    out
}

#[cfg(test)]
mod tests {
    use super::PrivateNotes::{Include, Omit};
    use super::*;
    use crate::i18n::{EN, NL};
    use crate::session::fixture::{at, guide};
    use crate::session::{CarriedItem, Item};

    const SECRET: &str = "Directeur lijkt moe";

    /// A finished conversation with something in every part of the report.
    pub(crate) fn held() -> Session {
        let mut s = Session::new(&guide(), at(0));
        s.set_field("school", "De Regenboog").unwrap();
        s.set_field("deelnemers", "Anna\nBert | Co").unwrap();
        s.carried = vec![CarriedItem {
            from_session: "2026-06-01-1400-de-regenboog-voortgang".into(),
            list: "afspraken".into(),
            label: "Afspraken".into(),
            columns: vec!["Wat".into(), "Wie".into(), "Wanneer".into()],
            item: Item {
                values: vec![
                    "Leerlingenraad opzetten".into(),
                    "Anna".into(),
                    String::new(),
                ],
                done: false,
            },
            done: true,
        }];
        s.start(at(0));
        s.phases[0].notes =
            "Verwachtingen besproken.\nTijd: tot 10:00.\r\n\r\nNieuwe alinea.".into();
        s.phases[0].private_notes = SECRET.into();
        s.toggle_asked(0, 2).unwrap();
        s.go_to(1, at(12));
        s.add_item(1, "mijlpalen", vec!["Cultuurdag".into(), "maart".into()])
            .unwrap();
        s.set_rating(1, "doelen", 0, Some(1)).unwrap();
        s.go_to(2, at(30));
        s.add_item(
            2,
            "afspraken",
            vec![
                "Plan | versie 2".into(),
                "Bert\nen Co".into(),
                "juni".into(),
            ],
        )
        .unwrap();
        s.finish(at(58));
        s
    }

    #[test]
    fn private_notes_appear_only_when_asked_for() {
        let s = held();
        for texts in [&NL, &EN] {
            assert!(!markdown(&s, texts, Omit).contains(SECRET));
            assert!(!plain(&s, texts, Omit).contains(SECRET));
            assert!(!markdown(&s, texts, Omit).contains(texts.report_private_notes));
            assert!(markdown(&s, texts, Include).contains(SECRET));
            assert!(plain(&s, texts, Include).contains(SECRET));
        }
    }

    #[test]
    fn agreements_come_before_the_phases() {
        let md = markdown(&held(), &NL, Omit);
        let agreements = md.find("## Afspraken\n").unwrap();
        let carried = md.find("## Afspraken uit eerdere gesprekken").unwrap();
        let phases = md.find("## 1. Contracteren").unwrap();
        assert!(agreements < carried && carried < phases);
        assert_eq!(md.matches("Plan \\| versie 2").count(), 1, "not repeated");
    }

    #[test]
    fn table_cells_escape_pipes_and_line_breaks() {
        assert_eq!(cell("a | b\r\nc\nd\u{7}e"), "a \\| b<br>c<br>d e");
        let md = markdown(&held(), &NL, Omit);
        assert!(md.contains("| Plan \\| versie 2 | Bert<br>en Co | juni |"));
        for line in md.lines().filter(|l| l.starts_with('|')) {
            assert!(line.ends_with('|'), "{line}");
        }
    }

    #[test]
    fn skipped_phases_are_marked() {
        let mut s = Session::new(&guide(), at(0));
        s.toggle_skipped(1).unwrap();
        s.start(at(0));
        s.go_to(2, at(10));
        s.finish(at(40));
        let md = markdown(&s, &NL, Omit);
        assert!(md.contains("| 2. Terugblik | 20 min | overgeslagen |"));
        assert!(md.contains("## 2. Terugblik\n\n_overgeslagen_"));
        assert!(plain(&s, &EN, Omit).contains("2. Terugblik (skipped)"));
    }

    #[test]
    fn markdown_report_nl() {
        insta::assert_snapshot!(markdown(&held(), &NL, Include));
    }

    #[test]
    fn markdown_report_en_without_private_notes() {
        insta::assert_snapshot!(markdown(&held(), &EN, Omit));
    }

    #[test]
    fn plain_report_nl() {
        insta::assert_snapshot!(plain(&held(), &NL, Include));
    }
}
