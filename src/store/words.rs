//! The words of a search as a consultant types them: split on white space,
//! a part in double quotes kept as one phrase. A session matches a text
//! condition when every word occurs in it, anywhere in what the condition
//! looks at, not necessarily in the same part (see [`super::query`]).

/// The marks that open and close a phrase: the straight double quote, and
/// the typographic ones a pasted text brings ("…", “…”, „…”).
const QUOTES: [char; 4] = ['"', '\u{201c}', '\u{201d}', '\u{201e}'];

/// The words of `text`, in the order typed: split on white space (any
/// Unicode white space), except between double quotes, where the text is
/// one phrase (`Fatima "de Vries"` is `Fatima` and `de Vries`), trimmed, its
/// inner spaces as typed. A quote left open runs to the end (as it is while
/// the closing one is still to be typed). The quote marks are never part of
/// a word, so `Els"en"` is `Els` and `en`; empty words are left out, so a
/// text of only spaces or quotes has no words. A word outside quotes loses
/// the punctuation around it, as names are typed in a list ("Joost,
/// Fatima" is `Joost` and `Fatima`, "(kernteam)" is `kernteam`); one that
/// is nothing but punctuation ("?") stays as typed, and a phrase in quotes
/// stays as typed.
pub(super) fn words(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut word = String::new();
    let mut quoted = false;
    let mut end_word = |word: &mut String, phrase: bool| {
        let done = std::mem::take(word);
        let trimmed = done.trim();
        let bare = trimmed.trim_matches(is_punctuation);
        let kept = if phrase || bare.is_empty() {
            trimmed
        } else {
            bare
        };
        if !kept.is_empty() {
            out.push(kept.to_string());
        }
    };
    for c in text.chars() {
        if QUOTES.contains(&c) {
            end_word(&mut word, quoted);
            quoted = !quoted;
        } else if c.is_whitespace() && !quoted {
            end_word(&mut word, false);
        } else {
            word.push(c);
        }
    }
    end_word(&mut word, quoted);
    out
}

/// The punctuation a word loses around it: ASCII's but the apostrophe
/// (Dutch "'t Palet", "d'r"), and the typographic marks a pasted text
/// brings (combining marks and letters of any script stay).
fn is_punctuation(c: char) -> bool {
    (c.is_ascii_punctuation() && c != '\'')
        || matches!(
            c,
            '\u{2026}' | '\u{2013}' | '\u{2014}' | '\u{ab}' | '\u{bb}' | '\u{bf}' | '\u{a1}'
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_split_on_white_space_of_any_kind_and_amount() {
        assert_eq!(words("Fatima Els"), ["Fatima", "Els"]);
        assert_eq!(words("  Fatima \t  Els\n"), ["Fatima", "Els"]);
        // A no-break space and an ideographic space are white space too.
        assert_eq!(
            words("Fatima\u{a0}Els\u{3000}Anne"),
            ["Fatima", "Els", "Anne"]
        );
        assert_eq!(words("kernteam"), ["kernteam"]);
    }

    #[test]
    fn a_part_in_double_quotes_stays_one_phrase() {
        assert_eq!(words("\"Els en\" Fatima"), ["Els en", "Fatima"]);
        assert_eq!(words("Fatima \"de  Vries\""), ["Fatima", "de  Vries"]);
        // Trimmed inside the quotes; the marks end a word they touch.
        assert_eq!(words("\" Els en \""), ["Els en"]);
        assert_eq!(words("Els\"en\"x"), ["Els", "en", "x"]);
        // Typographic quotes, as a paste brings them.
        assert_eq!(words("„Els en” “de Vries”"), ["Els en", "de Vries"]);
        assert_eq!(words("\"a b\"\"c d\""), ["a b", "c d"]);
    }

    #[test]
    fn the_punctuation_around_a_word_is_not_part_of_it() {
        assert_eq!(words("Joost, Fatima"), ["Joost", "Fatima"]);
        assert_eq!(words("fatima,"), ["fatima"]);
        assert_eq!(words("(kernteam) leerlijn."), ["kernteam", "leerlijn"]);
        // Inside a word it stays; a word of punctuation alone stays too.
        assert_eq!(words("e-mail 5,5"), ["e-mail", "5,5"]);
        assert_eq!(words("? --"), ["?", "--"]);
        // A phrase in quotes is as typed.
        assert_eq!(words("\"Els, en\""), ["Els, en"]);
    }

    #[test]
    fn a_lone_quote_runs_to_the_end() {
        assert_eq!(words("Fatima \"Els en"), ["Fatima", "Els en"]);
        assert_eq!(words("Fatima \""), ["Fatima"]);
        assert_eq!(words("\"Els en\" \"de"), ["Els en", "de"]);
    }

    #[test]
    fn empty_text_spaces_and_quotes_alone_have_no_words() {
        for text in ["", "   ", "\t\n", "\"", "\"\"", "\" \"", "„”", "\u{a0}"] {
            assert!(words(text).is_empty(), "{text:?}");
        }
    }

    #[test]
    fn letters_of_every_script_are_kept_as_typed() {
        assert_eq!(words("Één ideeën"), ["Één", "ideeën"]);
        assert_eq!(words("Zoe\u{308} ĳs"), ["Zoe\u{308}", "ĳs"]);
        assert_eq!(words("ΟΔΟΣ 東京 مدرسة"), ["ΟΔΟΣ", "東京", "مدرسة"]);
        assert_eq!(words("'t Palet"), ["'t", "Palet"]);
    }
}
