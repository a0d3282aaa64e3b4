//! 一件事 bundles on both stores: eligibility first; one joint form making one case per item,
//! each with only its own answers and uploads; items released in order with the outputs of
//! the items before them, exactly once even when two finish at the same moment; a refusal or
//! a supplement kept to one item; a bundle defined only in a fixture; and a model-based walk
//! over bundle actions with the invariants checked after every step.

mod support;

use backend::cases::uploads::Receiving;
use backend::cases::{Decision, Started};
use backend::{Error, Services};
use domain::bundle::BundleView;
use domain::case::{Answers, CaseAction, CaseState, FieldProblem, next};
use domain::{Invalid, StaffMember, StaffRole};
use support::people::{id_number, verified_citizen};
use support::{Walk, answers, migrated, seeded, services};

fn staff(id: i64, role: StaffRole, department: &str) -> StaffMember {
    support::staff(id, role, &[department])
}

const PHOTO: &[u8] = b"\xff\xd8\xff\xe0\x00\x04\x00\x00\xff\xda\x00\x02\x01\x02\xff\xd9";
const PDF: &[u8] = b"%PDF-1.4 scan";

async fn upload(s: &Services, citizen: i64, case_id: i64, key: &str, bytes: &[u8]) {
    let mut r = Receiving::begin(s.cases.blobs().as_ref()).await.unwrap();
    r.push(bytes).await.map_err(|_| ()).unwrap();
    let staged = r.finish().await.map_err(|_| ()).unwrap();
    s.cases.attach(citizen, case_id, key, staged).await.unwrap();
}

const BIRTH_FACTS: [(&str, &str); 8] = [
    ("child.birth_date", "2026-11-01"),
    ("child.born_in", "local_hospital"),
    ("child.name", "王小宝"),
    ("child.gender", "male"),
    ("child.household_with", "father"),
    ("insured.category", "newborn"),
    ("insured.start_date", "2026-11-01"),
    ("card.bank", "icbc"),
];

/// Starts bundle `code` with the first `eligible` of `facts`, fills in the rest, uploads every
/// required material once, asks for pickup and sends it.
async fn send(
    s: &Services,
    citizen: i64,
    code: &str,
    facts: &[(&str, &str)],
    eligible: usize,
    key: &str,
) -> i64 {
    let eligibility = answers(&facts[..eligible]);
    let started = s.cases.start_bundle(citizen, code, &eligibility, key);
    let Started::Draft(id) = started.await.unwrap() else {
        panic!("eligible")
    };
    s.cases
        .save(citizen, id, 0, &answers(facts), true)
        .await
        .unwrap();
    let form = s.cases.my_case(citizen, id).await.unwrap().form;
    for f in form.steps[1].fields.iter().filter(|f| f.required) {
        let bytes = if f.label.contains("照") { PHOTO } else { PDF };
        upload(s, citizen, id, f.key.as_str(), bytes).await;
    }
    s.cases
        .save(citizen, id, 1, &Answers::new(), true)
        .await
        .unwrap();
    let pickup = answers(&[("delivery.method", "pickup")]);
    s.cases.save(citizen, id, 2, &pickup, true).await.unwrap();
    s.cases.submit(citizen, id).await.unwrap();
    id
}

async fn birth_sent(s: &Services, citizen: i64, key: &str) -> i64 {
    send(s, citizen, "birth", &BIRTH_FACTS, 2, key).await
}

async fn tracked(s: &Services, citizen: i64, id: i64) -> BundleView {
    s.cases.my_case(citizen, id).await.unwrap().bundle.unwrap()
}

fn states(view: &BundleView) -> Vec<CaseState> {
    view.parts.iter().map(|p| p.state).collect()
}

/// Finishes a case the short way (即办) or the long one, with `outputs` recorded.
async fn finish(s: &Services, department: &str, case_id: i64, outputs: &[(&str, &str)]) {
    let clerk = staff(100, StaffRole::Clerk, department);
    let approver = staff(101, StaffRole::Approver, department);
    let view = s.cases.staff_case(&clerk, case_id).await.unwrap();
    let finishing = Decision {
        outputs: answers(outputs),
        ..Decision::new(CaseAction::FinishAtOnce, "")
    };
    if view.summary.limit_days == 0 {
        s.cases.decide(&clerk, case_id, &finishing).await.unwrap();
        return;
    }
    s.cases
        .act(&clerk, case_id, CaseAction::Accept, "")
        .await
        .unwrap();
    s.cases
        .act(&approver, case_id, CaseAction::StartReview, "")
        .await
        .unwrap();
    s.cases
        .act(&approver, case_id, CaseAction::Approve, "")
        .await
        .unwrap();
    let conclude = Decision {
        action: CaseAction::Conclude,
        ..finishing
    };
    s.cases.decide(&clerk, case_id, &conclude).await.unwrap();
}

