//! Text folded for searching: lower case, diacritics removed (`Één` →
//! `een`, `ideeën` → `ideeen`, `Ĳssel` → `ijssel`).
//!
//! Folding works character by character on the lower-case form (each
//! character of `c.to_lowercase()` maps to a fixed string, never depending
//! on its neighbours), so whenever `a.to_lowercase()` contains
//! `b.to_lowercase()`, `fold(a)` contains `fold(b)`: a search in folded text
//! never misses what a case-insensitive search finds. The index relies on
//! that to answer [`Session::mentions`](crate::session::Session::mentions)
//! exactly (folded candidates, then checked).

/// `text` folded: lower case, diacritics removed.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars().flat_map(char::to_lowercase) {
        push_folded(&mut out, c);
    }
    out
}

/// `text` folded, with for every byte of the folded text the byte offset
/// in `text` of the character it came from (one entry past the end, for
/// `text.len()`), to map a match in folded text back to the original.
pub fn fold_mapped(text: &str) -> (String, Vec<usize>) {
    let mut out = String::with_capacity(text.len());
    let mut origin = Vec::with_capacity(text.len() + 1);
    for (at, c) in text.char_indices() {
        for lower in c.to_lowercase() {
            let before = out.len();
            push_folded(&mut out, lower);
            origin.extend(std::iter::repeat_n(at, out.len() - before));
        }
    }
    origin.push(text.len());
    (out, origin)
}

/// One lower-case character, folded, onto `out`.
fn push_folded(out: &mut String, c: char) {
    if c.is_ascii() {
        out.push(c);
        return;
    }
    match base(c) {
        Some(s) => out.push_str(s),
        None => out.push(c),
    }
}

/// The letters a lower-case character with a diacritic stands for; `""`
/// for a combining mark (a decomposed `e` + U+0308 folds to `e`).
fn base(c: char) -> Option<&'static str> {
    Some(match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' | 'ǎ' => "a",
        'æ' => "ae",
        'ç' | 'ć' | 'ĉ' | 'ċ' | 'č' => "c",
        'ď' | 'đ' | 'ð' => "d",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' => "e",
        'ĝ' | 'ğ' | 'ġ' | 'ģ' => "g",
        'ĥ' | 'ħ' => "h",
        'ì' | 'í' | 'î' | 'ï' | 'ĩ' | 'ī' | 'ĭ' | 'į' | 'ı' | 'ǐ' => "i",
        'ĳ' => "ij",
        'ĵ' => "j",
        'ķ' => "k",
        'ĺ' | 'ļ' | 'ľ' | 'ŀ' | 'ł' => "l",
        'ñ' | 'ń' | 'ņ' | 'ň' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ŏ' | 'ő' | 'ǒ' => "o",
        'œ' => "oe",
        'ŕ' | 'ŗ' | 'ř' => "r",
        'ś' | 'ŝ' | 'ş' | 'š' | 'ș' => "s",
        'ß' => "ss",
        'ţ' | 'ť' | 'ŧ' | 'ț' => "t",
        'þ' => "th",
        'ù' | 'ú' | 'û' | 'ü' | 'ũ' | 'ū' | 'ŭ' | 'ů' | 'ű' | 'ų' | 'ǔ' => "u",
        'ŵ' => "w",
        'ý' | 'ÿ' | 'ŷ' => "y",
        'ź' | 'ż' | 'ž' => "z",
        'ς' => "σ",
        '\u{2018}' | '\u{2019}' | '\u{201b}' | '\u{2032}' => "'",
        '\u{201c}' | '\u{201d}' | '\u{201f}' | '\u{2033}' => "\"",
        '\u{0300}'..='\u{036f}' => "",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn case_and_diacritics_fold_away() {
        assert_eq!(fold("Één"), "een");
        assert_eq!(fold("IDEEËN"), "ideeen");
        assert_eq!(fold("ideeën"), "ideeen");
        assert_eq!(fold("Ĳsselstein"), "ijsselstein");
        assert_eq!(fold("Zoe\u{0308}"), "zoe");
        assert_eq!(fold("‘t Palet"), "'t palet");
        assert_eq!(fold("ΟΔΟΣ"), fold("οδοσ"));
    }

    #[test]
    fn a_case_insensitive_match_is_a_folded_match() {
        let texts = ["Één ideeën", "ΟΔΟΣ Σ", "İstanbul", "straße", "Ĳs"];
        let needles = ["één", "σ", "i̇s", "SS", "ĳ", "ideeën"];
        for t in texts {
            for n in needles {
                if t.to_lowercase().contains(&n.to_lowercase()) {
                    assert!(fold(t).contains(&fold(n)), "{t:?} {n:?}");
                }
            }
        }
    }

    #[test]
    fn mapped_offsets_point_into_the_original() {
        let text = "Cultuurcoördinator Één";
        let (folded, origin) = fold_mapped(text);
        assert_eq!(folded, fold(text));
        assert_eq!(origin.len(), folded.len() + 1);
        let at = folded.find("een").unwrap();
        assert_eq!(&text[origin[at]..], "Één");
        let at = folded.find("oordinator").unwrap();
        assert_eq!(
            &text[origin[at]..origin[at + "oordinator".len()]],
            "oördinator"
        );
    }
}
