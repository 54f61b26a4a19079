//! Where leidraad's files live. The only user of `directories`.
//!
//! The data folder's precedence (`--data-dir`, then `LEIDRAAD_DATA_DIR`,
//! then `data_dir` in `config.toml`, then [`default_data_dir`]) is
//! [`crate::config::resolve`]'s, with every other setting's.
//! Guides: the bundled ones, then the config folder's `guides/`, then every
//! `--guides-dir` / `LEIDRAAD_GUIDES_DIR` folder (later ones win on equal id).

use std::path::PathBuf;

use directories::ProjectDirs;

/// The platform folders for "leidraad", if the platform has a home folder.
fn project_dirs() -> Option<ProjectDirs> {
    ProjectDirs::from("", "", "leidraad")
}

/// The platform's default data folder (local, never a roaming profile).
pub fn default_data_dir() -> Option<PathBuf> {
    project_dirs().map(|d| d.data_local_dir().to_path_buf())
}

/// The config folder (holds `config.toml` and `guides/`).
pub fn config_dir() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os("LEIDRAAD_CONFIG_DIR") {
        return Some(PathBuf::from(dir));
    }
    project_dirs().map(|d| d.config_dir().to_path_buf())
}

/// The user guide folders in load order: the config folder's `guides/`,
/// then `LEIDRAAD_GUIDES_DIR` (colon-separated), then each `--guides-dir`.
pub fn guide_dirs(flags: &[PathBuf]) -> Vec<PathBuf> {
    let mut dirs = Vec::new();
    if let Some(cfg) = config_dir() {
        dirs.push(cfg.join("guides"));
    }
    if let Some(env) = std::env::var_os("LEIDRAAD_GUIDES_DIR") {
        dirs.extend(std::env::split_paths(&env).filter(|p| !p.as_os_str().is_empty()));
    }
    dirs.extend(flags.iter().cloned());
    dirs
}

/// The user's home folder (for `~/` in `config.toml`).
pub fn home_dir() -> Option<PathBuf> {
    directories::BaseDirs::new().map(|d| d.home_dir().to_path_buf())
}

/// The user's Documents folder, else the home folder: where copies and
/// reports go when nothing else is said.
pub fn documents_dir() -> Option<PathBuf> {
    directories::UserDirs::new().map(|d| d.document_dir().unwrap_or(d.home_dir()).to_path_buf())
}

/// Where the app keeps the history index of the data folder `data`: one
/// file per data folder in the platform's cache folder
/// (`~/.cache/leidraad/index-<hash>.sqlite` on Linux), derived data that is
/// never synced and safe to delete; `LEIDRAAD_CACHE_DIR` overrides the
/// folder. `None` without a home folder (the index then lives beside the
/// session files).
pub fn index_file(data: &std::path::Path) -> Option<PathBuf> {
    let folder = match std::env::var_os("LEIDRAAD_CACHE_DIR").filter(|d| !d.is_empty()) {
        Some(dir) => PathBuf::from(dir),
        None => project_dirs()?.cache_dir().to_path_buf(),
    };
    let data = std::fs::canonicalize(data)
        .or_else(|_| std::path::absolute(data))
        .unwrap_or_else(|_| data.to_path_buf());
    Some(folder.join(format!(
        "index-{:016x}.sqlite",
        fnv1a(data.as_os_str().as_encoded_bytes())
    )))
}

/// FNV-1a, 64 bits: a hash that stays the same across Rust versions.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3)
    })
}