async fn eligibility_comes_first(url: String) {
    let (s, _) = services(seeded(&url).await);
    let c = verified_citizen(&s, 1).await;
    let old = answers(&[
        ("child.birth_date", "2025-06-01"),
        ("child.born_in", "elsewhere"),
    ]);
    assert_eq!(
        s.cases
            .start_bundle(c.id, "birth", &old, "e1")
            .await
            .unwrap(),
        Started::NotEligible(vec![0, 1])
    );
    let unparsed = answers(&[
        ("child.birth_date", "昨天"),
        ("child.born_in", "local_hospital"),
    ]);
    match s.cases.start_bundle(c.id, "birth", &unparsed, "e2").await {
        Err(Error::Invalid(Invalid::Form(p))) => assert_eq!(p[0].1, FieldProblem::NotADate),
        other => panic!("{other:?}"),
    }
    assert!(matches!(
        s.cases.start_bundle(c.id, "nothing", &old, "e3").await,
        Err(Error::NotFound)
    ));
    // The same form twice is one draft.
    let ok = answers(&BIRTH_FACTS[..2]);
    let a = s
        .cases
        .start_bundle(c.id, "birth", &ok, "e4")
        .await
        .unwrap();
    let b = s
        .cases
        .start_bundle(c.id, "birth", &ok, "e4")
        .await
        .unwrap();
    assert_eq!(a, b);
    let intro = s.cases.bundle_intro("birth").await.unwrap();
    assert_eq!(intro.items.len(), 5);
    assert_eq!(intro.savings.fields(), 12);
}

async fn the_birth_bundle_runs_in_order_and_outputs_flow(url: String) {
    let (s, _) = services(seeded(&url).await);
    let c = verified_citizen(&s, 1).await;
    let id = birth_sent(&s, c.id, "b1").await;
    let view = tracked(&s, c.id, id).await;
    use CaseState::{Concluded, Submitted, Waiting};
    assert_eq!(
        states(&view),
        [Submitted, Submitted, Waiting, Waiting, Waiting]
    );
    assert_eq!(view.parts[2].waiting_for, ["出生医学证明首次签发"]);
    // A second press sends nothing more.
    s.cases.submit(c.id, id).await.unwrap();
    assert_eq!(tracked(&s, c.id, id).await.parts.len(), 5);
    // The parent is nobody's work and is not listed apart from its items.
    let mine = s.cases.my_cases(c.id).await.unwrap();
    assert_eq!(mine.len(), 1);
    assert_eq!(mine[0].bundle.unwrap().total, 5);
    let general = StaffMember {
        departments: Vec::new(),
        ..staff(7, StaffRole::GeneralClerk, "ga")
    };
    assert!(matches!(
        s.cases.staff_case(&general, id).await,
        Err(Error::NotFound)
    ));

    // 公安 sees only what 出生登记 asks: no bank, no insurance category; only its uploads.
    let ga = staff(1, StaffRole::Clerk, "ga");
    let hukou = view.parts[2].case_id;
    let seen = s.cases.staff_case(&ga, hukou).await.unwrap();
    let keys: Vec<&str> = seen.answers.iter().map(|a| a.key.as_str()).collect();
    assert!(
        keys.contains(&"child.name") && !keys.contains(&"card.bank"),
        "{keys:?}"
    );
    assert_eq!(
        seen.part_of.as_ref().unwrap().waiting_for,
        ["出生医学证明首次签发"]
    );
    let mut file_keys: Vec<&str> = seen.files.iter().map(|f| f.key.as_str()).collect();
    file_keys.sort_unstable();
    assert_eq!(file_keys, ["material.m2", "material.m3"]);
    assert!(matches!(
        s.cases.staff_case(&ga, view.parts[0].case_id).await,
        Err(Error::NotFound)
    ));

    // 出生医学证明 is finished only with its number, which then flows into 出生登记.
    let cert = view.parts[0].case_id;
    let wj = staff(2, StaffRole::Clerk, "wj");
    match s
        .cases
        .decide(&wj, cert, &Decision::new(CaseAction::FinishAtOnce, ""))
        .await
    {
        Err(Error::Invalid(Invalid::Form(p))) => {
            assert_eq!(p[0].0.as_str(), "child.birth_cert_no")
        }
        other => panic!("{other:?}"),
    }
    finish(&s, "wj", cert, &[("child.birth_cert_no", "Q410123456")]).await;
    let view = tracked(&s, c.id, id).await;
    assert_eq!(
        states(&view),
        [Concluded, Submitted, Submitted, Waiting, Waiting]
    );
    let seen = s.cases.staff_case(&ga, hukou).await.unwrap();
    let cert_no = seen.answers.iter().find(|a| a.key == "child.birth_cert_no");
    assert_eq!(cert_no.unwrap().value, "Q410123456");
    assert!(seen.part_of.unwrap().waiting_for.is_empty());

    // 出生登记 issues the ID number: the newborn joins the family, and the next items are
    // applied for them, with the number.
    let baby_id = id_number(30_001);
    finish(&s, "ga", hukou, &[("child.id_number", &baby_id)]).await;
    let family = s.accounts.family(c.id).await.unwrap();
    assert_eq!(family.len(), 1);
    let view = tracked(&s, c.id, id).await;
    assert_eq!(
        states(&view),
        [Concluded, Submitted, Concluded, Submitted, Waiting]
    );
    let yb = staff(3, StaffRole::Clerk, "yb");
    let medical = s
        .cases
        .staff_case(&yb, view.parts[3].case_id)
        .await
        .unwrap();
    assert!(matches!(
        medical.summary.for_whom,
        domain::booking::ForWhom::Member { .. }
    ));
    let id_shown = medical.answers.iter().find(|a| a.key == "child.id_number");
    assert_eq!(id_shown.unwrap().value, domain::mask_middle(&baby_id, 1, 1));
    assert!(view.follow_ups.is_empty(), "offered only when all is done");

    finish(&s, "yb", view.parts[3].case_id, &[]).await;
    finish(&s, "sb", view.parts[4].case_id, &[]).await;
    finish(&s, "wj", view.parts[1].case_id, &[]).await;
    let view = tracked(&s, c.id, id).await;
    assert_eq!(view.progress.finished, 5);
    let offered: Vec<&str> = view.follow_ups.iter().map(|(_, n)| n.as_str()).collect();
    assert_eq!(offered, ["生育津贴申领", "生育登记"]);
}

