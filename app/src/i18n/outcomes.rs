//! The words for what the backend answers typed: refusals, input that does not parse, and
//! the states a booking or a day is in. The one place they are worded.

use domain::booking::{BookingStatus, ClosedWhy, ForWhom, WaitStatus, WaitView, when_text};
use domain::calendar::DayKind;
use domain::case::{ActedBy, CaseAction, CaseState, Deadline, FieldProblem, Running};
use domain::{
    Choice, IdError, Invalid, NameError, OtpError, PasswordError, PhoneError, Refusal, Relation,
    UsernameError, booking::ScheduleError,
};

/// A rule's refusal, as the citizen (or clerk) reads it.
pub fn refusal(refusal: &Refusal) -> String {
    use Refusal as R;
    let plain = |s: &str| s.to_owned();
    match refusal {
        R::StaffSignIn => plain(
            "用户名或密码不正确。连续输错 5 次，账号将锁定 15 分钟；如已锁定，请稍后再试或联系管理员",
        ),
        R::StaffDisabled => plain("该账号已停用，请联系管理员"),
        R::CodeDailyLimit => plain("该号码今天获取验证码的次数已达上限，请明天再试"),
        R::CodeWrong { tries_left } => format!("验证码不正确，还可以再试 {tries_left} 次"),
        R::CodeTooManyTries => plain("验证码错误次数过多，请重新获取验证码"),
        R::CodeExpired => plain("验证码已过期，请重新获取"),
        R::NoCode => plain("请先获取验证码"),
        R::VerifyTooOften => {
            plain("实名认证尝试次数过多，请 1 小时后再试，或携带身份证到政务服务大厅办理")
        }
        R::AlreadyVerified => {
            plain("您已完成实名认证；如需更正，请携带身份证到政务服务大厅窗口办理")
        }
        R::NameIdMismatch => plain("姓名与身份证号码不一致，请核对后重新输入"),
        R::IdOnAnotherAccount => plain(
            "该身份证号码已在其他账号完成实名认证。如非本人操作，请携带身份证到政务服务大厅窗口处理",
        ),
        R::NotVerified => plain("请先完成实名认证，再办理此项"),
        R::SelfAsMember => plain("不能把自己添加为家庭成员"),
        R::MemberListed => plain("该身份证号码已在您的家庭成员中"),
        R::FamilyFull { max } => format!("最多可添加 {max} 位家庭成员"),
        R::RelationTaken(relation) => {
            format!("您已添加{}；如需更换，请先删除原来的", relation.label())
        }
        R::MemberRepeated {
            relation,
            name_masked,
        } => format!(
            "已添加过未填身份证号码的{}“{name_masked}”，请勿重复添加",
            relation.label()
        ),
        R::BirthOrder(Relation::Parent) => {
            plain("父母的出生日期应早于您的出生日期，请核对身份证号码")
        }
        R::BirthOrder(_) => plain("子女的出生日期应晚于您的出生日期，请核对身份证号码"),
        R::AddressesFull { max } => format!("最多可保存 {max} 个收件地址"),
        R::UsernameTaken { username } => format!(
            "用户名 {username} 已被使用。如果是刚创建的账号而没有记下初始密码，请打开该账号重置密码"
        ),
        R::SelfDemote => plain("不能停用自己的账号或取消自己的管理角色"),
        R::NoHall => plain("您的账号没有所属大厅"),
        R::FormExpired => plain("表单已过期，请返回重新选择"),
        R::Suspended {
            until,
            no_shows,
            window_days,
        } => format!(
            "您近 {window_days} 天内爽约 {no_shows} 次，{} 前暂停预约",
            when_text(*until)
        ),
        R::TooManyBookings { max } => {
            format!("您已有 {max} 个待办理的预约，办理或取消后才能再约")
        }
        R::SameDay { kept: false } => plain("这一天已为此人预约过这个事项，不能重复预约"),
        R::SameDay { kept: true } => plain("这一天已为此人预约过这个事项，原预约保留不变"),
        R::HallClosed => plain("大厅这一天停办，请选择其他日期"),
        R::SlotFull { kept: false } => {
            plain("这个时段已约满，请选择其他时段，或在约满的日子加入候补")
        }
        R::SlotFull { kept: true } => plain("新时段已约满，原预约保留不变，请另选时段"),
        R::Holiday { name } => format!("这一天不能预约：{name}放假"),
        R::NotReleased { opens } => {
            format!("这一天的号源将于 {} 放出，请到时再约", when_text(*opens))
        }
        R::SlotPastCutoff => plain("这个时段已过预约截止时间，请选择其他时段"),
        R::NotCancellable => plain("这个预约已不能取消"),
        R::NotMovable => plain("这个预约已不能改约"),
        R::PastChangeCutoff { minutes } => {
            format!("已过取消和改约截止时间（开始前 {minutes} 分钟）")
        }
        R::DayHasRoom => plain("这一天还有空余号源，请直接预约"),
        R::AlreadyWaiting => plain("您已在这一天的候补队列中"),
        R::OfferPastCutoff => plain("这个时段已过预约截止时间，候补名额作废"),
        R::OfferExpired => plain("这个候补名额已过保留时间，已顺延给下一位"),
        R::NoSuchBooking => plain("没有找到这个预约码，或它不在本大厅您负责的窗口，请核对"),
        R::NoSuchTicket => plain("没有这个号，或它已办结、不属于您负责的窗口"),
        R::CheckInTooEarly { from } => {
            format!("还未到签到时间，{} 起可签到", when_text(*from))
        }
        R::CheckInTooLate { late_minutes } => {
            format!("已超过签到时间（开始后 {late_minutes} 分钟），请按现场取号办理")
        }
        R::CheckInStatus(status) => format!("这个预约{}，不能签到", booking_status(*status)),
        R::ClosePast => plain("不能停办已经过去的日子"),
        R::AlreadyClosed => plain("这一天已经停办"),
        R::NotOnline => plain("这个事项暂不支持在线申办，请按办事指南到大厅窗口办理"),
        R::CaseNotNow(state) => format!(
            "办件当前{}，不能进行这项操作，请刷新后查看",
            case_state(*state)
        ),
        R::NotImmediate => plain("只有即办件可以当场办结"),
        R::CaseClosedForChanges => plain("办件已提交，不能再修改；如需补正，工作人员会通知您"),
    }
}

