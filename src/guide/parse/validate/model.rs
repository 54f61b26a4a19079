//! The guide rules applied to a guide already in the model's form: the one
//! a session file embeds. A session file may come from anywhere (edited by
//! hand, made by a tool, synced from elsewhere), so its guide is checked by
//! the very checks a guide file goes through: the model is turned back into
//! the raw form (with empty spans) and given to the same [`Checker`].

use serde::de::IgnoredAny;
use toml::Spanned;

use super::field::FIELD_KINDS;
use super::{Checker, raw};
use crate::guide::parse::Source;
use crate::guide::{Conversation, Field, List, Phase, Rating, Reminder, ReminderAt};

/// Every rule a guide file's conversation must meet (ids, phase minutes
/// 1 to 600, 1 to 6 list columns, 2 to 7 scale steps, reminders inside
/// the planned time...), checked on `guide`; the messages of the broken
/// ones (without positions: there is no file to point into).
pub fn check_conversation(guide: &Conversation) -> Result<(), Vec<String>> {
    let src = Source {
        file: "guide",
        text: "",
    };
    let mut checker = Checker::new(src);
    let parsed = checker.conversation(raw_conversation(guide));
    checker
        .finish(parsed)
        .map(drop)
        .map_err(|errors| errors.into_iter().map(|d| d.message).collect())
}

fn at<T>(value: T) -> Spanned<T> {
    Spanned::new(0..0, value)
}

fn raw_conversation(g: &Conversation) -> raw::Conversation {
    raw::Conversation {
        format: IgnoredAny,
        kind: None,
        id: at(g.id.clone()),
        title: g.title.clone(),
        subtitle: g.subtitle.clone(),
        language: Some(g.language.clone()),
        minutes: Some(at(g.minutes)),
        summary: g.summary.clone(),
        participants: g.participants.clone(),
        materials: g.materials.clone(),
        preparation: g.preparation.clone(),
        fields: g.fields.iter().map(|f| at(raw_field(f))).collect(),
        phases: at(g.phases.iter().map(|p| at(raw_phase(p))).collect()),
        reminders: g.reminders.iter().map(|r| at(raw_reminder(r))).collect(),
    }
}

fn raw_field(f: &Field) -> raw::Field {
    let kind = FIELD_KINDS
        .iter()
        .find(|(_, kind)| *kind == f.kind)
        .map(|(name, _)| at((*name).to_string()));
    raw::Field {
        id: at(f.id.clone()),
        label: f.label.clone(),
        kind,
        required: f.required,
        client: f.client.then(|| at(true)),
        // A choice field always has its choices in a guide file; any other
        // field none (an empty list in the model).
        choices: (!f.choices.is_empty() || f.kind == crate::guide::FieldKind::Choice)
            .then(|| at(f.choices.clone())),
        default: f.default.clone().map(at),
    }
}

fn raw_phase(p: &Phase) -> raw::Phase {
    raw::Phase {
        id: at(p.id.clone()),
        title: p.title.clone(),
        minutes: at(p.minutes),
        goal: p.goal.clone(),
        guidance: p.guidance.clone(),
        questions: p.questions.clone(),
        optional: p.optional,
        revisit: p.revisit.clone().map(at),
        groups: p
            .groups
            .iter()
            .map(|g| raw::Group {
                title: g.title.clone(),
                questions: g.questions.clone(),
            })
            .collect(),
        lists: p.lists.iter().map(|l| at(raw_list(l))).collect(),
        ratings: p.ratings.iter().map(|r| at(raw_rating(r))).collect(),
    }
}

fn raw_list(l: &List) -> raw::List {
    raw::List {
        id: at(l.id.clone()),
        label: l.label.clone(),
        hint: l.hint.clone(),
        columns: at(l.columns.clone()),
        carry: l.carry,
        min: l.min.map(at),
        max: l.max.map(at),
    }
}

fn raw_rating(r: &Rating) -> raw::Rating {
    raw::Rating {
        id: at(r.id.clone()),
        label: r.label.clone(),
        scale: at(r.scale.clone()),
        items: r.items.clone(),
    }
}

fn raw_reminder(r: &Reminder) -> raw::Reminder {
    let (before, after) = match r.at {
        ReminderAt::MinutesBeforeEnd(m) => (Some(at(m)), None),
        ReminderAt::MinutesAfterStart(m) => (None, Some(at(m))),
    };
    raw::Reminder {
        minutes_before_end: before,
        minutes_after_start: after,
        text: r.text.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::Catalog;
    use crate::session::fixture::guide;

    #[test]
    fn every_bundled_guide_and_the_test_guide_meet_the_rules() {
        let catalog = Catalog::bundled();
        let bundled = catalog
            .guides
            .iter()
            .filter_map(|g| g.guide.as_conversation());
        for g in bundled.chain([&guide()]) {
            assert_eq!(check_conversation(g), Ok(()), "{}", g.id);
        }
    }

    #[test]
    fn a_guide_that_breaks_the_rules_is_refused_with_every_reason() {
        let mut g = guide();
        g.phases[2].lists[0].columns.clear();
        g.phases[1].minutes = u32::MAX;
        g.phases[0].ratings.push(Rating {
            id: "Geen Id".into(),
            label: "Schaal".into(),
            scale: vec![],
            items: vec![],
        });
        g.phases[0].revisit = Some("afronden".into());
        let errors = check_conversation(&g).unwrap_err();
        let all = errors.join("\n");
        for expected in [
            "expected 1 to 6 `columns`, found 0",
            "phase minutes must be between 1 and 600, found 4294967295",
            "invalid id `Geen Id`",
            "expected a `scale` of 2 to 7 steps, found 0",
            "`revisit` points forward to the later phase `afronden`",
        ] {
            assert!(all.contains(expected), "{expected} in:\n{all}");
        }
    }

    #[test]
    fn a_choice_field_without_choices_and_a_duplicate_client_are_refused() {
        let mut g = guide();
        g.fields[1].kind = crate::guide::FieldKind::Choice;
        g.fields[1].default = None;
        let mut second = g.fields[0].clone();
        second.id = "tweede".into();
        g.fields.push(second);
        let all = check_conversation(&g).unwrap_err().join("\n");
        assert!(all.contains("expected at least two `choices`"), "{all}");
        assert!(
            all.contains("only one field may be the client field"),
            "{all}"
        );
    }
}
