//! Every user-facing phrase, zh-CN first. Pages name a phrase here instead of writing it, so a
//! wording fix (or a second language) is one edit.

mod outcomes;

pub use outcomes::{
    acted_by, booking_status, case_action, case_state, closed_why, day_note, deadline_text,
    field_problem, for_whom, invalid, refusal, upload_problem, wait_status,
};

pub const APP_NAME: &str = "办事";
pub const APP_TAGLINE: &str = "郑州政务服务 · 指尖办 · 周末不打烊";
pub const SEARCH_LABEL: &str = "搜索服务事项";
pub const SEARCH_PLACEHOLDER: &str = "搜索事项，如 社保卡、公积金";
pub const SEARCH_BUTTON: &str = "搜索";
pub const SUGGESTIONS: &str = "搜索建议";
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
pub const BOOK: &str = "预约办理";
pub const APPLY_ONLINE: &str = "在线申办";

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

// Accounts: sign-in, 实名认证, family, addresses, 长辈版.
pub const SIGN_IN: &str = "登录";
pub const SIGN_IN_TITLE: &str = "手机号登录";
pub const SIGN_IN_TO_GO_ON: &str = "请先登录，登录后将继续刚才的操作。";
pub const SIGN_IN_LEAD: &str =
    "未注册的手机号验证后将自动创建账号。手机号仅用于登录和办事通知，加密保存。";
pub const SIGN_IN_REQUIRED: &str = "请先登录";
pub const SIGN_IN_REQUIRED_BODY: &str = "登录后可以预约、申办、查看办件进度。";
pub const SIGN_IN_OR_UP: &str = "登录 / 注册";
pub const SIGN_OUT: &str = "退出登录";
pub const PHONE: &str = "手机号码";
pub const PHONE_HINT: &str = "中国大陆 11 位手机号码";
pub const CODE_LABEL: &str = "短信验证码";
pub const CODE_HINT: &str = "6 位数字，5 分钟内有效";
pub const SEND_CODE: &str = "获取验证码";
pub const RESEND_CODE: &str = "重新获取验证码";
pub const CHANGE_PHONE: &str = "更换手机号";
pub const DEV_OUTBOX: &str = "开发环境：在短信发件箱查看验证码";
pub const OUTBOX_TITLE: &str = "短信发件箱（开发环境）";
pub const OUTBOX_EMPTY: &str = "还没有发出的短信。";
pub const FORBIDDEN_TITLE: &str = "没有权限";
pub const FORBIDDEN_BODY: &str = "您没有权限查看或办理此项内容。";

pub const ME_GUEST_TITLE: &str = "您还没有登录";
pub const VERIFY: &str = "实名认证";
pub const VERIFY_LEAD: &str = "实名认证后才能预约和申办。请填写与身份证一致的姓名和号码，信息加密保存，仅用于办理您申请的事项。";
/// Said plainly on the form: what the check does today, and what it does not.
pub const VERIFY_WHAT_IS_CHECKED: &str = "目前只核对身份证号码的格式和校验位，尚未与公安人口信息比对。请填写本人真实信息，冒用他人身份须承担法律责任；到窗口办理时工作人员会核验身份证原件。";
pub const VERIFY_GO: &str = "去实名认证";
pub const VERIFIED: &str = "已实名";
pub const NOT_VERIFIED: &str = "未实名";
pub const NAME: &str = "姓名";
pub const NAME_HINT: &str = "与身份证上的姓名一致";
pub const ID_NUMBER: &str = "身份证号码";
pub const ID_HINT: &str = "18 位，最后一位可能是 X";
pub const SUBMIT_VERIFY: &str = "提交认证";

pub const FAMILY: &str = "家庭成员";
pub const FAMILY_LEAD: &str = "添加家人后，可以为家人预约和申办（如新生儿出生“一件事”、父母退休“一件事”），每次代办都会记录。";
pub const FAMILY_EMPTY: &str = "还没有添加家庭成员。";
pub const FAMILY_ADD: &str = "添加家庭成员";
pub const FAMILY_NEEDS_VERIFY: &str = "完成实名认证后才能添加家庭成员。";
pub const RELATION: &str = "与您的关系";
pub const CHOOSE: &str = "请选择";
pub const MEMBER_ID_HINT: &str = "子女尚未落户的可不填";
pub const NO_ID_YET: &str = "暂无身份证号码";
pub const REMOVE: &str = "删除";
pub const REMOVE_MEMBER: &str = "删除该家庭成员";

