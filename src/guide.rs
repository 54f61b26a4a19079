//! Guides: the validated, in-memory form of a guide file (format 1).
//!
//! A guide is either a [`Conversation`] (phases to walk through) or a
//! [`Trajectory`] (an ordered programme of conversations over weeks). The
//! types here are the clean model every other module uses; parsing and
//! validation with `FILE:LINE:COLUMN` errors live in [`crate::guide::parse`].
//! The same types are serialised into session files, so a session stays
//! readable when its guide changes or disappears.

pub mod parse;

use serde::{Deserialize, Serialize};

/// The only guide format version so far.
pub const FORMAT: u32 = 1;

/// A loaded guide: a conversation or a trajectory.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum Guide {
    /// Phases to walk through in one sitting.
    Conversation(Conversation),
    /// An ordered programme of conversations over weeks.
    Trajectory(Trajectory),
}

impl Guide {
    /// The guide's id.
    pub fn id(&self) -> &str {
        match self {
            Guide::Conversation(c) => &c.id,
            Guide::Trajectory(t) => &t.id,
        }
    }

    /// The guide's title.
    pub fn title(&self) -> &str {
        match self {
            Guide::Conversation(c) => &c.title,
            Guide::Trajectory(t) => &t.title,
        }
    }

    /// The guide's summary (may be empty).
    pub fn summary(&self) -> &str {
        match self {
            Guide::Conversation(c) => &c.summary,
            Guide::Trajectory(t) => &t.summary,
        }
    }

    /// The conversation, if this guide is one.
    pub fn as_conversation(&self) -> Option<&Conversation> {
        match self {
            Guide::Conversation(c) => Some(c),
            Guide::Trajectory(_) => None,
        }
    }

    /// The trajectory, if this guide is one.
    pub fn as_trajectory(&self) -> Option<&Trajectory> {
        match self {
            Guide::Conversation(_) => None,
            Guide::Trajectory(t) => Some(t),
        }
    }
}

/// A conversation guide: header form, preparation, phases and reminders.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Conversation {
    /// `[a-z0-9][a-z0-9-]*`, unique among loaded guides.
    pub id: String,
    pub title: String,
    #[serde(default)]
    pub subtitle: String,
    /// The guide's content language, default "nl".
    pub language: String,
    /// The planned total in minutes (the sum of phase minutes when not given).
    pub minutes: u32,
    /// Purpose, shown when choosing a guide.
    #[serde(default)]
    pub summary: String,
    /// Whom to invite.
    #[serde(default)]
    pub participants: Vec<String>,
    /// What to bring.
    #[serde(default)]
    pub materials: Vec<String>,
    /// Preparation checklist, ticked before the start.
    #[serde(default)]
    pub preparation: Vec<String>,
    /// The header form filled in at the start.
    #[serde(default)]
    pub fields: Vec<Field>,
    /// At least one phase, in order.
    pub phases: Vec<Phase>,
    #[serde(default)]
    pub reminders: Vec<Reminder>,
}

impl Conversation {
    /// The sum of the phase budgets in minutes (saturating: a hand-made
    /// guide with huge budgets cannot overflow it).
    pub fn phase_minutes(&self) -> u32 {
        self.phases
            .iter()
            .fold(0u32, |sum, p| sum.saturating_add(p.minutes))
    }

    /// The field that names the client, if any.
    pub fn client_field(&self) -> Option<&Field> {
        self.fields.iter().find(|f| f.client)
    }

    /// Index of the phase with this id.
    pub fn phase_index(&self, id: &str) -> Option<usize> {
        self.phases.iter().position(|p| p.id == id)
    }

    /// Every list of every phase, with the index of its phase.
    pub fn lists(&self) -> impl Iterator<Item = (usize, &List)> {
        self.phases
            .iter()
            .enumerate()
            .flat_map(|(i, p)| p.lists.iter().map(move |l| (i, l)))
    }

    /// The budget of each phase scaled so that they add up to `minutes`,
    /// in seconds (the guide may state a total that differs from the sum).
    pub fn scaled_budgets_secs(&self) -> Vec<i64> {
        let sum = i128::from(self.phase_minutes().max(1));
        let total = i128::from(self.minutes) * 60;
        self.phases
            .iter()
            .map(|p| i64::try_from(i128::from(p.minutes) * total / sum).unwrap_or(i64::MAX))
            .collect()
    }
}

/// The kind of a header field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum FieldKind {
    #[default]
    Text,
    Longtext,
    Date,
    Yesno,
    Choice,
    List,
}

/// One field of the header form.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Field {
    pub id: String,
    pub label: String,
    pub kind: FieldKind,
    #[serde(default)]
    pub required: bool,
    /// This field names the client; sessions with the same value are linked.
    #[serde(default)]
    pub client: bool,
    /// The choices of a `choice` field (empty otherwise).
    #[serde(default)]
    pub choices: Vec<String>,
    /// The default value; "today" for a date field means the current date.
    #[serde(default)]
    pub default: Option<String>,
}

