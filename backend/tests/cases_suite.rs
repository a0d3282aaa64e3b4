//! The case service on both stores: a citizen applies, a clerk asks for a supplement, the
//! citizen supplies it, the clerk accepts, an approver sends it back once and approves, the
//! result is issued and collected; double submits, concurrent numbers, who sees what, and
//! the deadline clock across a supplement.

mod support;

use backend::Error;
use backend::cases::uploads::{Receiving, Stop};
use backend::cases::{Decision, QueueFilter, StartForm};
use domain::case::{Answers, CaseAction, CaseState, FieldKey, FieldProblem, Running};
use domain::{Invalid, Refusal, StaffRole};
use support::people::{signed_in_citizen, verified_citizen};
use support::{Walk, answers, seeded, services, staff};

/// 居住证申领 (公安): 网办 Ⅱ, promised in 5 working days, results by post.
const RESIDENCE: &str = "11410100005252014Q4000107004";
/// 住宅专项维修资金交存: guide only (网办 Ⅰ).
const GUIDE_ONLY: &str = "11410100005253829P4000120001";

fn refused<T: std::fmt::Debug>(r: Result<T, Error>) -> Refusal {
    match r {
        Err(Error::Refused(refusal)) => refusal,
        other => panic!("expected a refusal, got {other:?}"),
    }
}

/// What 居住证申领 asks on its first step (its own fields from the seed).
const RESIDENCE_FACTS: [(&str, &str); 3] = [
    ("residence.address", "金水区花园路 88 号 3 号楼 501"),
    ("residence.since", "2025-03-01"),
    ("application.reason", "在郑州工作"),
];

/// A small JPEG whose EXIF names where it was taken.
const PHOTO: &[u8] = b"\xff\xd8\xff\xe1\x00\x0bExif\0\0GPS\xff\xda\x00\x02\x01\x02\x03\xff\xd9";

/// Receives `bytes` as an upload would (in chunks) and attaches it to field `key`.
async fn upload(
    s: &backend::Services,
    citizen: i64,
    case_id: i64,
    key: &str,
    bytes: &[u8],
) -> Result<i64, Error> {
    let mut r = Receiving::begin(s.cases.blobs().as_ref()).await?;
    for chunk in bytes.chunks(7) {
        if let Err(stop) = r.push(chunk).await {
            return Err(stop_error(stop));
        }
    }
    let staged = r.finish().await.map_err(stop_error)?;
    s.cases.attach(citizen, case_id, key, staged).await
}

fn stop_error(stop: Stop) -> Error {
    match stop {
        Stop::Problem(p) => Error::Invalid(Invalid::Upload(p)),
        Stop::Failed(e) => e,
    }
}

fn start(item: &str, key: &str) -> StartForm {
    StartForm {
        item: item.into(),
        member_id: None,
        request_key: key.into(),
    }
}

/// A draft of 居住证申领 filled in for pickup, ready to submit.
async fn filled_draft(s: &backend::Services, citizen: i64, key: &str) -> i64 {
    let id = s
        .cases
        .start(citizen, &start(RESIDENCE, key))
        .await
        .unwrap();
    s.cases
        .save(citizen, id, 0, &answers(&RESIDENCE_FACTS), true)
        .await
        .unwrap();
    upload(s, citizen, id, "material.m1", PHOTO).await.unwrap();
    upload(s, citizen, id, "material.m2", b"%PDF-1.4 lease")
        .await
        .unwrap();
    s.cases
        .save(citizen, id, 1, &Answers::new(), true)
        .await
        .unwrap();
    s.cases
        .save(
            citizen,
            id,
            2,
            &answers(&[("delivery.method", "pickup")]),
            true,
        )
        .await
        .unwrap();
    id
}

