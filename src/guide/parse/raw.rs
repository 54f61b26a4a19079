//! The raw, serde-shaped form of a guide file: every key as written, with
//! spans where our own checks need to point at a value.

use serde::Deserialize;
use serde::de::IgnoredAny;
use toml::Spanned;

/// The keys read before anything else: they decide how the rest is read.
#[derive(Debug, Deserialize)]
pub(super) struct Head {
    pub format: Option<Spanned<toml::Value>>,
    pub kind: Option<Spanned<toml::Value>>,
}

/// A conversation guide as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct Conversation {
    #[allow(dead_code)]
    pub format: IgnoredAny,
    #[allow(dead_code)]
    pub kind: Option<IgnoredAny>,
    pub id: Spanned<String>,
    pub title: String,
    #[serde(default)]
    pub subtitle: String,
    pub language: Option<String>,
    pub minutes: Option<Spanned<u32>>,
    #[serde(default)]
    pub summary: String,
    #[serde(default)]
    pub participants: Vec<String>,
    #[serde(default)]
    pub materials: Vec<String>,
    #[serde(default)]
    pub preparation: Vec<String>,
    #[serde(default)]
    pub fields: Vec<Spanned<Field>>,
    pub phases: Spanned<Vec<Spanned<Phase>>>,
    #[serde(default)]
    pub reminders: Vec<Spanned<Reminder>>,
}

/// One `[[fields]]` table.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct Field {
    pub id: Spanned<String>,
    pub label: String,
    pub kind: Option<Spanned<String>>,
    #[serde(default)]
    pub required: bool,
    pub client: Option<Spanned<bool>>,
    pub choices: Option<Spanned<Vec<String>>>,
    pub default: Option<Spanned<String>>,
}

/// One `[[phases]]` table.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct Phase {
    pub id: Spanned<String>,
    pub title: String,
    pub minutes: Spanned<u32>,
    #[serde(default)]
    pub goal: String,
    #[serde(default)]
    pub guidance: String,
    #[serde(default)]
    pub questions: Vec<String>,
    #[serde(default)]
    pub optional: bool,
    pub revisit: Option<Spanned<String>>,
    #[serde(default)]
    pub groups: Vec<Group>,
    #[serde(default)]
    pub lists: Vec<Spanned<List>>,
    #[serde(default)]
    pub ratings: Vec<Spanned<Rating>>,
}

/// One `[[phases.groups]]` table.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct Group {
    pub title: String,
    pub questions: Vec<String>,
}

/// One `[[phases.lists]]` table.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct List {
    pub id: Spanned<String>,
    pub label: String,
    #[serde(default)]
    pub hint: String,
    pub columns: Spanned<Vec<String>>,
    #[serde(default)]
    pub carry: bool,
    pub min: Option<Spanned<u32>>,
    pub max: Option<Spanned<u32>>,
}

/// One `[[phases.ratings]]` table.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct Rating {
    pub id: Spanned<String>,
    pub label: String,
    pub scale: Spanned<Vec<String>>,
    pub items: Vec<String>,
}

/// One `[[reminders]]` table.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct Reminder {
    pub minutes_before_end: Option<Spanned<u32>>,
    pub minutes_after_start: Option<Spanned<u32>>,
    pub text: String,
}

/// A trajectory guide as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct Trajectory {
    #[allow(dead_code)]
    pub format: IgnoredAny,
    #[allow(dead_code)]
    pub kind: IgnoredAny,
    pub id: Spanned<String>,
    pub title: String,
    #[serde(default)]
    pub subtitle: String,
    pub language: Option<String>,
    #[serde(default)]
    pub summary: String,
    pub steps: Spanned<Vec<Spanned<Step>>>,
}

/// One `[[steps]]` table.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct Step {
    pub guide: Spanned<String>,
    pub title: Option<String>,
    pub week: Option<Spanned<u32>>,
    #[serde(default)]
    pub optional: bool,
    pub repeat: Option<Spanned<u32>>,
    pub every_weeks: Option<Spanned<u32>>,
}
