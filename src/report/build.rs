//! Session → [`Document`]: what goes into a report, and in which order.

use chrono::NaiveDate;

use crate::guide::FieldKind;
use crate::i18n::Texts;
use crate::session::{Session, Status, Timestamp};
use crate::timer::{self, PhaseTime, TimerView};

use super::ReportOptions;
use super::document::{Document, Field, Section, Table, Times};

mod lists;
mod phase;
mod text;

pub use text::is_unsafe;
pub(super) use text::{line, text};

/// The session as a report document in the language of `texts`: title,
/// header, the lists that carry, the items carried in, with timing the
/// time table, then the phases (see [`ReportOptions`] for which).
pub fn build(session: &Session, texts: &Texts, options: &ReportOptions) -> Document {
    let view = timer::snapshot(session, report_now(session));
    let guide = &session.guide;
    let subtitle = line(&guide.subtitle);
    let mut sections = Vec::new();
    sections.extend(
        lists::agreements(session, texts)
            .into_iter()
            .map(Section::Summary),
    );
    sections.extend(lists::carried(session, texts).map(Section::Summary));
    if options.timing {
        sections.push(Section::Times(times(session, texts, &view)));
    }
    let phases =
        (0..guide.phases.len()).filter_map(|i| phase::section(session, texts, &view, options, i));
    sections.extend(phases.map(Section::Phase));
    let date = report_date(session);
    Document {
        date,
        title: title(session, texts, date),
        subtitle: (!subtitle.is_empty()).then_some(subtitle),
        author: author(session),
        fields: header(session, texts, &view, options),
        sections,
        total: options.timing.then(|| Field {
            label: texts.report.total.to_string(),
            value: planned_actual(texts, view.planned, view.total_elapsed),
        }),
    }
}

/// The consultant's field as filled in, when the guide has one and it is.
fn author(session: &Session) -> Option<String> {
    session
        .guide
        .fields
        .iter()
        .filter(|f| f.is_consultant())
        .filter_map(|f| session.fields.get(&f.id))
        .map(|v| line(v))
        .find(|v| !v.is_empty())
}

/// The moment a report computes times at: the finish, else the last save,
/// else the creation (a report never reads the clock).
fn report_now(session: &Session) -> Timestamp {
    session
        .finished
        .or(session.saved)
        .unwrap_or(session.created)
}

/// The guide's title, the client (when there is one) and the date.
fn title(session: &Session, texts: &Texts, date: NaiveDate) -> String {
    let parts = [
        line(&session.guide.title),
        line(session.client_value()),
        long_date(texts, date),
    ];
    parts
        .into_iter()
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join(" · ")
}

/// The day of the conversation: the first date field that holds a date,
/// else the day it started (or was created).
pub(in crate::report) fn report_date(session: &Session) -> NaiveDate {
    session
        .guide
        .fields
        .iter()
        .filter(|f| f.kind == FieldKind::Date)
        .find_map(|f| parse_date(session.field(&f.id)))
        .unwrap_or_else(|| session.started.unwrap_or(session.created).date_naive())
}

/// A date as the session stores it (`YYYY-MM-DD`).
fn parse_date(value: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(value.trim(), "%Y-%m-%d").ok()
}

/// A date written out: "1 december 2026", "1 December 2026".
pub(super) fn long_date(texts: &Texts, date: NaiveDate) -> String {
    use chrono::Datelike as _;
    let month = texts
        .report
        .months
        .get(date.month0() as usize)
        .copied()
        .unwrap_or_default();
    format!("{} {month} {}", date.day(), date.year())
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

/// The header lines: (label, value) for every field that is filled in, the
/// date (when the guide has no date field), with timing status and time.
fn header(
    session: &Session,
    texts: &Texts,
    view: &TimerView,
    options: &ReportOptions,
) -> Vec<Field> {
    let mut out: Vec<Field> = (session.guide.fields.iter())
        .filter_map(|f| {
            let raw = session.field(&f.id);
            let value = match f.kind {
                FieldKind::List => (raw.lines().map(line))
                    .filter(|l| !l.is_empty())
                    .collect::<Vec<_>>()
                    .join(", "),
                FieldKind::Date => match parse_date(raw) {
                    Some(date) => long_date(texts, date),
                    None => line(raw),
                },
                FieldKind::Text | FieldKind::Longtext | FieldKind::Yesno | FieldKind::Choice => {
                    text(raw)
                }
            };
            (!value.is_empty()).then(|| field(&f.label, value))
        })
        .collect();
    if !session
        .guide
        .fields
        .iter()
        .any(|f| f.kind == FieldKind::Date)
    {
        let day = session.started.unwrap_or(session.created).date_naive();
        out.push(field(texts.report.date, long_date(texts, day)));
    }
    if options.timing {
        let status = match session.status {
            Status::Finished => texts.report.finished,
            Status::InProgress => texts.report.in_progress,
        };
        out.push(field(texts.report.status, status.to_string()));
        out.push(field(
            texts.report.time,
            planned_actual(texts, view.planned, view.total_elapsed),
        ));
    }
    out
}

fn field(label: &str, value: String) -> Field {
    Field {
        label: line(label),
        value,
    }
}

fn phase_heading(i: usize, title: &str) -> String {
    format!("{}. {}", i + 1, line(title))
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
                phase_heading(i, &phase.title),
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