async fn a_case_runs_from_application_to_collection(url: String) {
    let store = seeded(&url).await;
    let (s, clock) = services(store);
    let c = verified_citizen(&s, 1).await;
    let clerk = staff(10, StaffRole::Clerk, &["ga"]);
    let approver = staff(11, StaffRole::Approver, &["ga"]);

    // A draft, saved without checks, then step by step.
    let id = s.cases.start(c.id, &start(RESIDENCE, "k1")).await.unwrap();
    assert_eq!(
        s.cases.start(c.id, &start(RESIDENCE, "k1")).await.unwrap(),
        id,
        "the same form twice starts one draft"
    );
    s.cases
        .save(c.id, id, 0, &answers(&RESIDENCE_FACTS), true)
        .await
        .unwrap();
    s.cases
        .save(c.id, id, 2, &answers(&[("delivery.method", "fly")]), false)
        .await
        .expect("a draft keeps whatever was typed");
    let wrong = s
        .cases
        .save(c.id, id, 2, &answers(&[("delivery.method", "fly")]), true)
        .await;
    assert!(matches!(
        wrong,
        Err(Error::Invalid(Invalid::Form(ref p)))
            if p == &[(FieldKey::parse("delivery.method").unwrap(), FieldProblem::NotAChoice)]
    ));
    s.cases
        .save(
            c.id,
            id,
            2,
            &answers(&[("delivery.method", "pickup")]),
            true,
        )
        .await
        .unwrap();

    // The required materials must be there before the case goes in.
    let missing = s.cases.submit(c.id, id).await;
    assert!(matches!(
        missing,
        Err(Error::Invalid(Invalid::Form(ref p)))
            if p == &[
                (FieldKey::parse("material.m1").unwrap(), FieldProblem::NoFile),
                (FieldKey::parse("material.m2").unwrap(), FieldProblem::NoFile),
            ]
    ));
    upload(&s, c.id, id, "material.m1", PHOTO).await.unwrap();
    upload(&s, c.id, id, "material.m2", b"%PDF-1.7 lease")
        .await
        .unwrap();

    // Submitted twice (a double tap): one number, one event.
    let first = s.cases.submit(c.id, id).await.unwrap();
    let again = s.cases.submit(c.id, id).await.unwrap();
    assert_eq!(first.summary.state, CaseState::Submitted);
    assert!(first.summary.number.is_some());
    assert_eq!(first.summary.number, again.summary.number);
    assert_eq!(again.timeline.len(), 1);
    assert_eq!(first.summary.deadline, None, "no clock before 受理");

    // The citizen is texted the number at once.
    let number = first.summary.number.clone().unwrap();
    let texts = |s: backend::Services, phone: String| async move {
        let out = s.accounts.outbox(&phone).await.unwrap();
        out.into_iter().map(|m| m.body).collect::<Vec<_>>()
    };
    assert!(
        texts(s.clone(), c.phone.clone())
            .await
            .iter()
            .any(|t| t.contains("已提交") && t.contains(&number)),
        "a text with the number"
    );

    // The clerk asks for a supplement, with a reason; the citizen supplies it.
    assert_eq!(
        s.cases
            .act(&clerk, id, CaseAction::AskSupplement, " ")
            .await
            .unwrap_err()
            .to_string(),
        Error::Invalid(Invalid::ReasonNeeded).to_string()
    );
    s.cases
        .decide(
            &clerk,
            id,
            &Decision {
                wanted: vec!["material.m2".into(), "not.a_field".into()],
                ..Decision::new(CaseAction::AskSupplement, "照片不清晰")
            },
        )
        .await
        .unwrap();
    assert!(
        texts(s.clone(), c.phone.clone())
            .await
            .iter()
            .any(|t| t.contains("需要补正") && t.contains("照片不清晰")),
        "the reason is texted"
    );
    let waiting = s.cases.my_case(c.id, id).await.unwrap();
    assert_eq!(waiting.summary.state, CaseState::NeedsSupplement);
    assert_eq!(waiting.timeline[1].note.as_deref(), Some("照片不清晰"));
    assert_eq!(
        waiting.timeline[1].wanted,
        [("material.m2".to_owned(), "居住证明".to_owned())],
        "only fields of the form are asked for"
    );
    upload(&s, c.id, id, "material.m2", b"%PDF-1.7 lease, clearer")
        .await
        .unwrap();
    assert_eq!(s.cases.my_case(c.id, id).await.unwrap().files.len(), 3);
    s.cases.submit(c.id, id).await.unwrap();
    // Once in, the materials are closed to changes.
    assert_eq!(
        refused(upload(&s, c.id, id, "material.m2", PHOTO).await),
        Refusal::CaseClosedForChanges
    );

    // Accepted on Monday 30 November: five working days, due Monday 7 December.
    clock.advance(2 * 86_400);
    s.cases
        .act(&clerk, id, CaseAction::Accept, "")
        .await
        .unwrap();
    let accepted = s.cases.my_case(c.id, id).await.unwrap();
    let d = accepted.summary.deadline.expect("the clock runs");
    assert_eq!(d.running, Running::Running);
    assert_eq!(d.days_left, 5);
    assert_eq!(d.due.unwrap().date.to_string(), "2026-12-07");

    // The approver sends it back on Wednesday (2 days used); the citizen resubmits on
    // Friday; accepted again, 3 days are left: due Wednesday 9 December.
    clock.advance(2 * 86_400);
    s.cases
        .act(&approver, id, CaseAction::StartReview, "")
        .await
        .unwrap();
    s.cases
        .act(
            &approver,
            id,
            CaseAction::ReturnForSupplement,
            "缺少租房合同",
        )
        .await
        .unwrap();
    let paused = s
        .cases
        .my_case(c.id, id)
        .await
        .unwrap()
        .summary
        .deadline
        .unwrap();
    assert_eq!(
        (paused.running, paused.used, paused.days_left),
        (Running::Paused, 2, 3)
    );
    clock.advance(2 * 86_400);
    s.cases.submit(c.id, id).await.unwrap();
    s.cases
        .act(&clerk, id, CaseAction::Accept, "")
        .await
        .unwrap();
    let resumed = s
        .cases
        .my_case(c.id, id)
        .await
        .unwrap()
        .summary
        .deadline
        .unwrap();
    assert_eq!(resumed.due.unwrap().date.to_string(), "2026-12-09");
    assert_eq!(resumed.days_left, 3);

    // Reviewed, approved, issued, collected.
    s.cases
        .act(&approver, id, CaseAction::StartReview, "")
        .await
        .unwrap();
    s.cases
        .act(&approver, id, CaseAction::Approve, "")
        .await
        .unwrap();
    s.cases
        .act(&clerk, id, CaseAction::Conclude, "")
        .await
        .unwrap();

    // The result: a pickup code only the applicant sees, and a signed certificate.
    let issued = s.cases.my_case(c.id, id).await.unwrap();
    let result = issued.result.expect("a result");
    let code = result.pickup_code.clone().expect("a pickup code");
    assert_eq!(code.len(), 6);
    let seen_by_clerk = s
        .cases
        .staff_case(&clerk, id)
        .await
        .unwrap()
        .result
        .unwrap();
    assert_eq!(
        seen_by_clerk.pickup_code, None,
        "the clerk asks for it instead"
    );
    let certificate = result.certificate.expect("a 行政确认 yields a certificate");
    assert_eq!(certificate.item_name, "居住证申领");
    assert_eq!(certificate.case_number, number);
    assert!(!certificate.holder_masked.is_empty());
    let signature = result.signature.expect("signed");
    assert_eq!(
        s.cases
            .verify(&certificate.code, Some(&signature))
            .await
            .unwrap(),
        domain::case::Verification::Valid(certificate.clone())
    );
    assert_eq!(
        s.cases.verify(&certificate.code, None).await.unwrap(),
        domain::case::Verification::Valid(certificate.clone()),
        "typed in by hand, without the QR code's signature"
    );
    let forged = format!("00{}", &signature[2..]);
    for (code, sig) in [
        (certificate.code.as_str(), Some(forged.as_str())),
        ("ABCDEFGH23456789", None),
        ("not a code", None),
    ] {
        assert_eq!(
            s.cases.verify(code, sig).await.unwrap(),
            domain::case::Verification::Unknown
        );
    }

    // Collected against the code the applicant shows.
    let wrong_code = if code == "000000" { "111111" } else { "000000" };
    let pick_up = |shown: &str| Decision {
        pickup_code: shown.to_owned(),
        ..Decision::new(CaseAction::PickUp, "")
    };
    assert!(matches!(
        s.cases.decide(&clerk, id, &pick_up(wrong_code)).await,
        Err(Error::Invalid(Invalid::PickupCode))
    ));
    s.cases.decide(&clerk, id, &pick_up(&code)).await.unwrap();
    let done = s.cases.my_case(c.id, id).await.unwrap();
    assert_eq!(done.summary.state, CaseState::PickedUp);
    let actions: Vec<CaseAction> = done.timeline.iter().map(|e| e.action).collect();
    use CaseAction::*;
    assert_eq!(
        actions,
        [
            Submit,
            AskSupplement,
            Resubmit,
            Accept,
            StartReview,
            ReturnForSupplement,
            Resubmit,
            Accept,
            StartReview,
            Approve,
            Conclude,
            PickUp
        ]
    );
    let stopped = done.summary.deadline.unwrap();
    assert_eq!(stopped.running, Running::Stopped { on_time: true });
    assert_eq!(
        refused(s.cases.withdraw(c.id, id).await),
        Refusal::CaseNotNow(CaseState::PickedUp)
    );
}

