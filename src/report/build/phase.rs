//! One phase of a report: its time, notes, lists, ratings, the questions
//! asked and the private notes.

use crate::guide::Phase;
use crate::i18n::Texts;
use crate::session::{PhaseRecord, Session};
use crate::timer::TimerView;

use super::{caption, phase_heading, planned_actual, skipped, table, text};
use crate::report::PrivateNotes;
use crate::report::document::{Block, Field, Pairs, Part, PhaseSection};

/// Phase `i` of the guide, with what was said in it; none when the session
/// has no record of it.
pub(super) fn section(
    session: &Session,
    texts: &Texts,
    view: &TimerView,
    private: PrivateNotes,
    i: usize,
) -> Option<PhaseSection> {
    let phase = session.guide.phases.get(i)?;
    let record = session.phases.get(i)?;
    let t = view.phases.get(i)?;
    let notes = text(&record.notes);
    let mut parts = list_parts(session, i, phase);
    parts.extend(rating_parts(texts, phase, record));
    parts.extend(asked_part(session, texts, i, phase));
    parts.extend(private_part(texts, private, record));
    Some(PhaseSection {
        heading: phase_heading(i, phase),
        time: if skipped(t) {
            texts.report.skipped.to_string()
        } else {
            planned_actual(texts, t.budget, t.elapsed)
        },
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
            caption: caption(&list.label),
            block: table(list, items),
        })
        .collect()
}

/// Every rating of a phase, each item with its value or "not rated".
fn rating_parts(texts: &Texts, phase: &Phase, record: &PhaseRecord) -> Vec<Part> {
    phase
        .ratings
        .iter()
        .map(|rating| Part {
            caption: caption(&rating.label),
            block: Block::Pairs(Pairs {
                label_column: texts.report.rating_item.to_string(),
                value_column: texts.report.rating_value.to_string(),
                rows: rating
                    .items
                    .iter()
                    .enumerate()
                    .map(|(n, item)| Field {
                        label: item.clone(),
                        value: rated(texts, record, &rating.id, n),
                    })
                    .collect(),
            }),
        })
        .collect()
}

/// A rated item's value, or the words for not rated.
fn rated(texts: &Texts, record: &PhaseRecord, rating: &str, item: usize) -> String {
    match record.ratings.get(rating).and_then(|v| v.get(item)) {
        Some(v) if !v.is_empty() => v.clone(),
        Some(_) | None => texts.report.not_rated.to_string(),
    }
}

/// The questions of a phase marked asked; none when no question was.
fn asked_part(session: &Session, texts: &Texts, i: usize, phase: &Phase) -> Option<Part> {
    let asked: Vec<String> = phase
        .all_questions()
        .into_iter()
        .enumerate()
        .filter(|(q, _)| session.is_asked(i, *q))
        .map(|(_, (_, q))| q.to_string())
        .collect();
    (!asked.is_empty()).then(|| Part {
        caption: caption(texts.report.questions_asked),
        block: Block::Bullets(asked),
    })
}

/// The private notes of a phase: only with [`PrivateNotes::Include`] and
/// when there are any.
fn private_part(texts: &Texts, private: PrivateNotes, record: &PhaseRecord) -> Option<Part> {
    let notes = text(&record.private_notes);
    match private {
        PrivateNotes::Include if !notes.is_empty() => Some(Part {
            caption: caption(texts.report.private_notes),
            block: Block::Text(notes),
        }),
        PrivateNotes::Include | PrivateNotes::Omit => None,
    }
}