pub const ADDRESSES: &str = "收件地址";
pub const ADDRESSES_LEAD: &str = "办理结果可邮寄到家时使用。";
pub const ADDRESSES_EMPTY: &str = "还没有保存收件地址。";
pub const ADDRESS_ADD: &str = "添加收件地址";
pub const RECIPIENT: &str = "收件人";
pub const CONTACT_PHONE: &str = "联系电话";
pub const REGION: &str = "所在地区";
pub const REGION_HINT: &str = "省、市、区县，如 河南省郑州市金水区";
pub const ADDRESS_DETAIL: &str = "详细地址";
pub const ADDRESS_DETAIL_HINT: &str = "街道、门牌号、楼栋和房间号";
pub const SAVE: &str = "保存";

pub const ELDER: &str = "长辈版";
pub const ELDER_LEAD: &str = "长辈版字号更大、按钮更大、一行只放一项，看得清、点得准。在任何页面点右上角的“长辈版”按钮也可以切换，开启时按钮上写着“已开”。";
pub const ELDER_ON: &str = "切换到长辈版";
pub const ELDER_OFF: &str = "切换到标准版";
pub const ELDER_SWITCH_ON: &str = "长辈版";
pub const ELDER_SWITCH_OFF: &str = "标准版";
pub const ELDER_STATE_ON: &str = "已开启";
pub const ELDER_STATE_OFF: &str = "未开启";

pub const ERASE: &str = "注销账号";
pub const ERASE_LEAD: &str = "注销后：手机号、姓名、身份证号码、家庭成员和收件地址将被删除，无法恢复；已提交的办件记录会匿名保留，以备查询和监督。如有正在办理的事项，建议办结后再注销。";
pub const ERASE_CONFIRM: &str = "确认注销";
pub const ERASE_CHECK: &str = "我已了解：注销后个人信息将被删除，无法恢复";
pub const ERASE_DONE: &str = "账号已注销，您的个人信息已删除。";

// Staff.
pub const STAFF_AREA: &str = "工作人员";
pub const STAFF_SIGN_IN: &str = "工作人员登录";
pub const USERNAME: &str = "用户名";
pub const PASSWORD: &str = "密码";
pub const STAFF_HOME: &str = "工作台";
pub const STAFF_ACCOUNTS: &str = "人员账号管理";
pub const STAFF_NEW: &str = "新建账号";
pub const STAFF_CREATE: &str = "创建账号";
pub const STAFF_EDIT: &str = "编辑账号";
pub const ROLE: &str = "角色";
pub const HALL: &str = "所属大厅";
pub const NO_HALL: &str = "不限大厅";
pub const DEPARTMENTS: &str = "负责部门";
pub const ACTIVE: &str = "启用";
pub const INACTIVE: &str = "已停用";
pub const LOCKED: &str = "已锁定";
pub const RESET_PASSWORD: &str = "重置密码";
pub const FIRST_PASSWORD: &str = "初始密码（只显示这一次，请当面交给本人）";
pub const NEW_PASSWORD: &str = "新密码（只显示这一次，请当面交给本人）";
pub const SAVED: &str = "已保存";

// Search and browse.
pub const SEARCH_TITLE: &str = "搜索";
pub const SEARCH_RESULTS: &str = "搜索结果";
pub const SEARCH_EMPTY_PROMPT: &str = "输入事项名称、常用说法或拼音首字母，如 社保卡、落户、sbk。";
pub const SEARCH_NONE_HINT: &str = "换个说法试试，比如用事项的简称或常用说法；也可以按主题或部门查找，或拨打 12345 政务服务便民热线咨询。";
pub const BROWSE_THEMES: &str = "主题服务";
pub const BROWSE_DEPARTMENTS: &str = "按部门查找";
pub const BROWSE_ALL: &str = "办事";
pub const THEME_ITEMS: &str = "相关事项";
pub const STAFF_SEARCH_MISSES: &str = "无结果的搜索";
pub const SEARCH_MISSES_LEAD: &str = "市民搜索后没有找到合适事项的词，按次数排列（同一地址同一天同样的词只计一次）。可据此补充事项、关键词或同义词。";
pub const SEARCH_MISSES_EMPTY: &str = "暂无记录。";
pub const TIMES: &str = "次数";
pub const LAST_SEARCHED: &str = "最近";

