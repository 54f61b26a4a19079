//! File-name-friendly forms of names: the one place diacritics are folded.

/// `text` as ASCII lower case, diacritics folded (`ë` → `e`, `ĳ` → `ij`),
/// every run of other characters one `-`, trimmed, at most `max` bytes.
pub fn slug(text: &str, max: usize) -> String {
    let mut out = String::new();
    let mut dash = false;
    for c in text.chars().flat_map(char::to_lowercase) {
        let Some(folded) = fold(c) else {
            dash = !out.is_empty();
            continue;
        };
        for f in folded.chars() {
            if dash && out.len() + 1 < max {
                out.push('-');
            }
            dash = false;
            if out.len() < max {
                out.push(f);
            }
        }
    }
    out.trim_end_matches('-').to_string()
}

/// A lower-case character folded to ASCII letters/digits; `Some("")` for a
/// combining mark (decomposed `e` + U+0308 → `e`), `None` for a separator.
pub(crate) fn fold(c: char) -> Option<&'static str> {
    const PLAIN: &str = "abcdefghijklmnopqrstuvwxyz0123456789";
    if let Some(i) = PLAIN.find(c) {
        return Some(&PLAIN[i..i + 1]);
    }
    Some(match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => "a",
        'æ' => "ae",
        'ç' | 'ć' | 'ĉ' | 'ċ' | 'č' => "c",
        'ď' | 'đ' | 'ð' => "d",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' => "e",
        'ĝ' | 'ğ' | 'ġ' | 'ģ' => "g",
        'ĥ' | 'ħ' => "h",
        'ì' | 'í' | 'î' | 'ï' | 'ĩ' | 'ī' | 'ĭ' | 'į' | 'ı' => "i",
        'ĳ' => "ij",
        'ĵ' => "j",
        'ķ' => "k",
        'ĺ' | 'ļ' | 'ľ' | 'ŀ' | 'ł' => "l",
        'ñ' | 'ń' | 'ņ' | 'ň' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ŏ' | 'ő' => "o",
        'œ' => "oe",
        'ŕ' | 'ŗ' | 'ř' => "r",
        'ś' | 'ŝ' | 'ş' | 'š' | 'ș' => "s",
        'ß' => "ss",
        'ţ' | 'ť' | 'ŧ' | 'ț' => "t",
        'þ' => "th",
        'ù' | 'ú' | 'û' | 'ü' | 'ũ' | 'ū' | 'ŭ' | 'ů' | 'ű' | 'ų' => "u",
        'ŵ' => "w",
        'ý' | 'ÿ' | 'ŷ' => "y",
        'ź' | 'ż' | 'ž' => "z",
        '\u{0300}'..='\u{036f}' => "",
        _ => return None,
    })
}