async fn only_the_right_people_see_and_move_a_case(url: String) {
    let store = seeded(&url).await;
    let (s, _) = services(store);
    let owner = verified_citizen(&s, 2).await;
    let other = verified_citizen(&s, 3).await;
    let id = filled_draft(&s, owner.id, "k2").await;
    let ga_clerk = staff(20, StaffRole::Clerk, &["ga"]);
    let bdc_clerk = staff(21, StaffRole::Clerk, &["bdc"]);
    let ga_approver = staff(22, StaffRole::Approver, &["ga"]);
    let admin = staff(23, StaffRole::Admin, &["ga"]);

    // A draft is the citizen's alone.
    assert!(matches!(
        s.cases.staff_case(&ga_clerk, id).await,
        Err(Error::NotFound)
    ));
    s.cases.submit(owner.id, id).await.unwrap();
    assert!(matches!(
        s.cases.my_case(other.id, id).await,
        Err(Error::NotFound)
    ));
    assert!(matches!(
        s.cases.submit(other.id, id).await,
        Err(Error::NotFound)
    ));
    assert!(matches!(
        s.cases.withdraw(other.id, id).await,
        Err(Error::NotFound)
    ));
    // Another department's clerk, an approver doing a clerk's step, an admin: not found.
    for who in [&bdc_clerk, &ga_approver, &admin] {
        assert!(
            matches!(
                s.cases.act(who, id, CaseAction::Accept, "").await,
                Err(Error::NotFound)
            ),
            "{:?}",
            who.role
        );
    }
    assert!(matches!(
        s.cases.staff_case(&bdc_clerk, id).await,
        Err(Error::NotFound)
    ));
    let all = QueueFilter::default();
    assert_eq!(s.cases.queue(&bdc_clerk, &all).await.unwrap().len(), 0);
    assert_eq!(s.cases.queue(&ga_clerk, &all).await.unwrap().len(), 1);
    // A 综合受理 window takes in every department's cases, and narrows its queue at will.
    let window = staff(60, StaffRole::GeneralClerk, &[]);
    assert_eq!(s.cases.queue(&window, &all).await.unwrap().len(), 1);
    let narrowed = |state: Option<CaseState>, item: Option<&str>| QueueFilter {
        state,
        item: item.map(str::to_owned),
    };
    for (filter, expected) in [
        (narrowed(Some(CaseState::Submitted), None), 1),
        (narrowed(Some(CaseState::Approved), None), 0),
        (narrowed(Some(CaseState::UnderReview), None), 0),
        (narrowed(None, Some(RESIDENCE)), 1),
        (narrowed(None, Some(GUIDE_ONLY)), 0),
    ] {
        assert_eq!(
            s.cases.queue(&window, &filter).await.unwrap().len(),
            expected,
            "{filter:?}"
        );
    }
    assert!(s.cases.staff_case(&window, id).await.is_ok());
    // The right clerk, at the wrong moment: refused by the state machine.
    assert_eq!(
        refused(s.cases.act(&ga_clerk, id, CaseAction::Conclude, "").await),
        Refusal::CaseNotNow(CaseState::Submitted)
    );
    assert_eq!(
        refused(
            s.cases
                .act(&ga_clerk, id, CaseAction::FinishAtOnce, "")
                .await
        ),
        Refusal::NotImmediate
    );
    // Once submitted, the answers are closed to changes.
    assert_eq!(
        refused(s.cases.save(owner.id, id, 0, &Answers::new(), false).await),
        Refusal::CaseClosedForChanges
    );
    s.cases.withdraw(owner.id, id).await.unwrap();
    assert_eq!(s.cases.queue(&ga_clerk, &all).await.unwrap().len(), 0);
}

