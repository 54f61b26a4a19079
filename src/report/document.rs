//! The report as a document: what a session's report says, in the interface
//! language, as plain text in blocks. [`super::build`] makes one from a
//! session; the renderers (Markdown, plain text, Word) decide how it looks
//! and escape the text for their own format. Nothing here holds formatting
//! syntax, and no text holds control characters other than `\n` and `\t`.

use chrono::NaiveDate;

/// A whole report, top to bottom.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    /// The day of the conversation: the guide's first date field, else the
    /// day it started (the date in the title).
    pub date: NaiveDate,
    /// The guide's title, the client and the date, between ` · `
    /// ("Voortgangsgesprek · OBS De Vlinder · 1 december 2026").
    pub title: String,
    /// The guide's subtitle, when it has one.
    pub subtitle: Option<String>,
    /// Who led the conversation: the consultant's field as filled in
    /// (see `guide::Field::is_consultant`); the Word document's author.
    pub author: Option<String>,
    /// The header lines: the fields that are filled in, the date (when the
    /// guide has no date field), with timing the status and the time.
    pub fields: Vec<Field>,
    /// The body, in reading order.
    pub sections: Vec<Section>,
    /// With timing: the whole conversation's planned and actual time, as
    /// one line (for a format that shows no [`Times`] table).
    pub total: Option<Field>,
}

/// A label and its value (a header line, a rated item).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Field {
    /// What the value is.
    pub label: String,
    /// The value as written (it may hold line breaks).
    pub value: String,
}

/// One section of the body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Section {
    /// A list gathered from the whole conversation (one that carries, such
    /// as the agreements), or the items carried in from earlier
    /// conversations.
    Summary(Summary),
    /// Planned versus actual time per phase (with timing only).
    Times(Times),
    /// What was said in one phase.
    Phase(PhaseSection),
}

/// A section of lists: one list that carries (a single part without a
/// caption), or the items carried in (a part per list, under its label).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Summary {
    /// The section's heading.
    pub heading: String,
    /// The lists, in order.
    pub parts: Vec<Part>,
}

/// The time table: one row per phase, then the total.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Times {
    /// The section's heading.
    pub heading: String,
    /// Phase, planned and actual time; its rows are the phases.
    pub table: Table,
    /// The last row: the totals (its first cell names it).
    pub total: Vec<String>,
}

/// One phase of the conversation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PhaseSection {
    /// The phase's number and title.
    pub heading: String,
    /// When the phase was skipped: the word that says so ("overgeslagen").
    pub skipped: Option<String>,
    /// With timing, when the phase was not skipped: its planned and actual
    /// time (a small line).
    pub time: Option<String>,
    /// The notes, when there are any: line breaks kept (as `\n`), trimmed.
    pub notes: Option<String>,
    /// Lists, ratings, questions asked and private notes, in that order.
    pub parts: Vec<Part>,
}

/// A block under a caption.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Part {
    /// The caption (a list's or a rating's label); none for the single
    /// part of a list's own section, and for carried items whose list had
    /// no label.
    pub caption: Option<String>,
    /// What stands under it.
    pub block: Block,
}

/// The content of a part.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    /// Rows of values under column names.
    Table(Table),
    /// Rows of values under column names, each done or not.
    Checklist(Checklist),
    /// Labels with their value under two column names (a rating).
    Pairs(Pairs),
    /// Lines of text (the questions asked).
    Bullets(Vec<String>),
    /// Text with its line breaks kept (as `\n`), trimmed.
    Text(String),
    /// The consultant's private notes (not for the school): text like
    /// [`Block::Text`].
    Private(String),
}

/// A table: a head and rows of values as written. A row may hold fewer or
/// more values than the head has columns.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    /// The column names.
    pub head: Vec<String>,
    /// The rows.
    pub rows: Vec<Vec<String>>,
}

/// Items that are done or not, with the words that say so.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Checklist {
    /// The column names of the values.
    pub head: Vec<String>,
    /// The name of a column that says whether an item is done.
    pub done_column: String,
    /// The word for done.
    pub yes: String,
    /// The word for not done.
    pub no: String,
    /// The items.
    pub items: Vec<Check>,
}

/// One item of a [`Checklist`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Check {
    /// Whether it is done.
    pub done: bool,
    /// Its values as written.
    pub values: Vec<String>,
}

/// Two columns: a label and its value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pairs {
    /// The name of the label column.
    pub label_column: String,
    /// The name of the value column.
    pub value_column: String,
    /// The rows.
    pub rows: Vec<Field>,
}