async fn a_supplement_or_refusal_stays_with_one_item(url: String) {
    let (s, _) = services(seeded(&url).await);
    let c = verified_citizen(&s, 1).await;
    let id = birth_sent(&s, c.id, "b1").await;
    let view = tracked(&s, c.id, id).await;
    let (cert, vaccine) = (view.parts[0].case_id, view.parts[1].case_id);
    let wj = staff(2, StaffRole::Clerk, "wj");
    let ask = Decision {
        wanted: vec!["material.m1".into()],
        ..Decision::new(CaseAction::AskSupplement, "身份证照片不清晰")
    };
    s.cases.decide(&wj, vaccine, &ask).await.unwrap();
    finish(&s, "wj", cert, &[("child.birth_cert_no", "Q410123456")]).await;
    use CaseState::{Concluded, NeedsSupplement, NotAccepted, Submitted, Waiting};
    assert_eq!(
        states(&tracked(&s, c.id, id).await),
        [Concluded, NeedsSupplement, Submitted, Waiting, Waiting]
    );
    let mine = s.cases.my_cases(c.id).await.unwrap();
    assert_eq!(mine[0].bundle.unwrap().needs_supplement, 1);
    // The citizen mends that item alone, on its own form.
    upload(&s, c.id, vaccine, "material.m2", PDF).await;
    s.cases.submit(c.id, vaccine).await.unwrap();
    // A fact an earlier item issued is not the citizen's to change, even while they mend
    // that item.
    let ga = staff(1, StaffRole::Clerk, "ga");
    let hukou = view.parts[2].case_id;
    let ask = Decision {
        wanted: vec!["material.m2".into()],
        ..Decision::new(CaseAction::AskSupplement, "户口簿缺少首页")
    };
    s.cases.decide(&ga, hukou, &ask).await.unwrap();
    let mut forged = answers(&BIRTH_FACTS);
    forged.insert(
        domain::case::FieldKey::parse("child.birth_cert_no").unwrap(),
        "FAKE000".into(),
    );
    s.cases.save(c.id, hukou, 0, &forged, true).await.unwrap();
    s.cases.submit(c.id, hukou).await.unwrap();
    let seen = s.cases.staff_case(&ga, hukou).await.unwrap();
    let cert_no = seen.answers.iter().find(|a| a.key == "child.birth_cert_no");
    assert_eq!(cert_no.unwrap().value, "Q410123456");
    // 公安 refuses 出生登记: the items after it wait, the others go on.
    s.cases
        .act(
            &ga,
            view.parts[2].case_id,
            CaseAction::NotAccept,
            "户籍信息不符",
        )
        .await
        .unwrap();
    assert_eq!(
        states(&tracked(&s, c.id, id).await),
        [Concluded, Submitted, NotAccepted, Waiting, Waiting]
    );
    finish(&s, "wj", vaccine, &[]).await;
    let view = tracked(&s, c.id, id).await;
    assert_eq!(view.parts[4].state, Waiting);
    // The joint application itself is never withdrawn whole, and answers no staff.
    assert!(s.cases.withdraw(c.id, id).await.is_err());
    s.cases.withdraw(c.id, view.parts[4].case_id).await.unwrap();
}