async fn applying_needs_an_online_item_a_verified_account_and_an_address_for_post_and_the_result_is_posted(
    url: String,
) {
    let store = seeded(&url).await;
    let (s, _) = services(store);
    let plain = signed_in_citizen(&s, 4).await;
    assert_eq!(
        refused(s.cases.start(plain.id, &start(RESIDENCE, "k4")).await),
        Refusal::NotVerified
    );
    let c = verified_citizen(&s, 5).await;
    assert_eq!(
        refused(s.cases.start(c.id, &start(GUIDE_ONLY, "k5")).await),
        Refusal::NotOnline
    );
    let id = s.cases.start(c.id, &start(RESIDENCE, "k6")).await.unwrap();
    s.cases
        .save(c.id, id, 0, &answers(&RESIDENCE_FACTS), true)
        .await
        .unwrap();
    upload(&s, c.id, id, "material.m1", PHOTO).await.unwrap();
    upload(&s, c.id, id, "material.m2", PHOTO).await.unwrap();
    s.cases
        .save(c.id, id, 2, &answers(&[("delivery.method", "post")]), true)
        .await
        .unwrap();
    let no_address = s.cases.submit(c.id, id).await;
    assert!(
        matches!(no_address, Err(Error::Invalid(Invalid::Form(ref p))) if p[0].0.as_str() == "address.postal"),
        "{no_address:?}"
    );
    assert_eq!(
        s.cases.my_case(c.id, id).await.unwrap().summary.state,
        CaseState::Draft,
        "the draft stays"
    );

    // With an address it goes in; posting the result needs the post's tracking number.
    let address = s
        .accounts
        .add_address(
            c.id,
            &backend::accounts::AddressForm {
                recipient: "王小明".into(),
                phone: c.phone.clone(),
                region: "河南省郑州市金水区".into(),
                detail: "花园路 88 号 3 号楼 2 单元 501".into(),
                request_key: "addr-k6".into(),
            },
            "198.51.100.9",
        )
        .await
        .unwrap();
    s.cases
        .save(
            c.id,
            id,
            2,
            &answers(&[
                ("delivery.method", "post"),
                ("address.postal", &address.to_string()),
            ]),
            true,
        )
        .await
        .unwrap();
    s.cases.submit(c.id, id).await.unwrap();
    let clerk = staff(40, StaffRole::Clerk, &["ga"]);
    let approver = staff(41, StaffRole::Approver, &["ga"]);
    s.cases
        .act(&clerk, id, CaseAction::Accept, "")
        .await
        .unwrap();
    s.cases
        .act(&approver, id, CaseAction::StartReview, "")
        .await
        .unwrap();
    s.cases
        .act(&approver, id, CaseAction::Approve, "")
        .await
        .unwrap();
    let conclude = |no: &str| Decision {
        tracking_no: no.to_owned(),
        ..Decision::new(CaseAction::Conclude, "")
    };
    for bad in ["", "12-34"] {
        assert!(matches!(
            s.cases.decide(&clerk, id, &conclude(bad)).await,
            Err(Error::Invalid(Invalid::TrackingNumber))
        ));
    }
    s.cases
        .decide(&clerk, id, &conclude("sf 1234 5678 90"))
        .await
        .unwrap();
    let result = s.cases.my_case(c.id, id).await.unwrap().result.unwrap();
    assert_eq!(result.tracking_no.as_deref(), Some("SF1234567890"));
    assert_eq!(result.pickup_code, None, "nothing to collect");
    s.cases
        .act(&clerk, id, CaseAction::Deliver, "")
        .await
        .unwrap();
    assert_eq!(
        s.cases.my_case(c.id, id).await.unwrap().summary.state,
        CaseState::Delivered
    );
}