/// A case's state, as a chip on the list and the case page.
pub fn case_state(state: CaseState) -> &'static str {
    match state {
        CaseState::Draft => "草稿",
        CaseState::Submitted => "已提交",
        CaseState::Waiting => "等待前序事项",
        CaseState::Accepted => "已受理",
        CaseState::NeedsSupplement => "需补正",
        CaseState::NotAccepted => "不予受理",
        CaseState::UnderReview => "审查中",
        CaseState::Approved => "准予",
        CaseState::Denied => "不予许可",
        CaseState::Concluded => "已办结",
        CaseState::Delivered => "已送达",
        CaseState::PickedUp => "已领取",
        CaseState::Withdrawn => "已撤回",
    }
}

/// A step of a case, on its timeline and on the staff member's buttons.
pub fn case_action(action: CaseAction) -> &'static str {
    match action {
        CaseAction::Submit => "提交申请",
        CaseAction::Accept => "受理",
        CaseAction::AskSupplement => "要求补正材料",
        CaseAction::NotAccept => "不予受理",
        CaseAction::Resubmit => "补正后重新提交",
        CaseAction::StartReview => "开始审查",
        CaseAction::ReturnForSupplement => "审查中退回补正",
        CaseAction::Approve => "准予许可",
        CaseAction::Deny => "不予许可",
        CaseAction::Conclude => "出具结果，办结",
        CaseAction::Deliver => "已寄达",
        CaseAction::PickUp => "已领取",
        CaseAction::Withdraw => "撤回申请",
        CaseAction::FinishAtOnce => "当场办结",
        CaseAction::Release => "前序事项已办结，自动提交",
    }
}

/// Who took a step, as the citizen sees it.
pub fn acted_by(by: &ActedBy) -> String {
    match by {
        ActedBy::Applicant => "申请人".to_owned(),
        ActedBy::Clerk { department_name } => format!("{department_name} · 受理窗口"),
        ActedBy::Approver { department_name } => format!("{department_name} · 审批人员"),
        ActedBy::Bundle => "一件事联办".to_owned(),
    }
}

/// The promised limit's clock in a line: days left, due today, overdue, paused, or how it
/// ended; an estimate says so.
pub fn deadline_text(d: &Deadline) -> String {
    let estimate = if d.firm { "" } else { "（预计）" };
    match d.running {
        Running::Running if d.days_left > 0 => {
            let due = d
                .due
                .map(|r| format!("，{}月{}日前办结", r.date.month(), r.date.day()))
                .unwrap_or_default();
            format!("剩 {} 个工作日{due}{estimate}", d.days_left)
        }
        Running::Running if d.days_left == 0 => format!("今天到期{estimate}"),
        Running::Running => format!("已超期 {} 个工作日", -d.days_left),
        Running::Paused => format!(
            "等待补正，暂停计时（补正后还剩 {} 个工作日）",
            d.days_left.max(0)
        ),
        Running::Stopped { on_time: true } => "在承诺时限内办结".to_owned(),
        Running::Stopped { on_time: false } => "超过承诺时限办结".to_owned(),
    }
}

