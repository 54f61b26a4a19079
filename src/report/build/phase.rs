//! One phase of a report: its notes, lists, ratings, and as asked for the
//! time, the questions asked and the private notes.

use crate::guide::{Phase, Rating};
use crate::i18n::Texts;
use crate::session::{PhaseRecord, Session};
use crate::timer::TimerView;

use super::lists::table;
use super::{line, phase_heading, planned_actual, skipped, text};
use crate::report::document::{Block, Field, Pairs, Part, PhaseSection};
use crate::report::{PrivateNotes, ReportOptions};

/// Phase `i` of the guide with what was said in it. None when the session
/// has no record of it, or when nothing was said in it, it was not skipped
/// and the options do not ask for every phase.
pub(super) fn section(
    session: &Session,
    texts: &Texts,
    view: &TimerView,
    options: &ReportOptions,
    i: usize,
) -> Option<PhaseSection> {
    let phase = session.guide.phases.get(i)?;
    let record = session.phases.get(i)?;
    let t = view.phases.get(i)?;
    let notes = text(&record.notes);
    let mut parts = list_parts(session, i, phase);
    parts.extend(rating_parts(texts, phase, record));
    if options.questions {
        parts.extend(asked_part(session, texts, i, phase));
    }
    parts.extend(private_part(texts, options.private, record));
    let skipped = skipped(t);
    if notes.is_empty() && parts.is_empty() && !skipped && !options.all_phases {
        return None;
    }
    Some(PhaseSection {
        heading: phase_heading(i, &phase.title),
        skipped: skipped.then(|| texts.report.skipped.to_string()),
        time: (options.timing && !skipped).then(|| planned_actual(texts, t.budget, t.elapsed)),
        notes: (!notes.is_empty()).then_some(notes),
        parts,
    })
}

/// The lists of a phase that do not carry and have items.
fn list_parts(session: &Session, i: usize, phase: &Phase) -> Vec<Part> {
    phase
        .lists
        .iter()
        .filter(|l| !l.carry)
        .map(|list| (list, session.items(i, &list.id)))
        .filter(|(_, items)| !items.is_empty())
        .map(|(list, items)| Part {
            caption: Some(line(&list.label)),
            block: table(list, items),
        })
        .collect()
}

/// The ratings of a phase with at least one item rated, each item with its
/// chosen step or the words for not rated.
fn rating_parts(texts: &Texts, phase: &Phase, record: &PhaseRecord) -> Vec<Part> {
    phase
        .ratings
        .iter()
        .filter(|rating| (0..rating.items.len()).any(|n| rated(record, &rating.id, n).is_some()))
        .map(|rating| Part {
            caption: Some(line(&rating.label)),
            block: Block::Pairs(Pairs {
                label_column: texts.report.rating_item.to_string(),
                value_column: texts.report.rating_value.to_string(),
                rows: rating_rows(texts, rating, record),
            }),
        })
        .collect()
}

/// Every item of a rating with its chosen step or the words for not rated.
fn rating_rows(texts: &Texts, rating: &Rating, record: &PhaseRecord) -> Vec<Field> {
    let not_rated = || texts.report.not_rated.to_string();
    (rating.items.iter().enumerate())
        .map(|(n, item)| Field {
            label: text(item),
            value: rated(record, &rating.id, n).unwrap_or_else(not_rated),
        })
        .collect()
}

/// A rated item's chosen step; none when it is not rated.
fn rated(record: &PhaseRecord, rating: &str, item: usize) -> Option<String> {
    let value = line(record.ratings.get(rating)?.get(item)?);
    (!value.is_empty()).then_some(value)
}

/// The questions of a phase marked asked; none when no question was.
fn asked_part(session: &Session, texts: &Texts, i: usize, phase: &Phase) -> Option<Part> {
    let asked: Vec<String> = phase
        .all_questions()
        .into_iter()
        .enumerate()
        .filter(|(q, _)| session.is_asked(i, *q))
        .map(|(_, (_, q))| text(q))
        .collect();
    (!asked.is_empty()).then(|| Part {
        caption: Some(texts.report.questions_asked.to_string()),
        block: Block::Bullets(asked),
    })
}

/// The private notes of a phase: only with [`PrivateNotes::Include`] and
/// when there are any.
fn private_part(texts: &Texts, private: PrivateNotes, record: &PhaseRecord) -> Option<Part> {
    let notes = text(&record.private_notes);
    match private {
        PrivateNotes::Include if !notes.is_empty() => Some(Part {
            caption: Some(texts.report.private_notes.to_string()),
            block: Block::Private(notes),
        }),
        PrivateNotes::Include | PrivateNotes::Omit => None,
    }
}
