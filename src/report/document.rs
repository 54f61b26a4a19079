//! The report as a document: what a session's report says, in the interface
//! language, as plain text in blocks. [`super::build`] makes one from a
//! session; the renderers (Markdown, plain text) decide how it looks and
//! escape the text for their own format. Nothing here holds formatting
//! syntax.

/// A whole report, top to bottom.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    /// The guide's title.
    pub title: String,
    /// The guide's subtitle, when it has one.
    pub subtitle: Option<String>,
    /// The header lines: fields, date, status and time.
    pub fields: Vec<Field>,
    /// The body, in reading order.
    pub sections: Vec<Section>,
    /// The whole conversation's planned and actual time, as one line (for a
    /// format that shows no [`Times`] table).
    pub total: Field,
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
    /// Lists gathered from the whole conversation: the agreements, the
    /// agreements carried in from earlier conversations.
    Summary(Summary),
    /// Planned versus actual time per phase.
    Times(Times),
    /// What was said in one phase.
    Phase(PhaseSection),
}

/// A section of lists, each under its own caption.
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
    /// Its planned and actual time, or that it was skipped (a small line).
    pub time: String,
    /// The notes, when there are any: line breaks kept (as `\n`), trimmed.
    pub notes: Option<String>,
    /// Lists, ratings, questions asked and private notes, in that order.
    pub parts: Vec<Part>,
}

/// A block under a caption.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Part {
    /// The caption; none for carried items whose list had no label.
    pub caption: Option<Caption>,
    /// What stands under it.
    pub block: Block,
}

/// The caption of a part.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Caption {
    /// The label as written.
    pub label: String,
    /// The phase the list belongs to, when the part stands outside it (the
    /// agreements).
    pub phase: Option<String>,
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
