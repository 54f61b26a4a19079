//! The strings every screen and command shares.
//!
//! The Dutch and the English side by side: a string missing from either
//! does not compile.

/// The strings every screen and command shares.
#[derive(Debug)]
pub struct Common {
    pub app_name: &'static str,
    pub minutes_short: &'static str,
    pub window_too_small: fn(u16, u16, u16, u16) -> String,
}

/// Nederlands.
pub const NL: Common = Common {
    app_name: "leidraad",
    minutes_short: "min",
    window_too_small: |w, h, mw, mh| {
        format!("Maak het venster groter: {w}×{h}, minstens {mw}×{mh} nodig.")
    },
};

/// English.
pub const EN: Common = Common {
    app_name: "leidraad",
    minutes_short: "min",
    window_too_small: |w, h, mw, mh| {
        format!("Make the window larger: {w}×{h}, at least {mw}×{mh} needed.")
    },
};
