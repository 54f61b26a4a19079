//! Our own checks over the raw form, collecting every error at once, and the
//! conversion into the clean [`crate::guide`] model.

use std::collections::HashMap;
use std::ops::Range;

use toml::Spanned;

mod field;
mod model;
mod trajectory;

pub use model::check_conversation;

use super::{Diagnostic, Parsed, Source, raw};
use crate::guide::{Conversation, Guide, List, Phase, QuestionGroup, Rating, Reminder, ReminderAt};

/// Collects errors and warnings while checking one file.
pub(super) struct Checker<'a> {
    src: Source<'a>,
    errors: Vec<Diagnostic>,
    warnings: Vec<Diagnostic>,
}

/// Remembers where each id of one kind was first used.
struct Ids<'k> {
    what: &'k str,
    seen: HashMap<String, usize>,
}

impl<'a> Checker<'a> {
    pub fn new(src: Source<'a>) -> Self {
        Checker {
            src,
            errors: Vec::new(),
            warnings: Vec::new(),
        }
    }

    fn error(&mut self, span: Range<usize>, message: impl Into<String>) {
        self.errors.push(self.src.error(span, message));
    }

    fn warn(&mut self, span: Range<usize>, message: impl Into<String>) {
        self.warnings.push(self.src.error(span, message));
    }

    /// The result: the guide when no error was found, else every error
    /// sorted by position.
    pub fn finish(mut self, parsed: Parsed) -> Result<Parsed, Vec<Diagnostic>> {
        if self.errors.is_empty() {
            self.warnings.sort_by_key(|d| (d.line, d.column));
            Ok(Parsed {
                warnings: self.warnings,
                ..parsed
            })
        } else {
            self.errors.sort_by_key(|d| (d.line, d.column));
            Err(self.errors)
        }
    }

    /// Check an id's spelling and, with `ids`, its uniqueness.
    fn id(&mut self, id: &Spanned<String>, ids: Option<&mut Ids>) -> String {
        let span = id.span();
        let value = id.get_ref().clone();
        if !valid_id(&value) {
            self.error(
                span.clone(),
                format!(
                    "invalid id `{value}`; expected lower-case letters a-z, digits and hyphens, \
                     starting with a letter or digit"
                ),
            );
        }
        if let Some(ids) = ids {
            if let Some(&first) = ids.seen.get(&value) {
                let line = self.src.pos(first).line;
                let what = ids.what;
                self.error(
                    span,
                    format!("duplicate {what} id `{value}`; it is already used on line {line}"),
                );
            } else {
                ids.seen.insert(value.clone(), span.start);
            }
        }
        value
    }

    /// Check and convert a conversation.
    pub fn conversation(&mut self, raw: raw::Conversation) -> Parsed {
        let id_at = self.src.pos(raw.id.span().start);
        let id = self.id(&raw.id, None);
        let fields = self.fields(raw.fields);
        let phases_span = raw.phases.span();
        let raw_phases = raw.phases.into_inner();
        if raw_phases.is_empty() {
            self.error(phases_span, "expected at least one phase in `phases`");
        }
        let phases = self.phases(raw_phases);
        let sum = phases
            .iter()
            .fold(0u32, |sum, p| sum.saturating_add(p.minutes));
        let minutes = match raw.minutes {
            None => sum,
            Some(m) => {
                let (span, m) = (m.span(), m.into_inner());
                if m == 0 {
                    self.error(span, "`minutes` must be at least 1");
                } else if m != sum && !phases.is_empty() {
                    self.warn(
                        span,
                        format!(
                            "`minutes` is {m} but the phases add up to {sum}; \
                             the phase budgets are scaled to {m} on screen"
                        ),
                    );
                }
                m
            }
        };
        let reminders = self.reminders(raw.reminders, minutes);
        let conversation = Conversation {
            id,
            title: raw.title,
            subtitle: raw.subtitle,
            language: raw.language.unwrap_or_else(|| "nl".to_string()),
            minutes,
            summary: raw.summary.trim_end().to_string(),
            participants: raw.participants,
            materials: raw.materials,
            preparation: raw.preparation,
            fields,
            phases,
            reminders,
        };
        Parsed {
            guide: Guide::Conversation(conversation),
            warnings: Vec::new(),
            id_at,
            step_at: Vec::new(),
        }
    }

