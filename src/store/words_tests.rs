//! Searches of several words: every word must occur in the session, each
//! anywhere; the history index, the folder scan and the indexed answer
//! agree, through every way the index answers (one word, several, short
//! ones, frequent ones with a limit).

use std::path::PathBuf;

use super::index_tests::{age, hits, save, session, store, text};
use super::{SessionQuery, SessionStore};

/// Sessions in which Fatima and Els are named in different parts, one
/// phrase over a line break, a private note, and one session with more
/// parts holding "kernteam" than a first screen looks up in the index; all
/// an hour old (so the indexed answer has them all).
fn several_words_folder(store: &SessionStore) -> [PathBuf; 4] {
    let mut apart = session(0, "OBS De Vlinder", "Fatima vertelt over de leerlijn.");
    apart.phases[0].private_notes = "Fatima twijfelt".into();
    apart
        .add_item(
            2,
            "afspraken",
            vec!["Els belt de ouders".into(), "Els".into()],
        )
        .unwrap();
    let apart = save(store, &apart);
    let together = save(
        store,
        &session(60, "De Linde", "Els en Fatima\nbespreken het kernteam"),
    );
    let fatima = save(store, &session(120, "Het Kompas", "Fatima"));
    let mut many = session(180, "De Regenboog", "zeldzaam");
    for i in 0..2100 {
        many.add_item(2, "afspraken", vec![format!("kernteam overleg {i}")])
            .unwrap();
    }
    let many = save(store, &many);
    let all = [apart, together, fatima, many];
    all.iter().for_each(|p| age(p));
    all
}

#[test]
fn several_words_are_answered_the_same_with_and_without_the_index() {
    let (_dir, store) = store();
    several_words_folder(&store);
    let scan = SessionStore::open_without_index(store.dir()).unwrap();
    let texts = [
        "Fatima Els",
        "els FATIMA",
        "\"Els en\"",
        "\"els en fatima\" kernteam",
        "\"en fatima bespreken\"",
        "fatima kernteam",
        "vlinder fatima",
        "fatima twijfelt",
        "de els",
        "de en",
        "kernteam overleg",
        "kernteam zeldzaam",
        "overleg fatima",
        "fatima \"els",
        "\"",
    ];
    for text in texts {
        let q = SessionQuery::all().with_text(text);
        assert_eq!(store.find(&q).unwrap(), scan.find(&q).unwrap(), "{q:?}");
        for q in [q.clone(), q.clone().first(1), q.first(2)] {
            let hits = store.search(&q).unwrap();
            assert_eq!(hits, scan.search(&q).unwrap(), "{q:?}");
            let indexed = store.search_indexed(&q).unwrap();
            assert_eq!((indexed.answer, indexed.pending), (hits, 0), "{q:?}");
        }
    }
}

#[test]
fn every_word_is_found_anywhere_and_each_is_marked_where_it_is() {
    let (_dir, store) = store();
    let [apart, together, fatima, many] = several_words_folder(&store);
    let found = |t: &str| text(&store, t);
    let hit = |t: &str| hits(&store, t);
    assert_eq!(found("Fatima Els"), [together.clone(), apart.clone()]);
    assert_eq!(
        found("Fatima"),
        [fatima.clone(), together.clone(), apart.clone()]
    );
    assert_eq!(
        found("\"Els en\""),
        std::slice::from_ref(&together),
        "a phrase in quotes"
    );
    assert_eq!(found("\"en fatima bespreken\""), Vec::<PathBuf>::new());
    assert_eq!(
        hit("\"en fatima bespreken\""),
        std::slice::from_ref(&together),
        "the history reads a part on one line"
    );
    assert_eq!(found("fatima twijfelt"), Vec::<PathBuf>::new());
    assert_eq!(
        hit("fatima twijfelt"),
        std::slice::from_ref(&apart),
        "private notes too"
    );
    assert_eq!(found("vlinder fatima"), std::slice::from_ref(&apart));
    assert_eq!(found("kernteam zeldzaam"), std::slice::from_ref(&many));
    assert_eq!(found("kernteam fatima"), std::slice::from_ref(&together));
    assert_eq!(found("de els"), [together, apart.clone()]);
    // Where each word was found: every part holding one, each marked.
    let q = SessionQuery::all().with_text("Fatima Els").first(1);
    let first = store.search(&q).unwrap();
    let marked: Vec<Vec<&str>> = first[0]
        .parts
        .iter()
        .map(|p| p.ranges.iter().map(|r| &p.snippet[r.clone()]).collect())
        .collect();
    assert_eq!(marked, [["Els", "Fatima"]]);
    let q = SessionQuery::all().with_text("els fatima");
    let hits = store.search(&q).unwrap();
    let apart_hit = hits.iter().find(|h| h.header.path == apart).unwrap();
    let snippets: Vec<&str> = apart_hit.parts.iter().map(|p| p.snippet.as_str()).collect();
    assert_eq!(
        snippets,
        [
            "Fatima vertelt over de leerlijn.",
            "Fatima twijfelt",
            "Els belt de ouders · Els"
        ]
    );
}
