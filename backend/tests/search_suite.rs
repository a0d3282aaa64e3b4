//! Search and browse over the real seeded catalogue, on both stores: a table of realistic
//! queries and sentences with the result a citizen means, queries that must be answered
//! "nothing fits well", words that name a page of the app, the bounded record of searches
//! that found nothing (without personal numbers), and browsing by theme and department.

mod support;

use backend::search::{Answer, MISSES_PER_ADDRESS_PER_DAY};
use domain::Theme;
use domain::search::{AppPage, MatchKind};
use support::{seeded, services};

/// Where the table's searches come from.
const ADDRESS: &str = "192.0.2.1";

/// What people type, and the 事项 they mean (the first result, given confidently).
const QUERIES: &[(&str, &str)] = &[
    ("社保卡", "社会保障卡申领"),
    ("sbk", "社会保障卡申领"),
    ("shebaoka", "社会保障卡申领"),
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
    ("残疾证", "残疾人证新办"),
    ("cjz", "残疾人证新办"),
    ("老年证", "老年人优待证办理"),
    ("laonianzheng", "老年人优待证办理"),
    ("劳动仲裁", "劳动人事争议仲裁申请"),
    ("讨薪", "拖欠工资投诉（劳动保障监察）"),
    ("死亡证明", "居民死亡医学证明（推断）书签发"),
    ("小升初", "小学毕业升入初中（小升初）入学"),
    ("幼儿园报名", "公办幼儿园入园报名"),
    ("高考报名", "普通高考报名"),
    ("单身证明", "婚姻登记档案查询（婚姻状况证明）"),
    ("完税证明", "个人所得税纳税记录开具（完税证明）"),
    ("专项附加扣除", "个人所得税专项附加扣除信息填报"),
    ("医保码", "医保电子凭证激活"),
    ("法律援助", "法律援助申请"),
    ("公积金销户", "住房公积金账户销户"),
    ("公积金转移", "住房公积金异地转移接续"),
    ("亲属关系证明", "户籍证明开具（亲属关系、户籍注销证明）"),
    ("工伤认定", "工伤认定申请"),
    ("病退", "因病或非因工致残提前退休（病退）"),
    (
        "养老金资格认证",
        "社会保险待遇领取资格认证（养老金资格认证）",
    ),
    ("退休人员医保缴费年限", "职工医保退休人员缴费年限核定"),
    ("保租房", "保障性租赁住房申请"),
    ("12315", "消费投诉举报（12315）"),
];

/// Short typos: the 事项 meant comes first, but offered as "did you mean" (changed with the
/// confidence of answers: two or three characters one edit away are as often another word,
/// so they are not given confidently).
const TYPOS: &[(&str, &str)] = &[("社卡", "社会保障卡申领")];

/// Questions and half-sentences, an intent and an object in any order.
const SENTENCES: &[(&str, &str)] = &[
    ("孩子出生了怎么上户口", "出生登记（新生儿入户）"),
    ("二手房过户要带什么", "不动产转移登记（二手房买卖）"),
    (
        "我要退休了养老金怎么领",
        "职工基本养老保险待遇申领（退休养老金核定）",
    ),
    ("给孩子办社保卡", "社会保障卡申领"),
    ("上户口要带什么", "出生登记（新生儿入户）"),
    ("如何办理居住证", "居住证申领"),
    ("公积金怎么提取出来交房租", "住房公积金提取（租房）"),
    ("怎么申请公租房", "公共租赁住房保障申请"),
    ("失业了怎么领失业金", "失业保险金申领"),
    ("在外地看病怎么报销", "跨省异地就医直接结算备案"),
    ("领结婚证需要什么", "内地居民结婚登记"),
    ("身份证丢了怎么补办", "居民身份证补领（丢失补办）"),
    ("户口本丢了怎么办", "居民户口簿补领、换领"),
    ("老人去世了要开什么证明", "居民死亡医学证明（推断）书签发"),
    (
        "房产证丢了怎么补",
        "不动产权证书补发、换发（房产证丢了、损坏）",
    ),
    ("公司拖欠工资去哪投诉", "拖欠工资投诉（劳动保障监察）"),
    ("上班路上出车祸算工伤吗", "工伤认定申请"),
    ("孩子三岁了怎么报名幼儿园", "公办幼儿园入园报名"),
    (
        "给孩子办身份证要带什么",
        "居民身份证首次申领（未成年人办证）",
    ),
    ("怎么办残疾证", "残疾人证新办"),
    ("60岁了怎么办老年证", "老年人优待证办理"),
    ("父母的房子赠与给子女", "不动产赠与转移登记（房屋赠与）"),
    ("房产证上怎么加老婆名字", "不动产变更登记（夫妻加名、减名）"),
    ("公积金怎么转到郑州", "住房公积金异地转移接续"),
    ("生孩子的费用能报销吗", "生育医疗费用报销"),
    ("社保卡丢了怎么办", "社会保障卡挂失、补换"),
    ("我想查一下我的档案在哪", "流动人员人事档案接收、查询和转递"),
    ("要开个单身证明", "婚姻登记档案查询（婚姻状况证明）"),
    ("农村老人60岁怎么领养老金", "城乡居民基本养老保险待遇申领"),
    ("没钱请律师怎么办", "法律援助申请"),
    ("买到假货怎么投诉", "消费投诉举报（12315）"),
    ("结婚前要做婚检吗", "婚前医学检查和孕前优生健康检查（免费）"),
    ("退休了公积金怎么取", "住房公积金提取（离休、退休）"),
];

/// Queries the catalogue has no 事项 for: answered "nothing fits well", never with a
/// confident first result.
const NOTHING_FITS: &[&str] = &[
    "办理护照签证加急",
    "火星移民",
    "驾驶证换证",
    "宠物狗办证",
    "护照",
];

/// Words that name a part of the app lead to that page first.
const APP_PAGES: &[(&str, AppPage)] = &[
    ("预约", AppPage::Book),
    ("我的预约", AppPage::MyBookings),
    ("进度", AppPage::Progress),
    ("查办件进度", AppPage::Progress),
    ("长辈版", AppPage::Elder),
    ("家庭成员", AppPage::Family),
];

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
