//! Search and browse over the real seeded catalogue, on both stores: a table of realistic
//! queries and sentences with the result a citizen means, queries that must be answered
//! "nothing fits well", words that name a page of the app, the bounded record of searches
//! that found nothing (without personal numbers), and browsing by theme and department.

mod support;

use backend::search::{Answer, MISSES_PER_ADDRESS_PER_DAY};
use domain::Theme;
use domain::search::MatchKind;
use queries::{APP_PAGES, NOTHING_FITS, QUERIES, SENTENCES, TYPOS};
use support::{seeded, services};

#[path = "support/queries.rs"]
mod queries;

/// Where the table's searches come from.
const ADDRESS: &str = "192.0.2.1";

async fn realistic_queries_find_what_people_mean(url: String) {
    let (s, _) = services(seeded(&url).await);
    let mut wrong = Vec::new();
    for (query, expected) in QUERIES.iter().chain(SENTENCES) {
        let outcome = s.search.search(query, 5, ADDRESS).await.unwrap();
        let first = outcome
            .answer
            .results()
            .first()
            .map(|f| f.summary.name.as_str())
            .unwrap_or("(nothing)");
        if first != *expected {
            wrong.push(format!("{query}: got {first}, want {expected}"));
        } else if !outcome.answer.is_confident() {
            wrong.push(format!("{query}: {first} first, but not confidently"));
        }
    }
    assert!(
        wrong.is_empty(),
        "{} of {} queries wrong:\n{}",
        wrong.len(),
        QUERIES.len() + SENTENCES.len(),
        wrong.join("\n")
    );
    assert!(QUERIES.len() + SENTENCES.len() >= 80);
    assert!(
        3 * SENTENCES.len() >= QUERIES.len() + SENTENCES.len(),
        "a third are sentences"
    );
    for (query, expected) in TYPOS {
        let outcome = s.search.search(query, 5, ADDRESS).await.unwrap();
        assert_eq!(
            outcome.answer.results()[0].summary.name,
            *expected,
            "{query}"
        );
    }
}

async fn nothing_fits_well_is_said_so(url: String) {
    let (s, _) = services(seeded(&url).await);
    for query in NOTHING_FITS {
        let outcome = s.search.search(query, 5, ADDRESS).await.unwrap();
        match &outcome.answer {
            Answer::Confident(results) => {
                panic!("{query}: {} given confidently", results[0].summary.name)
            }
            Answer::Weak {
                closest_themes,
                results,
            } => {
                assert!(!results.is_empty() && !closest_themes.is_empty(), "{query}");
            }
            Answer::Nothing => {}
        }
        assert_eq!(outcome.page, None, "{query}");
    }
}

async fn app_words_lead_to_their_page(url: String) {
    let (s, _) = services(seeded(&url).await);
    for (query, page) in APP_PAGES {
        let outcome = s.search.search(query, 5, ADDRESS).await.unwrap();
        assert_eq!(outcome.page, Some(*page), "{query}");
    }
    assert_eq!(
        s.search.search("社保卡", 5, ADDRESS).await.unwrap().page,
        None
    );
    assert!(
        s.search.top_misses(10).await.unwrap().is_empty(),
        "a page is no miss"
    );
}

async fn results_rank_by_kind_and_mark_the_match(url: String) {
    let (s, _) = services(seeded(&url).await);
    let outcome = s.search.search("居民身份证", 10, ADDRESS).await.unwrap();
    let found = outcome.answer.results();
    assert_eq!(found[0].summary.name, "居民身份证换领");
    assert_eq!(found[0].kind, MatchKind::NamePrefix);
    assert_eq!(found[0].highlight, Some((0, 5)));
    let kinds: Vec<MatchKind> = found.iter().map(|f| f.kind).collect();
    let mut sorted = kinds.clone();
    sorted.sort();
    assert_eq!(kinds, sorted, "better kinds first");
    let sentence = s
        .search
        .search("孩子出生了怎么上户口", 10, ADDRESS)
        .await
        .unwrap();
    let first = &sentence.answer.results()[0];
    assert_eq!(first.kind, MatchKind::Words);
    assert!(
        first.highlight.is_some(),
        "a word of the sentence is marked in the name"
    );
}