/// What is wrong with one answer of an application form.
pub fn field_problem(problem: FieldProblem) -> String {
    match problem {
        FieldProblem::Missing => "请填写此项".to_owned(),
        FieldProblem::NoFile => "请上传这份材料".to_owned(),
        FieldProblem::TooLong { max_chars } => format!("不能超过 {max_chars} 个字"),
        FieldProblem::NotANumber => "请填写数字".to_owned(),
        FieldProblem::OutOfRange { min, max } => format!("请填写 {min} 至 {max} 之间的数"),
        FieldProblem::NotADate => "日期格式应为 2026-12-05".to_owned(),
        FieldProblem::InTheFuture => "日期不能晚于今天".to_owned(),
        FieldProblem::NotAChoice => "请从选项中选择".to_owned(),
        FieldProblem::IdNumber(e) => id_error(e),
        FieldProblem::Phone(e) => phone_error(e).to_owned(),
        FieldProblem::Name(e) => name_error(e).to_owned(),
        FieldProblem::Ineligible => "不符合这项一件事的办理条件".to_owned(),
    }
}

/// What was wrong with what was typed.
pub fn invalid(invalid: &Invalid) -> String {
    use Invalid as I;
    match invalid {
        I::IdNumber(e) => id_error(*e),
        I::Phone(e) => phone_error(*e).to_owned(),
        I::Name(e) => name_error(*e).to_owned(),
        I::Otp(OtpError::Shape) => "请输入短信中的 6 位数字验证码".to_owned(),
        I::Username(UsernameError::Shape) => {
            "用户名应为 3 至 32 位，以字母开头，只含小写字母、数字和 . _ -".to_owned()
        }
        I::Password(e) => match e {
            PasswordError::TooShort => "密码至少 12 位",
            PasswordError::TooLong => "密码不能超过 128 位",
            PasswordError::ContainsUsername => "密码不能与用户名相同或包含用户名",
        }
        .to_owned(),
        I::Schedule(e) => match e {
            ScheduleError::BadPeriods => "时段格式应为 09:00-12:00，多个时段用逗号分开",
            ScheduleError::Overlap => "时段不能重叠，且须从早到晚",
            ScheduleError::Zero => "窗口数、每个号段的时长和人数都须大于 0",
        }
        .to_owned(),
        I::Recipient(e) => format!("收件人：{}", name_error(*e)),
        I::ContactPhone(e) => format!("联系电话：{}", phone_error(*e)),
        I::Region => "请填写所在地区（省、市、区县），如 河南省郑州市金水区".to_owned(),
        I::AddressDetail => "请填写详细地址（街道、门牌号、楼栋和房间号），4 至 120 字".to_owned(),
        I::BookingCode => "预约码应为 8 位字母和数字，请核对".to_owned(),
        I::Date => "日期格式应为 2026-12-05".to_owned(),
        I::Choose(choice) => match choice {
            Choice::Relation => "请选择家庭成员与您的关系",
            Choice::Role => "请选择角色",
            Choice::Hall => "所选大厅不存在",
            Choice::Department => "所选部门不存在",
            Choice::ForWhom => "请选择为谁预约",
            Choice::Slot => "请选择一个时段",
            Choice::DayKind => "请选择放假或调休上班",
        }
        .to_owned(),
        I::MemberIdNeeded(relation) => format!("请填写{}的身份证号码", relation.label()),
        I::StaffName => "请填写 2 至 30 字的姓名".to_owned(),
        I::DepartmentsNeeded => "受理和审批人员至少要负责一个部门".to_owned(),
        I::CloseReason => "请写明停办原因（40 字以内），它会发给已预约的群众".to_owned(),
        I::HolidayName => "请填写节日名称（20 字以内）".to_owned(),
        I::ConfirmErase => "请先勾选“我已了解”，再确认注销".to_owned(),
        I::Arguments => "请求参数有误，请返回重试".to_owned(),
        I::Form(problems) => format!("有 {} 项需要修改，请看标出的地方", problems.len()),
        I::ReasonNeeded => "请写明原因（200 字以内），申请人会看到".to_owned(),
        I::CaseNumber => "办件编号应为 15 位（14 位数字加 1 位校验码），请逐位核对".to_owned(),
        I::PhoneTail => "请输入申请人手机号码的后 4 位数字".to_owned(),
        I::TrackingNumber => "请填写快递单号（8 至 30 位字母或数字）".to_owned(),
        I::PickupCode => "取件码不对，请核对申请人出示的 6 位取件码".to_owned(),
        I::Upload(problem) => upload_problem(*problem),
    }
}

