//! Reports: what a consultant sends to the school after a conversation, as
//! a Word document or Markdown (`leidraad export`, the app's export), and
//! the same content as plain text (`leidraad show`, the read-only view).
//! Every heading and label comes from the [`Texts`] table, so a report
//! follows the interface language; the content (notes, items, the guide's
//! own titles) stays as written.
//!
//! One document, several renderers, and the session is walked once:
//! - the document (`report/document.rs`): a [`Document`] of sections and
//!   blocks, plain text in the interface language with no formatting
//!   syntax. A private note is its own block kind
//!   ([`document::Block::Private`]) and a skipped phase carries a flag
//!   ([`document::PhaseSection::skipped`]), so a viewer can mark or hide
//!   them;
//! - the builder, [`build`] (`report/build.rs`, `report/build/*.rs`): it
//!   alone reads the session and decides, by the [`ReportOptions`], what
//!   goes in and in which order;
//! - the renderers: [`Document::markdown`] (`report/markdown.rs`, every
//!   text escaped so that a CommonMark renderer shows it literally),
//!   [`Document::plain`] (`report/plain.rs`) and [`Document::docx`]
//!   (`report/docx.rs`, a Word document). None reads the session.
//!
//! What is in a report ([`ReportOptions`]):
//! - always: the title (guide · client · date, the date written out in the
//!   interface language: "Voortgangsgesprek · OBS De Vlinder · 1 december
//!   2026"), the guide's subtitle, the header fields that are filled in
//!   (long texts with their line breaks, dates written out), the items of
//!   the lists that carry (agreements and the like), each list under its
//!   own label, the items carried in from earlier conversations with
//!   whether they are done, then per phase what was said in it: notes,
//!   its other lists as tables, ratings as tables with the chosen step.
//!   A phase with nothing in it is left out; a skipped phase is named as
//!   skipped in one line;
//! - with `timing`: status and time in the header, planned versus actual
//!   minutes per phase (a table, and a line under every phase), the total;
//! - with `questions`: the questions marked asked, per phase;
//! - with `private` [`PrivateNotes::Include`]: the private notes, per phase;
//! - with `all_phases`: every phase, also the empty ones (the app's viewer).
//!
//! [`ReportOptions::school`] is what goes to the school (the default of
//! `leidraad export`); [`ReportOptions::complete`] is everything (the
//! viewer, `leidraad show --private`).
//!
//! Writing one to a file is [`write`] (`report/write.rs`): the app and
//! `leidraad export -o` share it. The file is 0600 whatever the umask,
//! written to a temporary file in the same folder and then renamed into
//! place (a symlink at the target is replaced, never followed), and never
//! over an existing file unless asked; its errors say in one line, in the
//! interface language, what went wrong ([`WriteError::message`]).
//!
//! ```no_run
//! use leidraad::i18n::NL;
//! use leidraad::report::{self, Format, ReportOptions, Target};
//! # fn demo(session: &leidraad::session::Session) {
//! // The app's export dialog: a Word report into the Documents folder.
//! let options = ReportOptions { timing: true, ..ReportOptions::school() };
//! let target = Target::Folder("/home/anna/Documenten".into());
//! match report::write(session, &NL, &options, Format::Docx, &target) {
//!     Ok(path) => println!("Verslag bewaard: {}", path.display()),
//!     Err(e) => println!("{}", e.message(&NL)),
//! }
//! // The viewer: everything, rendered from the document.
//! let doc = report::build(session, &NL, &ReportOptions::complete());
//! let text = doc.plain();
//! # let _ = text;
//! # }
//! ```

use crate::i18n::Texts;
use crate::session::Session;

mod build;
#[cfg(test)]
mod build_tests;
#[cfg(test)]
mod commonmark_tests;
pub mod document;
mod docx;
#[cfg(test)]
mod docx_tests;
mod markdown;
mod plain;
#[cfg(test)]
mod render_tests;
mod write;
#[cfg(test)]
mod write_tests;

pub use build::{build, is_unsafe};
pub use document::Document;
pub use docx::DocxError;
pub use write::{Target, WriteError, file_name, write};

/// Whether a report shows the consultant's private notes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PrivateNotes {
    /// Leave them out (a report for the school).
    Omit,
    /// Show them (for the consultant's own eyes).
    Include,
}

/// What goes into a report besides what was said (see the module comment).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReportOptions {
    /// Status and time in the header, planned versus actual minutes per
    /// phase, the total.
    pub timing: bool,
    /// The questions marked asked, per phase.
    pub questions: bool,
    /// The private notes, per phase.
    pub private: PrivateNotes,
    /// Every phase, also those with nothing in them.
    pub all_phases: bool,
}

impl ReportOptions {
    /// The report that goes to the school: what was said, nothing more.
    pub fn school() -> ReportOptions {
        ReportOptions {
            timing: false,
            questions: false,
            private: PrivateNotes::Omit,
            all_phases: false,
        }
    }

    /// Everything, private notes included (the app's viewer).
    pub fn complete() -> ReportOptions {
        ReportOptions {
            timing: true,
            questions: true,
            private: PrivateNotes::Include,
            all_phases: true,
        }
    }
}

impl Default for ReportOptions {
    /// [`ReportOptions::school`].
    fn default() -> ReportOptions {
        ReportOptions::school()
    }
}

/// The file formats a report is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// A Word document (.docx).
    Docx,
    /// Markdown (.md).
    Markdown,
}

impl Format {
    /// The file name extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Docx => "docx",
            Format::Markdown => "md",
        }
    }
}

/// The session as a Markdown report with these options.
pub fn markdown(session: &Session, texts: &Texts, options: &ReportOptions) -> String {
    build(session, texts, options).markdown()
}

/// The session as plain text, complete (`leidraad show`, the read-only
/// view): everything, the private notes only with
/// [`PrivateNotes::Include`]. Other options: [`build`], then
/// [`Document::plain`].
pub fn plain(session: &Session, texts: &Texts, private: PrivateNotes) -> String {
    let options = ReportOptions {
        private,
        ..ReportOptions::complete()
    };
    build(session, texts, &options).plain()
}

#[cfg(test)]
mod tests;
