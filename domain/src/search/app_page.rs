use super::normalize_query;
use serde::{Deserialize, Serialize};

/// A part of the app (not a 事项) that a query can name: "我的预约", "进度", "长辈版". The app
/// maps each to its path and words; search shows it before any 事项.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum AppPage {
    /// Booking a visit: the list of bookable 事项.
    Book,
    /// The citizen's own bookings.
    MyBookings,
    /// Where an application stands.
    Progress,
    /// The large-type, plain-words version.
    Elder,
    /// Family members one may act for.
    Family,
    /// Real-name verification of one's account.
    Verify,
    /// Addresses for postal delivery.
    Addresses,
}

/// What people type for each page, longest first within a page so that "我的预约" wins over
/// "预约". Matched anywhere in the query.
const WORDS: &[(&str, AppPage)] = &[
    ("我的预约", AppPage::MyBookings),
    ("预约记录", AppPage::MyBookings),
    ("取消预约", AppPage::MyBookings),
    ("改约", AppPage::MyBookings),
    ("预约", AppPage::Book),
    ("取号", AppPage::Book),
    ("排号", AppPage::Book),
    ("办件进度", AppPage::Progress),
    ("查进度", AppPage::Progress),
    ("进度", AppPage::Progress),
    ("办到哪", AppPage::Progress),
    ("长辈版", AppPage::Elder),
    ("长者版", AppPage::Elder),
    ("老年版", AppPage::Elder),
    ("大字版", AppPage::Elder),
    ("关怀版", AppPage::Elder),
    ("关怀模式", AppPage::Elder),
    ("字太小", AppPage::Elder),
    ("家庭成员", AppPage::Family),
    ("添加家人", AppPage::Family),
    ("帮家人办", AppPage::Family),
    ("代家人办", AppPage::Family),
    ("实名认证", AppPage::Verify),
    ("实名核验", AppPage::Verify),
    ("常用地址", AppPage::Addresses),
    ("收件地址", AppPage::Addresses),
    ("邮寄地址", AppPage::Addresses),
];

/// The app page a query names, if any: the longest of its words found in the query.
pub fn app_page(typed: &str) -> Option<AppPage> {
    let query = normalize_query(typed);
    WORDS
        .iter()
        .filter(|(word, _)| query.contains(word))
        .max_by_key(|(word, _)| word.chars().count())
        .map(|(_, page)| *page)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_lead_to_their_page() {
        assert_eq!(app_page("预约"), Some(AppPage::Book));
        assert_eq!(app_page("我的预约"), Some(AppPage::MyBookings));
        assert_eq!(app_page("怎么取消预约"), Some(AppPage::MyBookings));
        assert_eq!(app_page("查一下办件进度"), Some(AppPage::Progress));
        assert_eq!(app_page("长辈版"), Some(AppPage::Elder));
        assert_eq!(app_page("家庭成员 "), Some(AppPage::Family));
        assert_eq!(app_page("社保卡"), None);
        assert_eq!(
            app_page("家人去世了怎么办"),
            None,
            "家人 alone names no page"
        );
    }
}