/// Why an uploaded file was not taken; the draft is kept in every case, so each says what to do.
pub fn upload_problem(problem: domain::case::UploadProblem) -> String {
    use domain::case::UploadProblem as U;
    match problem {
        U::Empty => "请先选择要上传的文件".to_owned(),
        U::NotAllowedType => {
            "只能上传照片（JPG、PNG）或 PDF 文件；这个文件不是这几种格式，改了文件名也不行"
                .to_owned()
        }
        U::TooBig { max_mb } => {
            format!("文件太大：每个文件不能超过 {max_mb} MB，可以拍得小一些或压缩后再传")
        }
        U::CaseFull { max_mb } => {
            format!("这个办件的材料合计不能超过 {max_mb} MB，请先删除不需要的文件")
        }
        U::TooMany { max } => format!("这个办件最多上传 {max} 个文件，请先删除不需要的文件"),
        U::Interrupted => "上传中断了，文件没有保存，请重新上传；已填写的内容都在".to_owned(),
        U::UnknownField => "这份材料不在申请表中，请返回重试".to_owned(),
    }
}

fn id_error(e: IdError) -> String {
    match e {
        IdError::Length(n) => return format!("身份证号码应为 18 位，您输入了 {n} 位"),
        IdError::Character => "身份证号码前 17 位应为数字，最后一位为数字或 X",
        IdError::AddressCode => "身份证号码前 6 位不是有效的地区代码",
        IdError::BirthDate => "身份证号码中的出生日期无效",
        IdError::FutureBirthDate => "身份证号码中的出生日期晚于今天",
        IdError::Checksum => "身份证号码校验位不正确，请逐位核对",
    }
    .to_owned()
}

fn phone_error(e: PhoneError) -> &'static str {
    match e {
        PhoneError::Length => "请输入 11 位手机号码",
        PhoneError::Character => "手机号码只能包含数字",
        PhoneError::Prefix => "请输入以 13–19 开头的中国大陆手机号码",
    }
}

fn name_error(e: NameError) -> &'static str {
    match e {
        NameError::Empty => "请输入姓名",
        NameError::Length => "姓名应为 2 至 30 个字",
        NameError::Character => "姓名只能包含汉字、字母和间隔号“·”",
        NameError::Dot => "间隔号“·”只能在姓名中间，且不能连用",
    }
}

pub fn booking_status(status: BookingStatus) -> &'static str {
    match status {
        BookingStatus::Booked => "待办理",
        BookingStatus::CheckedIn => "已签到",
        BookingStatus::Done => "已办结",
        BookingStatus::Cancelled => "已取消",
        BookingStatus::NoShow => "爽约",
        BookingStatus::Closed => "大厅停办，已取消",
    }
}

/// A waitlist place's state: its position while waiting, its hold while offered.
pub fn wait_status(w: &WaitView) -> String {
    let when = |at: Option<i64>| at.map(when_text).unwrap_or_default();
    match w.status {
        WaitStatus::Waiting => format!("排队中，第 {} 位", w.position.unwrap_or(0)),
        WaitStatus::Offered => format!(
            "有空位：{}，保留到 {}",
            when(w.offer_start),
            when(w.offer_until)
        ),
        WaitStatus::Accepted => "已转为预约".to_owned(),
        WaitStatus::Expired => "已结束".to_owned(),
        WaitStatus::Left => "已退出".to_owned(),
    }
}

/// Why a day takes no bookings.
pub fn closed_why(why: &ClosedWhy) -> String {
    match why {
        ClosedWhy::HallClosed { reason } => format!("大厅停办：{reason}"),
        ClosedWhy::Holiday { name } => format!("{name}放假"),
        ClosedWhy::Weekend => "周末不开放".to_owned(),
        ClosedWhy::NoHours => "不开放".to_owned(),
    }
}

/// The note under a day: a holiday's name, or that a weekend day is worked (调休).
pub fn day_note(kind: &DayKind) -> Option<String> {
    match kind {
        DayKind::Holiday(name) => Some(name.clone()),
        DayKind::MakeupWorkday(_) => Some("调休上班".to_owned()),
        DayKind::Workday | DayKind::Weekend => None,
    }
}

/// Whom a booking is for: "本人", or a member's masked name and relation.
pub fn for_whom(who: &ForWhom) -> String {
    match who {
        ForWhom::Myself => "本人".to_owned(),
        ForWhom::Member {
            name_masked,
            relation,
        } => format!(
            "{name_masked}（{}）",
            relation.map_or("家人", Relation::label)
        ),
        ForWhom::FormerMember => "家庭成员".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figures_are_carried_into_the_words() {
        assert_eq!(
            invalid(&Invalid::IdNumber(IdError::Length(16))),
            "身份证号码应为 18 位，您输入了 16 位"
        );
        assert_eq!(
            refusal(&Refusal::CodeWrong { tries_left: 2 }),
            "验证码不正确，还可以再试 2 次"
        );
        assert_eq!(
            refusal(&Refusal::CheckInStatus(BookingStatus::Cancelled)),
            "这个预约已取消，不能签到"
        );
        assert_eq!(
            invalid(&Invalid::Recipient(NameError::Empty)),
            "收件人：请输入姓名"
        );
    }
}