const DRAW: &str = "12410100416034581H4000120005";

const RETIREMENT_FACTS: [(&str, &str); 4] = [
    ("retirement.date", "2026-11-30"),
    ("retirement.approved", "yes"),
    ("pension.bank_account", "6222020200112233445"),
    ("payout.bank_account", "6222020200112233445"),
];

async fn retirement_sent(s: &Services, citizen: i64, key: &str) -> i64 {
    send(s, citizen, "retirement", &RETIREMENT_FACTS, 2, key).await
}

async fn two_prerequisites_finishing_at_once_release_once(url: String) {
    let (s, _) = services(seeded(&url).await);
    let c = verified_citizen(&s, 1).await;
    let id = retirement_sent(&s, c.id, "r1").await;
    let view = tracked(&s, c.id, id).await;
    use CaseState::{Submitted, Waiting};
    assert_eq!(
        states(&view),
        [Submitted, Waiting, Waiting, Waiting, Waiting, Waiting]
    );
    finish(&s, "sb", view.parts[0].case_id, &[]).await;
    let view = tracked(&s, c.id, id).await;
    assert_eq!(states(&view)[1..4], [Submitted, Submitted, Submitted]);
    // Bring 养老待遇 and 医保年限 to the last step, then finish them with 封存 at once.
    let ids: Vec<i64> = view.parts.iter().map(|p| p.case_id).collect();
    for (department, case_id) in [("sb", ids[1]), ("yb", ids[2])] {
        let clerk = staff(100, StaffRole::Clerk, department);
        let approver = staff(101, StaffRole::Approver, department);
        s.cases
            .act(&clerk, case_id, CaseAction::Accept, "")
            .await
            .unwrap();
        s.cases
            .act(&approver, case_id, CaseAction::StartReview, "")
            .await
            .unwrap();
        s.cases
            .act(&approver, case_id, CaseAction::Approve, "")
            .await
            .unwrap();
    }
    let gjj = staff(102, StaffRole::Clerk, "gjj");
    let gjj_approver = staff(103, StaffRole::Approver, "gjj");
    s.cases
        .act(&gjj, ids[3], CaseAction::Accept, "")
        .await
        .unwrap();
    s.cases
        .act(&gjj_approver, ids[3], CaseAction::StartReview, "")
        .await
        .unwrap();
    s.cases
        .act(&gjj_approver, ids[3], CaseAction::Approve, "")
        .await
        .unwrap();
    let conclude = |outputs: &[(&str, &str)]| Decision {
        outputs: answers(outputs),
        ..Decision::new(CaseAction::Conclude, "")
    };
    let (sb, yb) = (
        staff(100, StaffRole::Clerk, "sb"),
        staff(100, StaffRole::Clerk, "yb"),
    );
    let (pension, years, sealed) = (
        conclude(&[("pension.approval_no", "YL2026001")]),
        conclude(&[]),
        conclude(&[("housing_fund.account_no", "GJ88001")]),
    );
    let (a, b, c3) = tokio::join!(
        s.cases.decide(&sb, ids[1], &pension),
        s.cases.decide(&yb, ids[2], &years),
        s.cases.decide(&gjj, ids[3], &sealed),
    );
    a.unwrap();
    b.unwrap();
    c3.unwrap();
    assert_eq!(
        s.cases.advance(id).await.unwrap(),
        0,
        "nothing left to release"
    );
    let draw = s.cases.staff_case(&gjj, ids[4]).await.unwrap();
    assert_eq!(draw.summary.state, Submitted);
    assert_eq!(draw.summary.item_code, DRAW);
    let releases = draw
        .timeline
        .iter()
        .filter(|t| t.action == CaseAction::Release)
        .count();
    assert_eq!(releases, 1);
    let value = |k: &str| {
        draw.answers
            .iter()
            .find(|a| a.key == k)
            .map(|a| a.value.clone())
    };
    assert_eq!(value("pension.approval_no").as_deref(), Some("YL2026001"));
    assert_eq!(value("housing_fund.account_no").as_deref(), Some("GJ88001"));
    assert_eq!(value("retirement.date").as_deref(), Some("2026-11-30"));
    assert_eq!(tracked(&s, c.id, id).await.parts[5].state, Waiting);
}