/// Looking a case up without signing in: the right pair finds it; a wrong phone tail and an
/// unknown number read alike; a mistyped number is caught by its check character.
async fn a_case_is_found_by_number_and_phone_tail(url: String) {
    let store = seeded(&url).await;
    let (s, _) = services(store);
    let c = verified_citizen(&s, 8).await;
    let id = filled_draft(&s, c.id, "k8").await;
    let number = s
        .cases
        .submit(c.id, id)
        .await
        .unwrap()
        .summary
        .number
        .unwrap();
    let tail = &c.phone[7..];
    let found = s.cases.track(&number, tail, "198.51.100.1").await.unwrap();
    assert_eq!((found.id, found.state), (id, CaseState::Submitted));
    let grouped = domain::case::CaseNo::parse(&number).unwrap().to_string();
    assert_eq!(
        s.cases
            .track(&grouped, tail, "198.51.100.1")
            .await
            .unwrap()
            .id,
        id
    );
    let wrong_tail = if tail == "0000" { "1111" } else { "0000" };
    assert!(matches!(
        s.cases.track(&number, wrong_tail, "198.51.100.1").await,
        Err(Error::NotFound)
    ));
    let unknown = domain::case::CaseNo::new(domain::CivilDate::new(2026, 11, 28).unwrap(), 1);
    assert!(matches!(
        s.cases.track(unknown.as_str(), tail, "198.51.100.1").await,
        Err(Error::NotFound)
    ));
    let mut typo = number.clone().into_bytes();
    typo[9] = if typo[9] == b'9' { b'0' } else { typo[9] + 1 };
    assert!(matches!(
        s.cases
            .track(std::str::from_utf8(&typo).unwrap(), tail, "198.51.100.1")
            .await,
        Err(Error::Invalid(Invalid::CaseNumber))
    ));
}

