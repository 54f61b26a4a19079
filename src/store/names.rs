//! File names: sessions a person can find in a file manager, and the hidden
//! companions of a session (`.~` prefix, which sync clients ignore).
//!
//! For a session `2026-11-23_0905_voortgangsgesprek_de-regenboog.toml`:
//! - `.~2026-11-23_0905_voortgangsgesprek_de-regenboog.toml.tmp`: a save in progress
//! - `.~2026-11-23_0905_voortgangsgesprek_de-regenboog.toml.lock`: the lock
//! - `.~2026-11-23_0905_voortgangsgesprek_de-regenboog.toml.rescue`: written by the panic hook

use std::path::{Path, PathBuf};

use crate::session::Session;
use crate::slug::slug;

/// The longest client part of a file name, in bytes (ASCII).
const CLIENT_MAX: usize = 40;

/// The file name for a new session: `<created>_<guide id>_<client>.toml`,
/// e.g. `2026-11-23_0905_voortgangsgesprek_de-regenboog.toml`; without a
/// client the last part is left out.
pub fn session_file_name(session: &Session) -> String {
    format!("{}.toml", session_stem(session))
}

/// The file name without `.toml`.
pub(crate) fn session_stem(session: &Session) -> String {
    // When the conversation started; a session still in preparation is
    // named by when that began (renamed at the start, see `tui::create`).
    let mut stem = session
        .started
        .unwrap_or(session.created)
        .format("%Y-%m-%d_%H%M")
        .to_string();
    let guide = slug(&session.guide.id, CLIENT_MAX);
    if !guide.is_empty() {
        stem.push('_');
        stem.push_str(&guide);
    }
    let client = slug(&session.client, CLIENT_MAX);
    if !client.is_empty() {
        stem.push('_');
        stem.push_str(&client);
    }
    stem
}

/// Whether `name` is a session file name: `*.toml`, not hidden.
pub fn is_session_name(name: &str) -> bool {
    name.ends_with(".toml") && !name.starts_with('.') && name.len() > ".toml".len()
}

/// The folder a file lives in (`.` for a bare name).
pub(crate) fn parent_dir(path: &Path) -> PathBuf {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// `.~<name><suffix>` beside `session`.
fn companion(session: &Path, suffix: &str) -> PathBuf {
    let name = session
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    parent_dir(session).join(format!(".~{name}{suffix}"))
}

/// The temporary file of a save in progress: `.~<name>.tmp`.
pub fn temp_path(session: &Path) -> PathBuf {
    companion(session, ".tmp")
}

/// The lock file: `.~<name>.lock`.
pub fn lock_path(session: &Path) -> PathBuf {
    companion(session, ".lock")
}

/// The rescue copy written by the panic hook: `.~<name>.rescue`.
pub fn rescue_path(session: &Path) -> PathBuf {
    companion(session, ".rescue")
}

/// For a companion file name (`.~<name>.<kind>`), the session name and kind.
pub(crate) fn split_companion(name: &str) -> Option<(&str, &str)> {
    let rest = name.strip_prefix(".~")?;
    let dot = rest.rfind('.')?;
    let (session, kind) = (&rest[..dot], &rest[dot + 1..]);
    is_session_name(session).then_some((session, kind))
}

/// The created stamp at the start of a session file name, if it has one:
/// `2026-11-23_0905`.
pub(crate) fn name_stamp(name: &str) -> Option<&str> {
    let stamp = name.get(..15)?;
    let ok = stamp.bytes().enumerate().all(|(i, b)| match i {
        4 | 7 => b == b'-',
        10 => b == b'_',
        _ => b.is_ascii_digit(),
    });
    ok.then_some(stamp)
}

/// `<stem>.toml`, or `<stem>-2.toml`, `<stem>-3.toml`… whichever is free
/// (`taken` says whether a name is in use).
/// Whether `name` is what [`first_free`] gives `session`: its stem, with
/// or without a `-N` to tell it from a taken name. A session in
/// preparation gets a new name when this no longer holds (the conversation
/// started later, the client was typed).
pub fn is_named_for(name: &str, session: &Session) -> bool {
    let stem = session_stem(session);
    let Some(rest) = name
        .strip_suffix(".toml")
        .and_then(|n| n.strip_prefix(&stem))
    else {
        return false;
    };
    rest.is_empty()
        || rest
            .strip_prefix('-')
            .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

pub(crate) fn first_free(stem: &str, taken: impl Fn(&str) -> bool) -> String {
    let first = format!("{stem}.toml");
    if !taken(&first) {
        return first;
    }
    (2u32..)
        .map(|n| format!("{stem}-{n}.toml"))
        .find(|name| !taken(name))
        .unwrap_or(first)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slug_folds_dutch_names() {
        assert_eq!(slug("De Regenboog", 40), "de-regenboog");
        assert_eq!(
            slug("  Basisschool 't Ĳsselhof!  ", 40),
            "basisschool-t-ijsselhof"
        );
        assert_eq!(slug("Cbs Één & Twee", 40), "cbs-een-twee");
        assert_eq!(slug("Zoë (e\u{0308})", 40), "zoe-e");
        assert_eq!(slug("😀😀", 40), "");
        assert_eq!(slug("a".repeat(100).as_str(), 40).len(), 40);
        assert!(!slug("abcdefghij abcdefghij abcdefghij abcdefghij", 40).ends_with('-'));
    }

    #[test]
    fn companions_are_hidden_and_found_back() {
        let p = Path::new("/d/2026-11-23_0905_g.toml");
        assert_eq!(lock_path(p), Path::new("/d/.~2026-11-23_0905_g.toml.lock"));
        assert_eq!(
            split_companion(".~2026-11-23_0905_g.toml.rescue"),
            Some(("2026-11-23_0905_g.toml", "rescue"))
        );
        assert_eq!(split_companion(".~x.tmp"), None);
        assert_eq!(
            name_stamp("2026-11-23_0905_g.toml"),
            Some("2026-11-23_0905")
        );
        assert_eq!(name_stamp("notes.toml"), None);
    }

    #[test]
    fn first_free_counts_up() {
        let taken = ["a.toml", "a-2.toml"];
        assert_eq!(first_free("a", |n| taken.contains(&n)), "a-3.toml");
        assert_eq!(first_free("b", |n| taken.contains(&n)), "b.toml");
    }

    #[test]
    fn a_name_fits_its_session_only_with_the_same_stem() {
        use crate::session::fixture::{at, guide};
        let mut session = Session::new(&guide(), at(0));
        session.client = "De Linde".into();
        let stem = session_stem(&session);
        assert!(is_named_for(&format!("{stem}.toml"), &session));
        assert!(is_named_for(&format!("{stem}-2.toml"), &session));
        // A longer client that starts the same is another name.
        assert!(!is_named_for(&format!("{stem}-school.toml"), &session));
        assert!(!is_named_for(&format!("{stem}-.toml"), &session));
        // The conversation started later than the preparation began.
        session.start(at(90));
        assert!(!is_named_for(&format!("{stem}.toml"), &session));
    }
}
