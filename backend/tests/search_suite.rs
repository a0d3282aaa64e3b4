//! Search and browse over the real seeded catalogue, on both stores: a table of realistic
//! queries with the result a citizen means, the record of searches that found nothing
//! (without personal numbers), and browsing by theme and department.

mod support;

use domain::Theme;
use domain::search::MatchKind;
use support::{seeded, services};

/// What people type, and the 事项 they mean (the first result).
const QUERIES: &[(&str, &str)] = &[
    ("社保卡", "社会保障卡申领"),
    ("sbk", "社会保障卡申领"),
    ("shebaoka", "社会保障卡申领"),
    ("社卡", "社会保障卡申领"),
    ("公积金", "住房公积金提取（租房）"),
    ("gongjijin", "住房公积金提取（租房）"),
    ("gjjtq", "住房公积金提取（租房）"),
    ("公积鑫", "住房公积金提取（租房）"),
    ("落户", "户口迁入（市外迁入落户）"),
    ("入户", "出生登记（新生儿入户）"),
    ("上户口", "出生登记（新生儿入户）"),
    ("退休", "职工基本养老保险待遇申领（退休养老金核定）"),
    ("养老金", "职工基本养老保险待遇申领（退休养老金核定）"),
    ("身份证", "居民身份证换领"),
    ("临时身份证", "临时居民身份证申领"),
    ("结婚", "内地居民结婚登记"),
    ("领证", "内地居民结婚登记"),
    ("jhdj", "内地居民结婚登记"),
    ("营业执照", "企业设立登记（有限责任公司）"),
    ("开公司", "企业设立登记（有限责任公司）"),
    ("个体户", "个体工商户设立登记"),
    ("公租房", "公共租赁住房保障申请"),
    ("低保", "最低生活保障审核确认（低保申请）"),
    ("失业金", "失业保险金申领"),
    ("上学", "义务教育小学一年级入学报名"),
    ("过户", "不动产转移登记（二手房买卖）"),
    ("二手房过户要什么材料", "不动产转移登记（二手房买卖）"),
    ("出生证", "出生医学证明首次签发"),
    ("疫苗", "预防接种证办理"),
    ("准生证", "生育登记"),
    ("异地就医", "跨省异地就医直接结算备案"),
    ("教资", "中小学教师资格认定"),
    ("无犯罪证明", "无犯罪记录证明开具"),
    ("居住证", "居住证申领"),
    ("ＳＢＫ", "社会保障卡申领"),
];

async fn realistic_queries_find_what_people_mean(url: String) {
    let (s, _) = services(seeded(&url).await);
    let mut wrong = Vec::new();
    for (query, expected) in QUERIES {
        let found = s.search.search(query, 5).await.unwrap();
        let first = found
            .first()
            .map(|f| f.summary.name.as_str())
            .unwrap_or("(nothing)");
        if first != *expected {
            wrong.push(format!("{query}: got {first}, want {expected}"));
        }
    }
    assert!(
        wrong.is_empty(),
        "{} of {} queries wrong:\n{}",
        wrong.len(),
        QUERIES.len(),
        wrong.join("\n")
    );
    assert!(QUERIES.len() >= 30);
}

async fn results_rank_by_kind_and_mark_the_match(url: String) {
    let (s, _) = services(seeded(&url).await);
    let found = s.search.search("居民身份证", 10).await.unwrap();
    assert_eq!(found[0].summary.name, "居民身份证换领");
    assert_eq!(found[0].kind, MatchKind::NamePrefix);
    assert_eq!(found[0].highlight, Some((0, 5)));
    let kinds: Vec<MatchKind> = found.iter().map(|f| f.kind).collect();
    let mut sorted = kinds.clone();
    sorted.sort();
    assert_eq!(kinds, sorted, "better kinds first");
}

async fn searches_that_find_nothing_are_recorded_without_personal_numbers(url: String) {
    let store = seeded(&url).await;
    let (s, clock) = services(store.clone());
    assert!(s.search.search("驾驶证换证", 5).await.unwrap().is_empty());
    clock.advance(60);
    assert!(s.search.search("驾驶证 换证", 5).await.unwrap().is_empty());
    assert!(s.search.search("护照", 5).await.unwrap().is_empty());
    assert!(s.search.search("13812345678", 5).await.unwrap().is_empty());
    assert!(
        s.search.suggest("电动车上牌", 5).await.unwrap().is_empty(),
        "suggestions record nothing"
    );
    let misses = s.search.top_misses(10).await.unwrap();
    let listed: Vec<(&str, i64)> = misses.iter().map(|m| (m.query.as_str(), m.count)).collect();
    assert_eq!(listed, [("驾驶证换证", 2), ("护照", 1)]);
    assert_eq!(misses[0].last_at, support::START + 60);
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
    results_rank_by_kind_and_mark_the_match,
    searches_that_find_nothing_are_recorded_without_personal_numbers,
    browse_by_theme_and_department,
);
