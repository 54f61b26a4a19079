//! Finding text the way a person means it: case and diacritics do not
//! matter ("een" finds "één", "ideeen" finds "ideeën", "IJS" finds "ĳs"),
//! and what was found is marked in the text as written.

use std::ops::Range;

/// A text folded for finding, with where each folded byte came from.
struct Folded {
    text: String,
    /// For each byte of `text`, the range of the original character.
    from: Vec<Range<usize>>,
}

/// Lower case, diacritics off (letters outside the fold table as they are).
fn fold(text: &str) -> Folded {
    let mut out = Folded {
        text: String::with_capacity(text.len()),
        from: Vec::with_capacity(text.len()),
    };
    for (at, c) in text.char_indices() {
        let whole = at..at + c.len_utf8();
        for lower in c.to_lowercase() {
            let start = out.text.len();
            match crate::slug::fold(lower) {
                Some(folded) => out.text.push_str(folded),
                None => out.text.push(lower),
            }
            for _ in start..out.text.len() {
                out.from.push(whole.clone());
            }
        }
    }
    out
}

/// The needle as it is looked for: folded, trimmed.
pub fn needle(text: &str) -> String {
    fold(text.trim()).text
}

/// Where `needle` is found in `haystack`, as byte ranges of `haystack`
/// (whole characters), in order, not overlapping. An empty needle finds
/// nothing.
pub fn find_all(haystack: &str, needle_text: &str) -> Vec<Range<usize>> {
    let needle = needle(needle_text);
    if needle.is_empty() {
        return Vec::new();
    }
    let folded = fold(haystack);
    let mut out: Vec<Range<usize>> = Vec::new();
    let mut from = 0;
    while let Some(i) = folded.text[from..].find(&needle) {
        let start = from + i;
        let end = start + needle.len();
        let range = folded.from[start].start..folded.from[end - 1].end;
        if out.last().is_none_or(|last| last.end <= range.start) {
            out.push(range);
        }
        from = end;
    }
    out
}

/// Whether `needle` is found in `haystack` (see [`find_all`]).
pub fn contains(haystack: &str, needle_text: &str) -> bool {
    let needle = needle(needle_text);
    !needle.is_empty() && fold(haystack).text.contains(&needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn case_and_diacritics_do_not_matter() {
        assert!(contains("Eén café", "een"));
        assert!(contains("één", "EEN"));
        assert!(contains("Veel ideeën", "ideeen"));
        assert!(contains("ideeen", "IDEEËN"));
        assert!(contains("Het ĳsje", "ijs"));
        // A decomposed ë (e + U+0308) is found too.
        assert!(contains("ide\u{65}\u{308}en", "ideeen"));
        assert!(!contains("Veel ideeën", "ideaal"));
        assert!(!contains("iets", "  "));
    }

    #[test]
    fn what_was_found_is_marked_in_the_text_as_written() {
        let text = "Eén idee, twéé ideeën";
        let found = find_all(text, "ee");
        let marked: Vec<&str> = found.iter().map(|r| &text[r.clone()]).collect();
        assert_eq!(marked, vec!["Eé", "ee", "éé", "ee"]);
        assert_eq!(
            find_all("ß", "ss"),
            std::iter::once(0..2).collect::<Vec<_>>()
        );
        assert!(find_all("abc", "").is_empty());
    }
}