impl Field {
    /// Whether this is the consultant's field: a text field, not the
    /// client's, with the id or label `begeleider`, `schoolbegeleider` or
    /// `consultant` (the settings' name starts it; a report names its
    /// value as the author).
    pub fn is_consultant(&self) -> bool {
        let named = |s: &str| {
            matches!(
                s.trim().to_lowercase().as_str(),
                "begeleider" | "schoolbegeleider" | "consultant"
            )
        };
        matches!(self.kind, FieldKind::Text)
            && !self.client
            && (named(&self.id) || named(&self.label))
    }
}

/// One phase of a conversation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Phase {
    pub id: String,
    pub title: String,
    /// The budget, 1..=600.
    pub minutes: u32,
    #[serde(default)]
    pub goal: String,
    #[serde(default)]
    pub guidance: String,
    /// Helper questions without a heading.
    #[serde(default)]
    pub questions: Vec<String>,
    /// Helper questions under headings.
    #[serde(default)]
    pub groups: Vec<QuestionGroup>,
    /// The phase may be skipped.
    #[serde(default)]
    pub optional: bool,
    /// The id of an earlier phase whose notes are shown beside this one.
    #[serde(default)]
    pub revisit: Option<String>,
    #[serde(default)]
    pub lists: Vec<List>,
    #[serde(default)]
    pub ratings: Vec<Rating>,
}

impl Phase {
    /// Every helper question of the phase with its group heading (None for
    /// the ungrouped ones, which come first), in display order.
    pub fn all_questions(&self) -> Vec<(Option<&str>, &str)> {
        let mut out: Vec<(Option<&str>, &str)> =
            self.questions.iter().map(|q| (None, q.as_str())).collect();
        for g in &self.groups {
            out.extend(
                g.questions
                    .iter()
                    .map(|q| (Some(g.title.as_str()), q.as_str())),
            );
        }
        out
    }
}

/// Helper questions under a heading.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuestionGroup {
    pub title: String,
    pub questions: Vec<String>,
}

/// A list of structured items captured in a phase (e.g. agreements).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct List {
    /// Unique within the whole guide.
    pub id: String,
    pub label: String,
    #[serde(default)]
    pub hint: String,
    /// 1..=6 column names; the first is the item's text.
    pub columns: Vec<String>,
    /// Open items are shown again in the next session with the same client.
    #[serde(default)]
    pub carry: bool,
    #[serde(default)]
    pub min: Option<u32>,
    #[serde(default)]
    pub max: Option<u32>,
}

impl List {
    /// Whether the list holds the agreements of the conversation (who does
    /// what and when): a list that carries whose id or label says so. The
    /// summary and the reports put these first.
    pub fn is_agreements(&self) -> bool {
        let says = |s: &str| {
            let s = s.to_lowercase();
            s.contains("afspra") || s.contains("agreement")
        };
        self.carry && (says(&self.id) || says(&self.label))
    }

    /// Where the list comes among a conversation's lists when they are
    /// gathered: the agreements, then the other lists that carry, then the
    /// rest (each in the guide's order).
    pub fn gathered_rank(&self) -> u8 {
        match (self.is_agreements(), self.carry) {
            (true, _) => 0,
            (false, true) => 1,
            (false, false) => 2,
        }
    }
}

/// A rating: each item is rated on a scale.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Rating {
    /// Unique within the whole guide.
    pub id: String,
    pub label: String,
    /// 2..=7 steps.
    pub scale: Vec<String>,
    pub items: Vec<String>,
}

/// When a reminder fires.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReminderAt {
    MinutesBeforeEnd(u32),
    MinutesAfterStart(u32),
}

impl ReminderAt {
    /// The moment as seconds of conversation time after the start, given
    /// the planned total in minutes.
    pub fn offset_secs(&self, total_minutes: u32) -> i64 {
        match *self {
            ReminderAt::MinutesBeforeEnd(m) => (total_minutes as i64 - m as i64) * 60,
            ReminderAt::MinutesAfterStart(m) => m as i64 * 60,
        }
    }
}

/// A banner (and optional bell) at a moment of the conversation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Reminder {
    pub at: ReminderAt,
    pub text: String,
}

/// A trajectory: an ordered programme of conversations over weeks.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Trajectory {
    pub id: String,
    pub title: String,
    #[serde(default)]
    pub subtitle: String,
    pub language: String,
    #[serde(default)]
    pub summary: String,
    pub steps: Vec<Step>,
}

/// One step of a trajectory.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Step {
    /// The id of a conversation guide.
    pub guide: String,
    /// The step's title (the guide's title when the file gives none).
    pub title: String,
    /// The 1-based week of the first occurrence (computed when not given:
    /// one week after the previous step).
    pub week: u32,
    #[serde(default)]
    pub optional: bool,
    /// How many times the step occurs (default 1).
    pub repeat: u32,
    /// Weeks between repeats.
    #[serde(default)]
    pub every_weeks: Option<u32>,
}