/// A third bundle written only here: 居住证 then 随迁子女入学, the permit number flowing.
async fn a_bundle_defined_in_a_fixture_runs_with_no_code_change(url: String) {
    let mut file: serde_json::Value =
        serde_json::from_str(include_str!("../seed/catalog.json")).unwrap();
    file["bundles"]
        .as_array_mut()
        .unwrap()
        .push(serde_json::json!({
            "code": "school-move",
            "name": "随迁入学一件事",
            "summary": "居住证和随迁子女入学一次申请",
            "visits": 0,
            "items": [
                {"item": "11410100005252014Q4000107004", "outputs": [{
                    "field": {"key": "residence.permit_no", "label": "居住证号码",
                              "kind": "text", "max_chars": 20, "required": true},
                    "feeds": ["11410100005252055W4000120002"]}]},
                {"item": "11410100005252055W4000120002", "after": ["11410100005252014Q4000107004"]}
            ]
        }));
    let catalog = backend::seed::parse_catalog(&file.to_string()).unwrap();
    let store = migrated(&url).await;
    store.sync_catalog(&catalog).await.unwrap();
    let (s, _) = services(store);
    let c = verified_citizen(&s, 1).await;
    let facts = [
        ("residence.address", "金水区花园路 88 号"),
        ("residence.since", "2025-03-01"),
    ];
    // No eligibility rules: everyone may.
    let id = send(&s, c.id, "school-move", &facts, 0, "f1").await;
    let form = s.cases.my_case(c.id, id).await.unwrap().form;
    let labels: Vec<&str> = form.steps[1]
        .fields
        .iter()
        .map(|f| f.label.as_str())
        .collect();
    assert_eq!(
        labels,
        [
            "居民身份证",
            "居住证明",
            "就业或就读证明",
            "本人近期免冠照片",
            "儿童及父母居民户口簿",
            "就业证明"
        ]
    );
    let view = tracked(&s, c.id, id).await;
    assert_eq!(states(&view), [CaseState::Submitted, CaseState::Waiting]);
    finish(
        &s,
        "ga",
        view.parts[0].case_id,
        &[("residence.permit_no", "JZ4101-0099")],
    )
    .await;
    let jy = staff(5, StaffRole::Clerk, "jy");
    let school = s
        .cases
        .staff_case(&jy, view.parts[1].case_id)
        .await
        .unwrap();
    assert_eq!(school.summary.state, CaseState::Submitted);
    let permit = school
        .answers
        .iter()
        .find(|a| a.key == "residence.permit_no");
    assert_eq!(permit.unwrap().value, "JZ4101-0099");
}