/// Many citizens submitting at the same moment each get a number of their own, and one
/// citizen's many presses at once submit once.
async fn numbers_are_unique_when_many_submit_at_once(url: String) {
    let store = seeded(&url).await;
    let (s, _) = services(store.clone());
    let mut drafts = Vec::new();
    for n in 30..46 {
        let c = verified_citizen(&s, n).await;
        drafts.push((c.id, filled_draft(&s, c.id, &format!("k{n}")).await));
    }
    let mut set = tokio::task::JoinSet::new();
    for &(citizen, id) in &drafts {
        for _ in 0..3 {
            let s = s.clone();
            set.spawn(async move { s.cases.submit(citizen, id).await });
        }
    }
    let views: Vec<_> = set
        .join_all()
        .await
        .into_iter()
        .map(Result::unwrap)
        .collect();
    let numbers: std::collections::BTreeSet<_> = views
        .iter()
        .filter_map(|v| v.summary.number.clone())
        .collect();
    assert_eq!(numbers.len(), drafts.len(), "one number per case");
    for &(citizen, id) in &drafts {
        let case = s.cases.my_case(citizen, id).await.unwrap();
        assert_eq!(case.timeline.len(), 1, "submitted once");
    }
}

/// What the stored bytes of a file are.
async fn stored(out: backend::cases::FileOut) -> Vec<u8> {
    use tokio::io::AsyncReadExt;
    let mut body = out.body;
    let mut bytes = Vec::new();
    body.read_to_end(&mut bytes).await.unwrap();
    bytes
}

fn upload_problem(r: Result<i64, Error>) -> domain::case::UploadProblem {
    match r {
        Err(Error::Invalid(Invalid::Upload(p))) => p,
        other => panic!("expected an upload problem, got {other:?}"),
    }
}

