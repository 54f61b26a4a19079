//! The settings the app runs with: built once, by the command line, and
//! handed whole to the TUI, so that a later `config.toml` fills in one
//! value instead of reaching into the screens.
//!
//! Nothing here reads the terminal; the folder defaults come from
//! [`crate::paths`], the only user of the platform folders.

use std::path::PathBuf;

use chrono::TimeDelta;

use crate::guide::Field;
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
    /// Where reports are written unless another folder is typed:
    /// `export_dir` from the settings, else the Documents folder, else home.
    pub export_dir: PathBuf,
    /// The consultant's own name (`consultant` in `config.toml`): what a
    /// guide's consultant field starts with (see [`Settings::prefill`]).
    pub consultant: Option<String>,
    /// What could not be used of the settings (a broken `config.toml`), as
    /// lines in the interface language (`config.toml:3:8: …`): the app runs
    /// with the defaults for those and says so on the home screen.
    pub warnings: Vec<String>,
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
            consultant: None,
            warnings: Vec::new(),
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

    /// What a header field of a guide starts with from the settings: the
    /// consultant's name in the consultant's field (id `begeleider`,
    /// `schoolbegeleider` or `consultant`, or labelled so), else nothing.
    pub fn prefill(&self, field: &Field) -> Option<&str> {
        let name = self.consultant.as_deref()?;
        field.is_consultant().then_some(name)
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
    use crate::guide::FieldKind;

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
    fn the_consultants_name_fills_the_consultants_field_only() {
        let field = |id: &str, label: &str, kind: FieldKind| Field {
            id: id.to_string(),
            label: label.to_string(),
            kind,
            required: false,
            client: false,
            choices: Vec::new(),
            default: None,
        };
        let mut s = Settings::new(Lang::Nl);
        let begeleider = field("begeleider", "Begeleider", FieldKind::Text);
        assert_eq!(s.prefill(&begeleider), None);
        s.consultant = Some("Anna de Vries".to_string());
        assert_eq!(s.prefill(&begeleider), Some("Anna de Vries"));
        let school = field("schoolbegeleider", "Schoolbegeleider", FieldKind::Text);
        assert_eq!(s.prefill(&school), Some("Anna de Vries"));
        assert_eq!(
            s.prefill(&field("wie", "Begeleider", FieldKind::Text)),
            Some("Anna de Vries")
        );
        assert_eq!(s.prefill(&field("school", "School", FieldKind::Text)), None);
        assert_eq!(
            s.prefill(&field("begeleider", "Begeleider", FieldKind::List)),
            None
        );
    }

    #[test]
    fn every_bundled_consultant_field_is_filled() {
        let mut s = Settings::new(Lang::Nl);
        s.consultant = Some("Anna".to_string());
        let catalog = crate::catalog::Catalog::load(&[]);
        for g in &catalog.guides {
            let Some(c) = g.guide.as_conversation() else {
                continue;
            };
            for f in &c.fields {
                let named = f.label.to_lowercase().contains("begeleider");
                assert_eq!(s.prefill(f).is_some(), named, "{} {}", c.id, f.id);
            }
        }
    }

    #[test]
    fn the_gap_asked_about_is_the_sessions_own() {
        assert_eq!(
            Settings::new(Lang::Nl).ask_gap,
            TimeDelta::seconds(crate::session::RESUME_ASK_SECS)
        );
    }
}
