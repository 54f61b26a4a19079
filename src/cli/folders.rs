//! The folders named on the command line, looked at before a command runs
//! (issue 15 point 7): a `--guides-dir` that is missing or a file, and a
//! data folder named with `--data-dir` that is
//! missing when the command only reads it (`sessions`, `show`, `export`,
//! `delete`), get a clear message; nothing is created.

use std::path::Path;

use super::{Cli, Command};
use crate::config::Origin;
use crate::i18n::Texts;

/// The message for the first folder that is wrong, if any.
pub fn refuse(cli: &Cli, t: &Texts) -> Option<String> {
    for dir in &cli.guides_dir {
        if let Some(why) = not_a_folder(dir) {
            let name = dir.display().to_string();
            return Some(match why {
                Missing::Absent => (t.cli.guides_dir_missing)(&name),
                Missing::File => (t.cli.guides_dir_not_folder)(&name),
            });
        }
    }
    let reads_only = matches!(
        cli.command,
        Some(
            Command::Sessions { .. }
                | Command::Show { .. }
                | Command::Export { .. }
                | Command::Delete { .. }
        )
    );
    let setting = cli.config.data_dir.as_ref()?;
    let dir = &setting.value;
    let named = matches!(setting.origin, Origin::Flag(_));
    let name = dir.display().to_string();
    match not_a_folder(dir)? {
        Missing::Absent if named && reads_only => Some((t.cli.data_dir_missing)(&name)),
        Missing::Absent => None,
        Missing::File => Some((t.cli.data_dir_not_folder)(&name)),
    }
}

/// What is wrong with a folder.
enum Missing {
    Absent,
    File,
}

fn not_a_folder(dir: &Path) -> Option<Missing> {
    match std::fs::metadata(dir) {
        Ok(m) if m.is_dir() => None,
        Ok(_) => Some(Missing::File),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Some(Missing::Absent),
        // Unreadable for another reason: the command itself says why.
        Err(_) => None,
    }
}
