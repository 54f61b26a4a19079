//! The settings the app runs with: built once, by the command line, and
//! handed whole to the TUI, so that a later `config.toml` fills in one
//! value instead of reaching into the screens.
//!
//! Nothing here reads the terminal; the folder defaults come from
//! [`crate::paths`], the only user of the platform folders.

use std::path::PathBuf;

use chrono::TimeDelta;

use crate::i18n::{Lang, Texts};

/// Everything the app can be told how to behave.
#[derive(Debug, Clone, PartialEq)]
pub struct Settings {
    /// The language of the interface.
    pub lang: Lang,
    /// Colours on (off with `NO_COLOR`): without them, states are shown by
    /// text markers and bold or reversed text.
    pub colors: bool,
    /// Ring the terminal bell when a reminder appears.
    pub bell: bool,
    /// A session whose app stopped with the clock running (a crash, a
    /// closed window) at least this long before it is resumed: the app asks
    /// whether that time counts for the phase that was open. A shorter gap
    /// counts.
    pub ask_gap: TimeDelta,
    /// How long a reminder's banner stays on screen.
    pub banner: TimeDelta,
    /// The folder for a copy when the data folder cannot be written: `Ctrl-O`
    /// suggests it, and leaving writes a last-resort copy there (then in the
    /// temp folder).
    pub elsewhere: PathBuf,
    /// Where reports are written unless another folder is typed: the
    /// Documents folder, else home.
    pub export_dir: PathBuf,
}

impl Settings {
    /// The defaults for a language: colours on, no bell, the platform's
    /// Documents folder (else home, else the temp folder) for copies.
    pub fn new(lang: Lang) -> Settings {
        Settings {
            lang,
            colors: true,
            bell: false,
            ask_gap: TimeDelta::seconds(crate::session::RESUME_ASK_SECS),
            banner: TimeDelta::seconds(120),
            elsewhere: crate::paths::documents_dir().unwrap_or_else(std::env::temp_dir),
            export_dir: crate::paths::documents_dir().unwrap_or_else(std::env::temp_dir),
        }
    }

    /// The defaults, with colours as the environment asks (`NO_COLOR` set
    /// and not empty turns them off).
    pub fn from_env(lang: Lang) -> Settings {
        Settings {
            colors: std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()),
            ..Settings::new(lang)
        }
    }

    /// The interface's strings.
    pub fn texts(&self) -> &'static Texts {
        self.lang.texts()
    }

    /// Where a last-resort copy may go, in order: the copy folder, then
    /// the temp folder.
    pub fn fallback_dirs(&self) -> Vec<PathBuf> {
        let temp = std::env::temp_dir();
        if self.elsewhere == temp {
            vec![temp]
        } else {
            vec![self.elsewhere.clone(), temp]
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_last_resort_copy_tries_the_copy_folder_then_the_temp_folder() {
        let mut s = Settings::new(Lang::En);
        s.elsewhere = PathBuf::from("/media/usb");
        assert_eq!(
            s.fallback_dirs(),
            vec![PathBuf::from("/media/usb"), std::env::temp_dir()]
        );
        s.elsewhere = std::env::temp_dir();
        assert_eq!(s.fallback_dirs(), vec![std::env::temp_dir()]);
    }

    #[test]
    fn the_gap_asked_about_is_the_sessions_own() {
        assert_eq!(
            Settings::new(Lang::Nl).ask_gap,
            TimeDelta::seconds(crate::session::RESUME_ASK_SECS)
        );
    }
}
