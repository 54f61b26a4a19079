//! Session → [`Document`]: what goes into a report, and in which order.

use crate::guide::{FieldKind, List, Phase};
use crate::i18n::Texts;
use crate::session::{CarriedItem, Item, Session, Status, Timestamp};
use crate::timer::{self, PhaseTime, TimerView};

use super::PrivateNotes;
use super::document::{
    Block, Caption, Check, Checklist, Document, Field, Part, Section, Summary, Table, Times,
};

mod phase;

/// The session as a report document in the language of `texts`: title,
/// header, agreements, agreements carried in, the time table, then every
/// phase. Private notes only with [`PrivateNotes::Include`].
pub fn build(session: &Session, texts: &Texts, private: PrivateNotes) -> Document {
    let view = timer::snapshot(session, report_now(session));
    let guide = &session.guide;
    let subtitle = guide.subtitle.trim();
    let mut sections = Vec::new();
    sections.extend(agreements(session, texts).map(Section::Summary));
    sections.extend(carried(session, texts).map(Section::Summary));
    sections.push(Section::Times(times(session, texts, &view)));
    let phases =
        (0..guide.phases.len()).filter_map(|i| phase::section(session, texts, &view, private, i));
    sections.extend(phases.map(Section::Phase));
    Document {
        title: guide.title.trim().to_string(),
        subtitle: (!subtitle.is_empty()).then(|| subtitle.to_string()),
        fields: header(session, texts, &view),
        sections,
        total: Field {
            label: texts.report.total.to_string(),
            value: planned_actual(texts, view.planned, view.total_elapsed),
        },
    }
}

/// The moment a report computes times at: the finish, else the last save,
/// else the creation (a report never reads the clock).
fn report_now(session: &Session) -> Timestamp {
    session
        .finished
        .or(session.saved)
        .unwrap_or(session.created)
}

/// Seconds as whole minutes, rounded.
fn minutes(secs: i64) -> i64 {
    (secs + 30).div_euclid(60)
}

fn planned_actual(texts: &Texts, planned: i64, actual: i64) -> String {
    (texts.report.planned_actual)(minutes(planned), minutes(actual))
}

fn in_minutes(texts: &Texts, secs: i64) -> String {
    format!("{} {}", minutes(secs), texts.common.minutes_short)
}

/// Text with its line breaks as `\n`, trimmed.
fn text(raw: &str) -> String {
    raw.trim().replace("\r\n", "\n").replace('\r', "\n")
}

/// The header lines: (label, value) for every non-empty field, the date
/// (when the guide has no date field), status and time.
fn header(session: &Session, texts: &Texts, view: &TimerView) -> Vec<Field> {
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
        out.push(field(&f.label, value));
    }
    if !session
        .guide
        .fields
        .iter()
        .any(|f| f.kind == FieldKind::Date)
    {
        let day = session.started.unwrap_or(session.created);
        out.push(field(texts.report.date, day.format("%Y-%m-%d").to_string()));
    }
    let status = match session.status {
        Status::Finished => texts.report.finished,
        Status::InProgress => texts.report.in_progress,
    };
    out.push(field(texts.report.status, status.to_string()));
    out.push(field(
        texts.report.time,
        planned_actual(texts, view.planned, view.total_elapsed),
    ));
    out
}

fn field(label: &str, value: String) -> Field {
    Field {
        label: label.trim().to_string(),
        value,
    }
}

fn caption(label: &str) -> Option<Caption> {
    Some(Caption {
        label: label.to_string(),
        phase: None,
    })
}

fn table(list: &List, items: &[Item]) -> Block {
    Block::Table(Table {
        head: list.columns.clone(),
        rows: items.iter().map(|i| i.values.clone()).collect(),
    })
}

/// The items of the lists with `carry = true`, each list captioned with its
/// phase; none when no such list has items.
fn agreements(session: &Session, texts: &Texts) -> Option<Summary> {
    let parts: Vec<Part> = (session.guide.phases.iter().enumerate())
        .flat_map(|(p, phase)| phase.lists.iter().map(move |list| (p, phase, list)))
        .filter(|(_, _, list)| list.carry)
        .map(|(p, phase, list)| (phase, list, session.items(p, &list.id)))
        .filter(|(_, _, items)| !items.is_empty())
        .map(|(phase, list, items)| Part {
            caption: Some(Caption {
                label: list.label.clone(),
                phase: Some(phase.title.clone()),
            }),
            block: table(list, items),
        })
        .collect();
    (!parts.is_empty()).then(|| Summary {
        heading: texts.report.agreements.to_string(),
        parts,
    })
}

/// The carried items grouped by list label and columns, in order of
/// appearance; none when nothing was carried in.
fn carried(session: &Session, texts: &Texts) -> Option<Summary> {
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
    let parts: Vec<Part> = groups
        .into_iter()
        .map(|(label, columns, items)| Part {
            caption: if label.trim().is_empty() {
                None
            } else {
                caption(label)
            },
            block: Block::Checklist(Checklist {
                head: columns.to_vec(),
                done_column: texts.report.carried_done.to_string(),
                yes: texts.report.yes.to_string(),
                no: texts.report.no.to_string(),
                items: items
                    .into_iter()
                    .map(|c| Check {
                        done: c.done,
                        values: c.item.values.clone(),
                    })
                    .collect(),
            }),
        })
        .collect();
    (!parts.is_empty()).then(|| Summary {
        heading: texts.report.carried.to_string(),
        parts,
    })
}

fn phase_heading(i: usize, phase: &Phase) -> String {
    format!("{}. {}", i + 1, phase.title)
}

/// Whether a phase was skipped without any time spent in it.
fn skipped(time: &PhaseTime) -> bool {
    time.skipped && time.elapsed == 0
}

/// The actual time of a phase, or that it was skipped.
fn actual(texts: &Texts, time: &PhaseTime) -> String {
    if skipped(time) {
        texts.report.skipped.to_string()
    } else {
        in_minutes(texts, time.elapsed)
    }
}

/// Planned versus actual minutes of every phase, and the totals.
fn times(session: &Session, texts: &Texts, view: &TimerView) -> Times {
    let rows = session
        .guide
        .phases
        .iter()
        .zip(&view.phases)
        .enumerate()
        .map(|(i, (phase, t))| {
            vec![
                phase_heading(i, phase),
                in_minutes(texts, t.budget),
                actual(texts, t),
            ]
        })
        .collect();
    Times {
        heading: texts.report.phases.to_string(),
        table: Table {
            head: vec![
                texts.report.phase.to_string(),
                texts.report.planned.to_string(),
                texts.report.actual.to_string(),
            ],
            rows,
        },
        total: vec![
            texts.report.total.to_string(),
            in_minutes(texts, view.planned),
            in_minutes(texts, view.total_elapsed),
        ],
    }
}