/// Random bundle actions against a model: each item follows the case machine, and a waiting
/// item starts exactly when all before it are finished. After every step: the model and the
/// store agree; no item runs before its prerequisites; none is released twice; none waits
/// when all before it are finished; a released item holds the outputs fed to it.
async fn a_random_walk_keeps_the_bundle_invariants(url: String) {
    let (s, _) = services(seeded(&url).await);
    let c = verified_citizen(&s, 1).await;
    let b = s.cases.bundle("retirement").await.unwrap();
    let mut visited = std::collections::BTreeSet::new();
    let mut released = 0;
    for seed in 0..3_u64 {
        let mut rng = Walk((seed + 1).wrapping_mul(0x9E37_79B9_7F4A_7C15));
        let id = retirement_sent(&s, c.id, &format!("w{seed}")).await;
        let mut model = states(&tracked(&s, c.id, id).await);
        let ids: Vec<i64> = tracked(&s, c.id, id)
            .await
            .parts
            .iter()
            .map(|p| p.case_id)
            .collect();
        for step in 0..60 {
            let i = rng.below(model.len());
            let allowed: Vec<CaseAction> = CaseAction::ALL
                .into_iter()
                // Release is the bundle's; results are collected, never posted.
                .filter(|a| !matches!(a, CaseAction::Release | CaseAction::Deliver))
                .filter(|a| next(model[i], *a, a.actor(), b.items[i].promised_limit.0 == 0).is_ok())
                .collect();
            // Mostly forward, so walks reach the later items; now and then an item ends.
            let ending = |a: &CaseAction| {
                matches!(
                    a,
                    CaseAction::Withdraw | CaseAction::NotAccept | CaseAction::Deny
                )
            };
            let allowed: Vec<CaseAction> = if rng.below(6) > 0 {
                allowed.into_iter().filter(|a| !ending(a)).collect()
            } else {
                allowed
            };
            let Some(&action) = allowed.get(rng.below(allowed.len().max(1))) else {
                continue;
            };
            let department = b.items[i].department.code.clone();
            let outputs: Vec<(&str, &str)> = b.def.items[i]
                .outputs
                .iter()
                .map(|o| (o.field.key.as_str(), "OUT-1"))
                .collect();
            let done = match action.actor() {
                domain::case::Actor::Citizen => match action {
                    CaseAction::Withdraw => s.cases.withdraw(c.id, ids[i]).await,
                    _ => s.cases.submit(c.id, ids[i]).await.map(|_| ()),
                },
                domain::case::Actor::Clerk | domain::case::Actor::Approver => {
                    let role = if action.actor() == domain::case::Actor::Clerk {
                        StaffRole::Clerk
                    } else {
                        StaffRole::Approver
                    };
                    let who = staff(200, role, &department);
                    let pickup = s.cases.my_case(c.id, ids[i]).await.unwrap().result;
                    let decision = Decision {
                        outputs: answers(&outputs),
                        wanted: vec!["material.m1".into()],
                        pickup_code: pickup.and_then(|r| r.pickup_code).unwrap_or_default(),
                        ..Decision::new(action, "原因")
                    };
                    s.cases.decide(&who, ids[i], &decision).await
                }
                domain::case::Actor::System => continue,
            };
            let context = format!("seed {seed} step {step}: {action:?} on {i} in {model:?}");
            assert!(done.is_ok(), "{context}: {done:?}");
            model[i] = next(model[i], action, action.actor(), true).unwrap();
            // The model's release: every waiting item whose prerequisites are all finished.
            for j in 0..model.len() {
                if model[j] == CaseState::Waiting
                    && b.pre[j].iter().all(|&p| model[p].is_finished())
                {
                    model[j] = CaseState::Submitted;
                    released += 1;
                }
            }
            let view = tracked(&s, c.id, id).await;
            assert_eq!(states(&view), model, "{context}");
            visited.extend(model.iter().copied());
            for (j, part) in view.parts.iter().enumerate() {
                let started = !matches!(part.state, CaseState::Waiting | CaseState::Withdrawn);
                let ready = b.pre[j].iter().all(|&p| view.parts[p].state.is_finished());
                assert!(
                    !started || ready || b.pre[j].is_empty(),
                    "{context}: {j} ran early"
                );
                assert!(
                    part.state != CaseState::Waiting || !ready,
                    "{context}: {j} left waiting"
                );
                let seen = s.cases.my_case(c.id, part.case_id).await.unwrap();
                let releases = seen
                    .timeline
                    .iter()
                    .filter(|t| t.action == CaseAction::Release);
                assert!(releases.count() <= 1, "{context}: {j} released twice");
                if started && !b.pre[j].is_empty() {
                    for (_, out) in b.fed_into(j) {
                        assert!(
                            seen.answers.iter().any(|a| a.key == out.field.key.as_str()),
                            "{context}: {j} lacks {}",
                            out.field.key
                        );
                    }
                }
            }
        }
    }
    // The walks went far: most states seen, dependants released along the way.
    assert!(visited.len() >= 8, "{visited:?}");
    assert!(released >= 3, "{released} releases");
}

on_both_stores!(
    eligibility_comes_first,
    the_birth_bundle_runs_in_order_and_outputs_flow,
    a_supplement_or_refusal_stays_with_one_item,
    two_prerequisites_finishing_at_once_release_once,
    a_bundle_defined_in_a_fixture_runs_with_no_code_change,
    a_random_walk_keeps_the_bundle_invariants,
);
