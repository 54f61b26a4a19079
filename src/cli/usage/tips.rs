//! clap's tips after a usage error ("tip: to pass '-x' as a value, use
//! '-- -x'"), said again with the words of the strings table. clap gives
//! them as English sentences only; what they name is read back from the
//! three sentences clap 4 writes, and a tip not recognised is left out
//! rather than said in English (a test in `usage` runs every one a user
//! can cause).

use clap::error::{ContextKind, ContextValue};

use crate::i18n::cli::help::Help;

/// clap's tips of `e` with the words of `h`, in clap's order.
pub fn said(e: &clap::Error, h: &'static Help) -> Vec<String> {
    let Some(ContextValue::StyledStrs(tips)) = e.get(ContextKind::Suggested) else {
        return Vec::new();
    };
    tips.iter()
        .filter_map(|tip| say(&tip.to_string(), h))
        .collect()
}

/// One of clap's tips with the words of `h`, or `None` when it is not one
/// of the three clap writes.
pub fn say(tip: &str, h: &'static Help) -> Option<String> {
    if let Some(rest) = tip.strip_prefix("to pass '") {
        let (word, how) = rest.split_once("' as a value, use '")?;
        return Some((h.tip_as_value)(word, how.strip_suffix('\'')?));
    }
    if let Some(rest) = tip.strip_prefix("subcommand '") {
        let command = rest.strip_suffix("' exists; to use it, remove the '--' before it")?;
        return Some((h.tip_remove_dashes)(command));
    }
    let what = tip.strip_prefix('\'')?.strip_suffix("' exists")?;
    Some((h.tip_exists)(what))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::cli::help::NL;

    #[test]
    fn the_three_tips_of_clap_are_read_back() {
        assert_eq!(
            say("to pass '-x' as a value, use '-- -x'", &NL).as_deref(),
            Some("Is `-x` een waarde? Schrijf dan `-- -x`.")
        );
        assert_eq!(
            say(
                "subcommand 'show' exists; to use it, remove the '--' before it",
                &NL
            )
            .as_deref(),
            Some("De opdracht `show` bestaat: haal de `--` ervoor weg.")
        );
        assert_eq!(
            say("'leidraad sessions --client' exists", &NL).as_deref(),
            Some("`leidraad sessions --client` bestaat wel.")
        );
        assert_eq!(say("something else entirely", &NL), None);
    }
}
