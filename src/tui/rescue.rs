//! After a panic: a rescue copy of the open session beside its file, the
//! terminal restored, and a word on where the copy is.
//!
//! The hook writes the snapshot last handed to the saver (it may run on
//! any thread and must never panic again); when the panic came from the
//! event loop's turns, [`rescue_model`] then writes what the model holds,
//! which includes what was typed since that snapshot.

use std::io::Write;
use std::panic::AssertUnwindSafe;
use std::sync::atomic::{AtomicBool, Ordering};

use ratatui::crossterm::cursor::Show;
use ratatui::crossterm::event::DisableBracketedPaste;
use ratatui::crossterm::execute;

use super::app::{App, Effect};
use super::runtime::{Rescue, Runtime};
use crate::i18n::Texts;
use crate::session::Timestamp;
use crate::store::SessionStore;

/// Whether the rescue message has been printed (by the hook, or after the
/// loop wrote a newer copy).
static RESCUE_REPORTED: AtomicBool = AtomicBool::new(false);

/// On a panic: first write the newest snapshot as a rescue copy beside the
/// session, then restore the terminal, then say what happened and where
/// the copy is. Nothing here may panic again (stderr may be gone).
pub fn install_hook(store: SessionStore, rescue: Rescue, texts: &'static Texts) {
    let previous = std::panic::take_hook();
    let ui = std::thread::current().id();
    std::panic::set_hook(Box::new(move |info| {
        let written = rescue.try_lock().ok().and_then(|slot| {
            let (path, session) = slot.as_ref()?;
            let text = crate::store::session_text(session).ok()?;
            store.write_rescue(path, &text)
        });
        // On another thread (the saver or a worker, which catch it) the
        // app goes on: the terminal stays as it is and nothing is printed
        // over the screen.
        if std::thread::current().id() != ui {
            return;
        }
        let _ = execute!(std::io::stdout(), DisableBracketedPaste, Show);
        let _ = ratatui::try_restore();
        previous(info);
        if let Some(written) = written {
            report(texts, &written);
        }
    }));
}

/// Say once where the rescue copy is.
fn report(texts: &Texts, written: &std::path::Path) {
    if !RESCUE_REPORTED.swap(true, Ordering::SeqCst) {
        let _ = writeln!(
            std::io::stderr(),
            "{}",
            (texts.shell.exit_rescued)(&written.display().to_string())
        );
    }
}

/// After a panic in the loop: write what the model holds now (also what
/// was typed since the last save) as the rescue copy, over the one the
/// hook wrote from the last snapshot. Nothing here may panic again.
pub fn rescue_model(app: &mut App, rt: &Runtime, now: Timestamp) {
    let Some(path) = rt.path.clone() else {
        return;
    };
    let newest = std::panic::catch_unwind(AssertUnwindSafe(|| {
        // The notes editors hand their text to the session only now and
        // then (as Ctrl-C does): take it first.
        if let Some(conv) = app.screen.conv_mut() {
            conv.sync_editor();
        }
        let mut session = app.save_now().into_iter().find_map(|e| match e {
            Effect::Save(session) | Effect::Create(session) => Some(*session),
            _ => None,
        })?;
        session.mark_saved(now);
        let text = crate::store::session_text(&session).ok()?;
        Some((session, text))
    }));
    let Ok(Some((session, text))) = newest else {
        return;
    };
    let Some(written) = rt.store.write_rescue(&path, &text) else {
        return;
    };
    // A later panic (while unwinding) writes this one again, not an older one.
    if let Ok(mut slot) = rt.rescue.try_lock() {
        *slot = Some((path, session));
    }
    report(app.texts(), &written);
}

/// Record an emergency copy written on the way out (best effort, in the
/// config folder's `copies.toml`): the next start and `leidraad sessions`
/// say where it is, since its message may have gone to a terminal that is
/// gone.
pub fn record_copy(copy: &std::path::Path, session: Option<&std::path::Path>) {
    if let Some(log) = crate::store::CopyLog::default_location() {
        let _ = log.record(copy, session, chrono::Local::now().fixed_offset());
    }
}

/// At the start: say where the emergency copies are, if any.
pub fn say_copies(app: &mut App) {
    let Some(log) = crate::store::CopyLog::default_location() else {
        return;
    };
    let copies = log.copies();
    let Some(newest) = copies.last() else {
        return;
    };
    let text = (app.texts().shell.copies_waiting)(&newest.copy.display().to_string(), copies.len());
    app.say(text, super::app::Severity::Warning);
}

/// Once, after a save found that this file system does not fsync folders
/// (the save counted as done): say so, since a power cut right after a
/// save might undo it. True when it said so.
pub fn note_folder_sync(app: &mut App, store: &SessionStore) -> bool {
    let noted = store.take_folder_sync_note();
    if noted {
        let text = app.texts().shell.folder_sync_note;
        app.say(text, super::app::Severity::Info);
    }
    noted
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;
    use crate::i18n::Lang;
    use crate::session::fixture::{at, guide};
    use crate::settings::Settings;
    use crate::store::{FaultyFs, SaveStep, Times};

    #[test]
    fn a_folder_fsync_the_file_system_refuses_is_noted_once() {
        let dir = tempfile::TempDir::new().unwrap();
        let fs = Arc::new(FaultyFs::new());
        let store = SessionStore::open_with(dir.path(), fs.clone()).unwrap();
        fs.fail(SaveStep::SyncFolder, Times::Always, libc::EINVAL);
        let mut app = App::new(Settings::new(Lang::Nl), Vec::new(), 0);
        note_folder_sync(&mut app, &store);
        assert_eq!(app.shell.status, None, "nothing to say before a save");
        let s = crate::session::Session::new(&guide(), at(0));
        let path = store.path_for_new(&s);
        store.save(&path, &s).unwrap();
        store.save(&path, &s).unwrap();
        note_folder_sync(&mut app, &store);
        let said = app.shell.status.take().map(|(text, _)| text);
        assert!(
            said.as_deref()
                .is_some_and(|t| t.starts_with("Bewaard.") && t.contains("map")),
            "{said:?}"
        );
        store.save(&path, &s).unwrap();
        note_folder_sync(&mut app, &store);
        assert_eq!(app.shell.status, None, "said once");
    }
}