/// "找到 3 个事项".
pub fn found(n: usize) -> String {
    format!("找到 {n} 个相关事项")
}

/// "没有找到与“驾照”相关的事项".
pub fn found_none(query: &str) -> String {
    format!("没有找到与“{query}”相关的事项")
}

/// The page of the app a search names, and where it is.
pub fn app_page(page: domain::search::AppPage) -> (&'static str, &'static str) {
    use domain::search::AppPage;
    match page {
        AppPage::Book => ("预约办理", "/book"),
        AppPage::MyBookings => ("我的预约", "/me/bookings"),
        AppPage::Progress => ("办件进度", "/progress"),
        AppPage::Elder => ("长辈版（大字、简洁）", "/me/elder"),
        AppPage::Family => ("家庭成员", "/me/family"),
        AppPage::Verify => ("实名认证", "/me/verify"),
        AppPage::Addresses => ("常用地址", "/me/addresses"),
    }
}

pub const SEARCH_APP_PAGE: &str = "前往";

/// "前往 我的预约".
pub fn go_to(label: &str) -> String {
    format!("{SEARCH_APP_PAGE} {label}")
}
pub const SEARCH_WEAK_HINT: &str =
    "没有完全对应的事项。可以按下面的主题查找，或拨打 12345 政务服务便民热线咨询。";
pub const SEARCH_MAYBE: &str = "可能相关的事项";
pub const SEARCH_HOTLINE: &str = "拨打 12345";

/// "没有找到与“护照”完全对应的事项".
pub fn found_weak(query: &str) -> String {
    format!("没有找到与“{query}”完全对应的事项")
}

/// "12 项".
pub fn item_count(n: usize) -> String {
    format!("{n} 项")
}

/// Which check an account's 实名认证 passed (`domain::VerifyLevel`).
pub fn verify_level(level: Option<domain::VerifyLevel>) -> &'static str {
    match level {
        Some(domain::VerifyLevel::Authority) => "已通过公安人口信息比对",
        Some(domain::VerifyLevel::Number) | None => "已核对身份证号码格式，尚未与公安人口信息比对",
    }
}

// Citizen trial fixes: booking feedback, back navigation, 长辈版.
pub const ELDER_SWITCH: &str = "长辈版";
pub const ELDER_SWITCH_IS_ON: &str = "已开";
pub const BOOKED_DONE: &str = "预约成功。到大厅后出示下方二维码或报预约码签到。";
pub const MOVED_DONE: &str = "改约成功，预约码不变。请以下方的新时间为准，日历中的提醒请重新添加。";
pub const CANCELLED_DONE: &str =
    "已取消预约，名额已释放。如已添加到日历，请下载取消文件以从日历中删除。";
pub const CANCELLED_BY_CITIZEN: &str = "这个预约已由您取消。";
pub const CANCELLED_BY_HALL: &str = "大厅停办，这个预约已被取消，短信已通知您。";
pub const BOOKING_OVER: &str = "这个预约已结束。";
pub const ADD_TO_CALENDAR: &str = "添加到日历";
pub const REMOVE_FROM_CALENDAR: &str = "从日历中删除（下载取消文件）";
pub const CANCEL_BOOKING: &str = "取消预约";
pub const CANCEL_ASK: &str = "确定取消这个预约吗？";
pub const CANCEL_ASK_HINT: &str = "取消后名额会让给其他人，如需再来需要重新预约。";
pub const CANCEL_CONFIRM: &str = "确定取消";
pub const CANCEL_KEEP: &str = "不取消，保留预约";
pub const RESCHEDULE: &str = "改约";
pub const CURRENT_SLOT: &str = "当前预约";
pub const GUIDE_DETAILS: &str = "事项信息";
pub const WAITING_DONE: &str =
    "已加入候补。有人取消时按排队顺序为您保留名额 15 分钟，并短信通知您确认。";
pub const LEFT_WAIT_DONE: &str = "已退出候补。";