async fn searches_that_find_nothing_are_recorded_without_personal_numbers(url: String) {
    let store = seeded(&url).await;
    let (s, clock) = services(store.clone());
    let other = "198.51.100.7";
    // Changed with the issue that made weak answers misses: 驾驶证换证 now finds 居民身份证换领
    // by the word 换证, weakly, and is still recorded; the same words from the same address
    // on the same day count once.
    assert!(
        !s.search
            .search("驾驶证换证", 5, ADDRESS)
            .await
            .unwrap()
            .answer
            .is_confident()
    );
    clock.advance(60);
    s.search.search("驾驶证 换证", 5, ADDRESS).await.unwrap();
    s.search.search("驾驶证换证", 5, other).await.unwrap();
    s.search.search("护照", 5, ADDRESS).await.unwrap();
    s.search.search("13812345678", 5, ADDRESS).await.unwrap();
    s.search.search("社保卡", 5, ADDRESS).await.unwrap();
    assert!(
        !s.search
            .suggest("电动车上牌", 5)
            .await
            .unwrap()
            .iter()
            .any(|f| f.fit == domain::search::Fit::Strong),
        "nothing here fits well"
    );
    let misses = s.search.top_misses(10).await.unwrap();
    let listed: Vec<(&str, i64)> = misses.iter().map(|m| (m.query.as_str(), m.count)).collect();
    assert_eq!(
        listed,
        [("驾驶证换证", 2), ("护照", 1)],
        "suggestions record nothing"
    );
    assert_eq!(misses[0].last_at, support::START + 60);
}

async fn the_record_of_misses_stays_bounded(url: String) {
    let store = seeded(&url).await;
    let (s, clock) = services(store.clone());
    let crawler = "203.0.113.9";
    for round in 0..3 {
        for i in 0..MISSES_PER_ADDRESS_PER_DAY + 10 {
            let query = format!("火星移民{i}号");
            s.search.search(&query, 5, crawler).await.unwrap();
        }
        let total: i64 = s
            .search
            .top_misses(1000)
            .await
            .unwrap()
            .iter()
            .map(|m| m.count)
            .sum();
        assert_eq!(total, MISSES_PER_ADDRESS_PER_DAY as i64, "round {round}");
    }
    clock.advance(24 * 3600);
    s.search.search("火星移民0号", 5, crawler).await.unwrap();
    let misses = s.search.top_misses(1000).await.unwrap();
    assert_eq!(misses.len(), MISSES_PER_ADDRESS_PER_DAY);
    assert_eq!(misses[0].query, "火星移民0号");
    assert_eq!(misses[0].count, 2, "counted again on the next day");
}

async fn browse_by_theme_and_department(url: String) {
    let (s, _) = services(seeded(&url).await);
    let birth: Vec<String> = s
        .search
        .by_theme(Theme::Birth)
        .await
        .unwrap()
        .into_iter()
        .map(|i| i.name)
        .collect();
    for name in [
        "出生医学证明首次签发",
        "预防接种证办理",
        "出生登记（新生儿入户）",
        "城乡居民基本医疗保险参保登记",
        "社会保障卡申领",
    ] {
        assert!(
            birth.iter().any(|n| n == name),
            "{name} under 生育: {birth:?}"
        );
    }
    for theme in Theme::ALL {
        assert!(
            !s.search.by_theme(theme).await.unwrap().is_empty(),
            "{} has 事项",
            theme.label()
        );
    }
    let gjj = s.search.by_department("gjj").await.unwrap();
    assert!(gjj.len() >= 8 && gjj.iter().all(|i| i.department == "公积金"));
    assert!(s.search.by_department("nope").await.unwrap().is_empty());
}

on_both_stores!(
    realistic_queries_find_what_people_mean,
    nothing_fits_well_is_said_so,
    app_words_lead_to_their_page,
    the_record_of_misses_stays_bounded,
    results_rank_by_kind_and_mark_the_match,
    searches_that_find_nothing_are_recorded_without_personal_numbers,
    browse_by_theme_and_department,
);