/// Uploads are judged by content, cleaned, limited per file and per case (also when two
/// arrive at once), leave nothing behind when refused or cut off, and are served only to the
/// applicant and the case's department once the case is in.
async fn uploads_are_checked_limited_and_kept_private(url: String) {
    use domain::case::{MAX_FILE_BYTES, UploadProblem};
    let store = seeded(&url).await;
    let (s, _) = services(store);
    let c = verified_citizen(&s, 20).await;
    let other = verified_citizen(&s, 21).await;
    let id = s.cases.start(c.id, &start(RESIDENCE, "u1")).await.unwrap();
    s.cases
        .save(c.id, id, 0, &answers(&RESIDENCE_FACTS), false)
        .await
        .unwrap();

    // Judged by content: a page named .jpg, an empty file, a field that is not an upload.
    assert_eq!(
        upload_problem(upload(&s, c.id, id, "material.m1", b"<html><script>x</script>").await),
        UploadProblem::NotAllowedType
    );
    assert_eq!(
        upload_problem(upload(&s, c.id, id, "material.m1", b"").await),
        UploadProblem::Empty
    );
    assert_eq!(
        upload_problem(upload(&s, c.id, id, "application.reason", PHOTO).await),
        UploadProblem::UnknownField
    );
    // A JPEG that does not parse cannot be cleaned, so it is not kept.
    assert_eq!(
        upload_problem(upload(&s, c.id, id, "material.m1", b"\xff\xd8\xff\xe1\x7f\x00Exif").await),
        UploadProblem::NotAllowedType
    );
    // Too big: refused as soon as the limit is passed, never read whole.
    let mut r = Receiving::begin(s.cases.blobs().as_ref()).await.unwrap();
    let mb = vec![b'%'; 1024 * 1024];
    r.push(b"%PDF-1.4\n").await.unwrap();
    let mut refused_at = 0;
    for i in 1..=12 {
        if let Err(Stop::Problem(p)) = r.push(&mb).await {
            assert_eq!(p, UploadProblem::too_big());
            refused_at = i;
            break;
        }
    }
    assert_eq!(refused_at as u64, MAX_FILE_BYTES / (1024 * 1024));
    drop(r);
    // Cut off halfway: nothing attached, nothing staged, the draft as it was.
    let mut r = Receiving::begin(s.cases.blobs().as_ref()).await.unwrap();
    r.push(&PHOTO[..5]).await.unwrap();
    drop(r);
    let view = s.cases.my_case(c.id, id).await.unwrap();
    assert!(view.files.is_empty());
    let reason = view.answers.iter().find(|a| a.key == "application.reason");
    assert_eq!(reason.unwrap().value, "在郑州工作", "the draft is intact");

    // Cleaned: the location is gone from what is kept; served to the applicant only.
    let photo = upload(&s, c.id, id, "material.m1", PHOTO).await.unwrap();
    let kept = stored(s.cases.my_file(c.id, id, photo).await.unwrap()).await;
    assert!(kept.starts_with(b"\xff\xd8") && !kept.windows(3).any(|w| w == b"GPS"));
    assert!(matches!(
        s.cases.my_file(other.id, id, photo).await,
        Err(Error::NotFound)
    ));
    let clerk = staff(30, StaffRole::Clerk, &["ga"]);
    let elsewhere = staff(31, StaffRole::Clerk, &["bdc"]);
    assert!(
        matches!(
            s.cases.staff_file(&clerk, id, photo).await,
            Err(Error::NotFound)
        ),
        "a draft is the citizen's alone"
    );
    assert!(matches!(
        upload(&s, other.id, id, "material.m1", PHOTO).await,
        Err(Error::NotFound)
    ));

    // At most 20 files a case, also when the last two arrive together.
    for _ in 0..18 {
        upload(&s, c.id, id, "material.m4", PHOTO).await.unwrap();
    }
    let (a, b) = tokio::join!(
        upload(&s, c.id, id, "material.m4", PHOTO),
        upload(&s, c.id, id, "material.m4", PHOTO)
    );
    assert_eq!(
        [a.is_ok(), b.is_ok()].iter().filter(|ok| **ok).count(),
        1,
        "one of the two fits: {a:?} {b:?}"
    );
    let late = if a.is_err() { a } else { b };
    assert_eq!(upload_problem(late), UploadProblem::too_many());
    assert_eq!(s.cases.my_case(c.id, id).await.unwrap().files.len(), 20);

    // Removing files makes room again; a removed file is no longer served.
    let spare = s.cases.my_case(c.id, id).await.unwrap().files[1].id;
    s.cases.remove_file(c.id, id, photo).await.unwrap();
    s.cases.remove_file(c.id, id, spare).await.unwrap();
    assert!(matches!(
        s.cases.my_file(c.id, id, photo).await,
        Err(Error::NotFound)
    ));
    upload(&s, c.id, id, "material.m1", PHOTO).await.unwrap();
    upload(&s, c.id, id, "material.m2", b"%PDF-1.7 lease")
        .await
        .unwrap();

    // Once submitted, the department sees the files; another department does not.
    s.cases
        .save(
            c.id,
            id,
            2,
            &answers(&[("delivery.method", "pickup")]),
            false,
        )
        .await
        .unwrap();
    s.cases.submit(c.id, id).await.unwrap();
    let files = s.cases.staff_case(&clerk, id).await.unwrap().files;
    let lease = files.iter().find(|f| f.key == "material.m2").unwrap();
    assert_eq!(
        stored(s.cases.staff_file(&clerk, id, lease.id).await.unwrap()).await,
        b"%PDF-1.7 lease"
    );
    assert!(matches!(
        s.cases.staff_file(&elsewhere, id, lease.id).await,
        Err(Error::NotFound)
    ));
}

