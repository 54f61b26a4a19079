//! Key strings: a sequence of keys written as text, e.g. `ihallo<esc>n`.
//! The tests drive the model with them (as gitu's `snapshot!(ctx, "jj<tab>")`
//! does), and settings that name keys will read them the same way.
//!
//! Plain characters are typed as themselves; a name between `<` and `>` is
//! a key: `<esc>`, `<enter>`, `<tab>`, `<backtab>`, `<space>`, `<up>`,
//! `<down>`, `<left>`, `<right>`, `<bs>`, `<del>`, `<home>`, `<end>`,
//! `<pgdn>`, `<pgup>`, `<f1>`…`<f12>`, `<lt>` (a `<`), `<ctrl+x>`,
//! `<alt+x>` and `<alt+enter>`.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// Why a key string could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KeyStringError {
    /// A `<` without its `>`.
    Unclosed(String),
    /// A name between `<` and `>` that is no key.
    Unknown(String),
}

impl std::fmt::Display for KeyStringError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            KeyStringError::Unclosed(name) => write!(f, "<{name} is not closed with >"),
            KeyStringError::Unknown(name) => write!(f, "<{name}> is not a key"),
        }
    }
}

impl std::error::Error for KeyStringError {}

/// The keys a key string stands for, in order.
pub fn parse_keys(keys: &str) -> Result<Vec<KeyEvent>, KeyStringError> {
    let mut out = Vec::new();
    let mut chars = keys.chars();
    while let Some(c) = chars.next() {
        if c != '<' {
            out.push(plain(KeyCode::Char(c)));
            continue;
        }
        let mut name = String::new();
        let mut closed = false;
        for n in chars.by_ref() {
            if n == '>' {
                closed = true;
                break;
            }
            name.push(n);
        }
        if !closed {
            return Err(KeyStringError::Unclosed(name));
        }
        out.push(named(&name).ok_or(KeyStringError::Unknown(name))?);
    }
    Ok(out)
}

fn plain(code: KeyCode) -> KeyEvent {
    KeyEvent::new(code, KeyModifiers::NONE)
}

/// The key a name between `<` and `>` stands for.
fn named(name: &str) -> Option<KeyEvent> {
    if let Some(key) = name.strip_prefix("ctrl+") {
        return single(key).map(|c| KeyEvent::new(c, KeyModifiers::CONTROL));
    }
    if let Some(key) = name.strip_prefix("alt+") {
        return single(key).map(|c| KeyEvent::new(c, KeyModifiers::ALT));
    }
    if name == "backtab" {
        return Some(KeyEvent::new(KeyCode::BackTab, KeyModifiers::SHIFT));
    }
    single(name).filter(|_| name.chars().count() > 1).map(plain)
}

/// A key without modifiers by its name, or a single character.
fn single(name: &str) -> Option<KeyCode> {
    let code = match name {
        "esc" => KeyCode::Esc,
        "enter" => KeyCode::Enter,
        "tab" => KeyCode::Tab,
        "space" => KeyCode::Char(' '),
        "up" => KeyCode::Up,
        "down" => KeyCode::Down,
        "left" => KeyCode::Left,
        "right" => KeyCode::Right,
        "bs" => KeyCode::Backspace,
        "del" => KeyCode::Delete,
        "home" => KeyCode::Home,
        "end" => KeyCode::End,
        "pgdn" => KeyCode::PageDown,
        "pgup" => KeyCode::PageUp,
        "lt" => KeyCode::Char('<'),
        _ => {
            if let Some(n) = name.strip_prefix('f').and_then(|n| n.parse::<u8>().ok())
                && (1..=12).contains(&n)
            {
                return Some(KeyCode::F(n));
            }
            let mut chars = name.chars();
            let c = chars.next()?;
            return chars.next().is_none().then_some(KeyCode::Char(c));
        }
    };
    Some(code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn characters_are_typed_and_names_are_keys() {
        let keys = parse_keys("a<esc>n<space><lt><ctrl+s><alt+enter><backtab><f3>").unwrap();
        assert_eq!(
            keys,
            vec![
                plain(KeyCode::Char('a')),
                plain(KeyCode::Esc),
                plain(KeyCode::Char('n')),
                plain(KeyCode::Char(' ')),
                plain(KeyCode::Char('<')),
                KeyEvent::new(KeyCode::Char('s'), KeyModifiers::CONTROL),
                KeyEvent::new(KeyCode::Enter, KeyModifiers::ALT),
                KeyEvent::new(KeyCode::BackTab, KeyModifiers::SHIFT),
                plain(KeyCode::F(3)),
            ]
        );
    }

    #[test]
    fn a_bad_key_string_says_what_is_wrong() {
        assert_eq!(
            parse_keys("<esc"),
            Err(KeyStringError::Unclosed("esc".into()))
        );
        assert_eq!(
            parse_keys("<escape>"),
            Err(KeyStringError::Unknown("escape".into()))
        );
        // A single character between brackets is written as itself.
        assert_eq!(parse_keys("<x>"), Err(KeyStringError::Unknown("x".into())));
        assert_eq!(
            parse_keys("<ctrl+>"),
            Err(KeyStringError::Unknown("ctrl+".into()))
        );
        assert_eq!(
            parse_keys("<f13>"),
            Err(KeyStringError::Unknown("f13".into()))
        );
    }
}
