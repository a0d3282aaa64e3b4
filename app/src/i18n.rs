//! Every user-facing phrase, zh-CN first. Pages name a phrase here instead of writing it, so a
//! wording fix (or a second language) is one edit.

pub const APP_NAME: &str = "办事";
pub const APP_TAGLINE: &str = "郑州政务服务 · 指尖办 · 周末不打烊";
pub const SEARCH_LABEL: &str = "搜索服务事项";
pub const SEARCH_PLACEHOLDER: &str = "搜索事项，如 社保卡、公积金";
pub const SEARCH_BUTTON: &str = "搜索";
pub const HOT_SERVICES: &str = "热门服务";
pub const WEEKEND_TITLE: &str = "周末不打烊";
pub const BACK: &str = "返回";
pub const HOME: &str = "返回首页";

pub const TAB_HOME: &str = "首页";
pub const TAB_SERVICES: &str = "办事";
pub const TAB_PROGRESS: &str = "进度";
pub const TAB_ME: &str = "我的";
pub const TABS_LABEL: &str = "主导航";

pub const NOT_FOUND_TITLE: &str = "页面不存在";
pub const NOT_FOUND_BODY: &str = "您访问的页面或事项不存在，可能已调整或下线。可返回首页重新查找，或拨打 12345 政务服务便民热线咨询。";
pub const UNAVAILABLE_TITLE: &str = "服务暂时不可用";
pub const UNAVAILABLE_BODY: &str =
    "系统暂时繁忙，请稍后刷新重试；如急需办理，可拨打 12345 政务服务便民热线。";
pub const BAD_INPUT_TITLE: &str = "请求有误";

pub const GUIDE: &str = "办事指南";
pub const TIME_LIMIT: &str = "办结时限";
pub const VISITS: &str = "到场次数";
pub const ZERO_VISITS: &str = "0 次（零跑动）";
pub const DEPTH: &str = "网办深度";
pub const CASE_TYPE: &str = "办件类型";
pub const CATEGORY: &str = "事项类型";
pub const CODE: &str = "实施编码";
pub const DEPARTMENT: &str = "实施部门";
pub const CONDITIONS: &str = "受理条件";
pub const MATERIALS: &str = "申请材料";
pub const MATERIALS_ALL: &str = "全部";
pub const MATERIALS_REQUIRED: &str = "仅看必交";
pub const MATERIALS_FILTER: &str = "材料筛选";
pub const REQUIRED: &str = "必交";
pub const OPTIONAL: &str = "按需提交";
pub const SOURCE: &str = "材料来源";
pub const ORIGINALS: &str = "原件";
pub const COPIES: &str = "复印件";
pub const NO_PAPER: &str = "无需提交纸质材料";
pub const NOTE: &str = "注意事项";
pub const BLANK_FORM: &str = "空白表格";
pub const SAMPLE: &str = "示例样表";
pub const STEPS: &str = "办理流程";
pub const FEE: &str = "收费标准";
pub const FEE_SECTION: &str = "收费与依据";
pub const FEE_BASIS: &str = "收费依据";
pub const LEGAL_BASIS: &str = "设定依据";
pub const WHERE_WHEN: &str = "地点与时间";
pub const LOCATION: &str = "办理地点";
pub const HOURS: &str = "办理时间";
pub const CONSULT_PHONE: &str = "咨询电话";
pub const SUPERVISE_PHONE: &str = "监督投诉电话";
pub const SCOPE: &str = "通办范围";
pub const WEEKEND_OK: &str = "周末可办";
pub const POSTAL_OK: &str = "可邮寄送达";
pub const BOOKABLE: &str = "可预约";

pub const COMING_SOON: &str = "正在建设中";

/// Unit shown after a count of copies or originals.
pub fn copies(n: u8) -> String {
    format!(" {n} 份")
}

pub fn visits(n: u8) -> String {
    format!("{n} 次")
}

pub fn depth(numeral: &str) -> String {
    format!("{numeral} 级")
}
