//! `leidraad sessions` lists the emergency copies too (issue 15 point 5):
//! on stderr, below the table, so the table on stdout stays as it was.

use std::io::Write;

use crate::i18n::Texts;
use crate::store::CopyLog;

/// Print the recorded emergency copies that still exist, if any.
pub fn print_copies(t: &Texts) {
    let Some(log) = CopyLog::default_location() else {
        return;
    };
    let copies = log.copies();
    if copies.is_empty() {
        return;
    }
    let mut err = std::io::stderr().lock();
    let _ = writeln!(err, "{}", t.cli.copies_heading);
    for c in copies {
        let session = c
            .session
            .as_deref()
            .map(crate::store::file_name)
            .unwrap_or_default();
        let line = (t.cli.copy_line)(
            &c.copy.display().to_string(),
            &session,
            &c.written.format("%Y-%m-%d %H:%M").to_string(),
        );
        let _ = writeln!(err, "{line}");
    }
}