    fn phases(&mut self, raw: Vec<Spanned<raw::Phase>>) -> Vec<Phase> {
        let all: Vec<String> = raw
            .iter()
            .map(|p| p.get_ref().id.get_ref().clone())
            .collect();
        let mut ids = Ids::new("phase");
        let mut list_ids = Ids::new("list");
        let mut rating_ids = Ids::new("rating");
        let mut out = Vec::new();
        for (index, p) in raw.into_iter().enumerate() {
            let p = p.into_inner();
            let id = self.id(&p.id, Some(&mut ids));
            let minutes = *p.minutes.get_ref();
            if !(1..=600).contains(&minutes) {
                self.error(
                    p.minutes.span(),
                    format!("phase minutes must be between 1 and 600, found {minutes}"),
                );
            }
            if let Some(r) = &p.revisit {
                self.revisit(r, index, &all);
            }
            let lists = p
                .lists
                .into_iter()
                .map(|l| self.list(l.into_inner(), &mut list_ids))
                .collect();
            let ratings = p
                .ratings
                .into_iter()
                .map(|r| self.rating(r.into_inner(), &mut rating_ids))
                .collect();
            out.push(Phase {
                id,
                title: p.title,
                minutes,
                goal: p.goal,
                guidance: p.guidance.trim_end().to_string(),
                questions: p.questions,
                groups: p
                    .groups
                    .into_iter()
                    .map(|g| QuestionGroup {
                        title: g.title,
                        questions: g.questions,
                    })
                    .collect(),
                optional: p.optional,
                revisit: p.revisit.map(Spanned::into_inner),
                lists,
                ratings,
            });
        }
        out
    }

    fn revisit(&mut self, r: &Spanned<String>, index: usize, all: &[String]) {
        let target = r.get_ref();
        let earlier = &all[..index];
        let expected = if earlier.is_empty() {
            "expected the id of an earlier phase, and this is the first phase".to_string()
        } else {
            let names: Vec<String> = earlier.iter().map(|p| format!("`{p}`")).collect();
            format!("expected the id of an earlier phase: {}", names.join(", "))
        };
        let problem = if earlier.contains(target) {
            return;
        } else if all.get(index) == Some(target) {
            format!("`revisit` points to its own phase `{target}`")
        } else if all[index..].contains(target) {
            format!("`revisit` points forward to the later phase `{target}`")
        } else {
            format!("`revisit` names the unknown phase `{target}`")
        };
        self.error(r.span(), format!("{problem}; {expected}"));
    }

    fn list(&mut self, l: raw::List, ids: &mut Ids) -> List {
        let id = self.id(&l.id, Some(ids));
        let n = l.columns.get_ref().len();
        if !(1..=6).contains(&n) {
            self.error(
                l.columns.span(),
                format!("expected 1 to 6 `columns`, found {n}"),
            );
        }
        if let (Some(min), Some(max)) = (&l.min, &l.max)
            && min.get_ref() > max.get_ref()
        {
            self.error(
                max.span(),
                format!(
                    "`max` ({}) is smaller than `min` ({}); expected min <= max",
                    max.get_ref(),
                    min.get_ref()
                ),
            );
        }
        List {
            id,
            label: l.label,
            hint: l.hint,
            columns: l.columns.into_inner(),
            carry: l.carry,
            min: l.min.map(Spanned::into_inner),
            max: l.max.map(Spanned::into_inner),
        }
    }

    fn rating(&mut self, r: raw::Rating, ids: &mut Ids) -> Rating {
        let id = self.id(&r.id, Some(ids));
        let n = r.scale.get_ref().len();
        if !(2..=7).contains(&n) {
            self.error(
                r.scale.span(),
                format!("expected a `scale` of 2 to 7 steps, found {n}"),
            );
        }
        Rating {
            id,
            label: r.label,
            scale: r.scale.into_inner(),
            items: r.items,
        }
    }

    fn reminders(&mut self, raw: Vec<Spanned<raw::Reminder>>, total: u32) -> Vec<Reminder> {
        let mut out = Vec::new();
        for r in raw {
            let span = r.span();
            let r = r.into_inner();
            let at = match (r.minutes_before_end, r.minutes_after_start) {
                (Some(m), None) => Some((m, ReminderAt::MinutesBeforeEnd as fn(u32) -> _)),
                (None, Some(m)) => Some((m, ReminderAt::MinutesAfterStart as fn(u32) -> _)),
                (None, None) => {
                    self.error(
                        span,
                        "a reminder needs `minutes_before_end` or `minutes_after_start`",
                    );
                    None
                }
                (Some(_), Some(m)) => {
                    self.error(
                        m.span(),
                        "a reminder takes exactly one of `minutes_before_end` and \
                         `minutes_after_start`, not both",
                    );
                    None
                }
            };
            let Some((m, make)) = at else { continue };
            if *m.get_ref() > total {
                self.error(
                    m.span(),
                    format!(
                        "the reminder's moment lies outside the planned {total} minutes; \
                         expected at most {total}"
                    ),
                );
            }
            out.push(Reminder {
                at: make(m.into_inner()),
                text: r.text,
            });
        }
        out
    }
}

impl<'k> Ids<'k> {
    fn new(what: &'k str) -> Self {
        Ids {
            what,
            seen: HashMap::new(),
        }
    }
}

/// `[a-z0-9][a-z0-9-]*`
pub(crate) fn valid_id(id: &str) -> bool {
    let mut chars = id.chars();
    chars
        .next()
        .is_some_and(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}