/// Random walks over the service against the domain's state machine as the model: every
/// action by every kind of actor, in any state; the service moves exactly when the model
/// says it may, to the state the model says, records one event per move, keeps the clock
/// stopped once decided, and a final case takes nothing more.
async fn random_walks_move_cases_exactly_as_the_state_machine_says(url: String) {
    use domain::case::{Actor, next};
    let store = seeded(&url).await;
    let (s, clock) = services(store);
    let c = verified_citizen(&s, 50).await;
    let clerk = staff(70, StaffRole::Clerk, &["ga"]);
    let approver = staff(71, StaffRole::Approver, &["ga"]);
    let mut visited = std::collections::BTreeSet::new();
    for seed in 1..=8u64 {
        let mut walk = Walk(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15));
        let mut case_no = 0;
        let mut id = filled_draft(&s, c.id, &format!("walk-{seed}-0")).await;
        let mut model = CaseState::Draft;
        let mut moves = 0;
        for step in 0..80 {
            // A case that has ended takes nothing more (checked above); the walk goes on with
            // a new one.
            if model.is_final() {
                case_no += 1;
                id = filled_draft(&s, c.id, &format!("walk-{seed}-{case_no}")).await;
                model = CaseState::Draft;
                moves = 0;
            }
            // Mostly one of the moves the model allows now (so walks go far), otherwise any
            // action by anyone.
            let allowed: Vec<CaseAction> = CaseAction::ALL
                .into_iter()
                .filter(|a| next(model, *a, a.actor(), false).is_ok())
                .collect();
            let (action, by) = if !allowed.is_empty() && walk.below(3) > 0 {
                let a = allowed[walk.below(allowed.len())];
                (a, a.actor())
            } else {
                let a = CaseAction::ALL[walk.below(CaseAction::ALL.len())];
                (
                    a,
                    [Actor::Citizen, Actor::Clerk, Actor::Approver][walk.below(3)],
                )
            };
            let expected = match (by, action) {
                // The citizen's one button sends a draft or a supplemented case in, and is a
                // no-op otherwise (a second press).
                (Actor::Citizen, CaseAction::Submit | CaseAction::Resubmit) => match model {
                    CaseState::Draft | CaseState::NeedsSupplement => Some(CaseState::Submitted),
                    _ => None,
                },
                _ => next(model, action, by, false).ok(),
            };
            let note = "原因";
            let done = match by {
                Actor::Citizen => match action {
                    CaseAction::Submit | CaseAction::Resubmit => {
                        s.cases.submit(c.id, id).await.map(|_| ())
                    }
                    CaseAction::Withdraw => s.cases.withdraw(c.id, id).await,
                    // The citizen has no other button.
                    _ => continue,
                },
                // Only a bundle releases its items (the bundle suite walks those).
                Actor::System => continue,
                Actor::Clerk | Actor::Approver => {
                    let who = if by == Actor::Clerk {
                        &clerk
                    } else {
                        &approver
                    };
                    let code = s
                        .cases
                        .my_case(c.id, id)
                        .await
                        .unwrap()
                        .result
                        .and_then(|r| r.pickup_code)
                        .unwrap_or_default();
                    let decision = Decision {
                        pickup_code: code,
                        ..Decision::new(action, note)
                    };
                    s.cases.decide(who, id, &decision).await
                }
            };
            let now = s.cases.my_case(c.id, id).await.unwrap();
            let context = format!("seed {seed} step {step}: {by:?} {action:?} in {model:?}");
            match expected {
                Some(to) => {
                    assert!(done.is_ok(), "{context}: {done:?}");
                    let first_press_only = by == Actor::Citizen && model == to;
                    if !first_press_only {
                        moves += 1;
                    }
                    model = to;
                    visited.insert(model);
                }
                None => assert!(
                    done.is_err()
                        || (by == Actor::Citizen
                            && matches!(action, CaseAction::Submit | CaseAction::Resubmit)),
                    "{context}: moved to {:?}",
                    now.summary.state
                ),
            }
            assert_eq!(now.summary.state, model, "{context}");
            assert_eq!(now.timeline.len(), moves, "{context}: one event per move");
            if let Some(last) = now.timeline.last() {
                assert_eq!(last.state, model, "{context}");
            }
            if model.is_decided() {
                let d = now.summary.deadline;
                assert!(
                    d.is_none_or(|d| d.running != Running::Running),
                    "{context}: the clock stops at the decision"
                );
            }
            if model.is_final() {
                for a in CaseAction::ALL {
                    let who = if a.actor() == Actor::Approver {
                        &approver
                    } else {
                        &clerk
                    };
                    assert!(
                        s.cases
                            .decide(who, id, &Decision::new(a, note))
                            .await
                            .is_err(),
                        "{context}: a final case takes no {a:?}"
                    );
                }
            }
            if walk.below(4) == 0 {
                clock.advance(86_400);
            }
        }
    }
    assert!(
        visited.len() >= 10,
        "the walks went far enough to mean something: {visited:?}"
    );
}

on_both_stores!(
    random_walks_move_cases_exactly_as_the_state_machine_says,
    uploads_are_checked_limited_and_kept_private,
    a_case_runs_from_application_to_collection,
    a_case_is_found_by_number_and_phone_tail,
    only_the_right_people_see_and_move_a_case,
    applying_needs_an_online_item_a_verified_account_and_an_address_for_post_and_the_result_is_posted,
    numbers_are_unique_when_many_submit_at_once,
);
