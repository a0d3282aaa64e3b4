//! Account services on both stores: sign-in codes (expiry, tries, send limits), sessions,
//! real-name verification (one account per ID), family members and addresses (each citizen
//! sees only their own), account erasure, staff sign-in with lock-out, the audit log, and
//! that no personal number is stored in clear.

mod support;

use backend::accounts::{AddressForm, MemberForm, NewStaffForm};
use backend::{Error, Services, Store};
use domain::{IdError, Invalid, OtpError, PhoneError, Refusal, Relation};
use std::sync::Arc;
use support::{migrated, seeded, services};

const IP: &str = "203.0.113.7";
/// Numbers with valid GB 11643 checksums (the first two are the standard's own examples).
const ID_A: &str = "11010519491231002X";
const ID_B: &str = "440524198001010013";
const CHILD_ID: &str = "110105202401010014";

async fn last_code(store: &Arc<dyn Store>) -> String {
    let message = store
        .outbox(None, 1)
        .await
        .unwrap()
        .pop()
        .expect("a text was sent");
    message
        .body
        .split(|c: char| !c.is_ascii_digit())
        .find(|part| part.len() == 6)
        .expect("the text holds a 6-digit code")
        .to_owned()
}

/// Signs `phone` in and returns (citizen id, session token).
async fn signed_in(s: &Services, store: &Arc<dyn Store>, phone: &str) -> (i64, String) {
    s.accounts
        .send_code(phone, &backend::random::form_key(), IP)
        .await
        .unwrap();
    let code = last_code(store).await;
    let signed = s.accounts.sign_in(phone, &code, IP, None).await.unwrap();
    (signed.citizen_id, signed.token)
}

/// The refusal a rule gave: tests match its type, only the app words it.
fn refused(result: Result<impl std::fmt::Debug, Error>) -> Refusal {
    match result {
        Err(Error::Refused(refusal)) => refusal,
        other => panic!("expected a refusal, got {other:?}"),
    }
}

/// What was wrong with the input.
fn invalid(result: Result<impl std::fmt::Debug, Error>) -> Invalid {
    match result {
        Err(Error::Invalid(invalid)) => invalid,
        other => panic!("expected invalid input, got {other:?}"),
    }
}

async fn a_code_signs_in_within_five_minutes_only(url: String) {
    let store = migrated(&url).await;
    let (s, clock) = services(store.clone());
    let sent = s.accounts.send_code("13812345678", "k1", IP).await.unwrap();
    assert!(sent.fresh);
    assert_eq!(sent.phone_masked, "138****5678");
    let code = last_code(&store).await;
    clock.advance(300);
    assert_eq!(
        refused(s.accounts.sign_in("13812345678", &code, IP, None).await),
        Refusal::CodeExpired
    );

    clock.advance(1);
    s.accounts.send_code("13812345678", "k2", IP).await.unwrap();
    let code = last_code(&store).await;
    clock.advance(299);
    let signed = s
        .accounts
        .sign_in("138 1234 5678", &code, IP, None)
        .await
        .unwrap();
    assert_eq!(
        s.accounts.current(&signed.token).await.unwrap(),
        Some(signed.citizen_id)
    );
    // A double tap on 登录 signs in again instead of saying the code is gone …
    let again = s
        .accounts
        .sign_in("13812345678", &code, IP, None)
        .await
        .unwrap();
    assert_eq!(again.citizen_id, signed.citizen_id);
    assert_ne!(
        again.token, signed.token,
        "every sign-in gets a fresh session"
    );
    // … but not half a minute later.
    clock.advance(31);
    assert_eq!(
        refused(s.accounts.sign_in("13812345678", &code, IP, None).await),
        Refusal::NoCode
    );
}

async fn five_wrong_codes_kill_the_code(url: String) {
    let store = migrated(&url).await;
    let (s, _) = services(store.clone());
    s.accounts.send_code("13912345678", "k", IP).await.unwrap();
    let code = last_code(&store).await;
    let wrong = if code == "000000" { "111111" } else { "000000" };
    for left in (1..5).rev() {
        assert_eq!(
            refused(s.accounts.sign_in("13912345678", wrong, IP, None).await),
            Refusal::CodeWrong { tries_left: left }
        );
    }
    assert_eq!(
        refused(s.accounts.sign_in("13912345678", wrong, IP, None).await),
        Refusal::CodeTooManyTries
    );
    assert_eq!(
        refused(s.accounts.sign_in("13912345678", &code, IP, None).await),
        Refusal::CodeTooManyTries,
        "even the right code"
    );
    assert_eq!(
        invalid(s.accounts.sign_in("13912345678", "12345", IP, None).await),
        Invalid::Otp(OtpError::Shape)
    );
}

async fn sends_are_limited_per_number(url: String) {
    let store = migrated(&url).await;
    let (s, clock) = services(store.clone());
    let phone = "15012345678";
    assert!(
        s.accounts
            .send_code(phone, "form-1", IP)
            .await
            .unwrap()
            .fresh
    );
    // The same form again (a double tap, a retry): nothing new is sent.
    let repeat = s.accounts.send_code(phone, "form-1", IP).await.unwrap();
    assert!(!repeat.fresh);
    clock.advance(20);
    let early = s.accounts.send_code(phone, "form-2", IP).await.unwrap();
    assert!(!early.fresh);
    assert_eq!(early.resend_after_secs, 40);
    assert_eq!(
        store.outbox(None, 50).await.unwrap().len(),
        1,
        "one text so far"
    );
    for i in 0..9 {
        clock.advance(61);
        let sent = s
            .accounts
            .send_code(phone, &format!("more-{i}"), IP)
            .await
            .unwrap();
        assert!(sent.fresh, "send {} of the day", i + 2);
    }
    clock.advance(61);
    assert_eq!(
        refused(s.accounts.send_code(phone, "eleventh", IP).await),
        Refusal::CodeDailyLimit
    );
    clock.advance(86_400);
    assert!(
        s.accounts
            .send_code(phone, "tomorrow", IP)
            .await
            .unwrap()
            .fresh
    );
    assert_eq!(
        invalid(s.accounts.send_code("1381234567", "x", IP).await),
        Invalid::Phone(PhoneError::Length)
    );
}

/// Two server processes sharing one database, both asked for a code at the same instant:
/// exactly one text goes out.
async fn simultaneous_sends_from_two_processes_send_once(url: String) {
    let store = migrated(&url).await;
    let other = backend::connect(&url).await.unwrap();
    let (a, _) = services(store.clone());
    let (b, _) = services(other);
    let phone = "18612345678";
    let (x, y) = tokio::join!(
        a.accounts.send_code(phone, "tab-a", IP),
        b.accounts.send_code(phone, "tab-b", IP)
    );
    let fresh = [x.unwrap().fresh, y.unwrap().fresh];
    assert_eq!(fresh.iter().filter(|f| **f).count(), 1, "{fresh:?}");
    assert_eq!(store.outbox(None, 10).await.unwrap().len(), 1);
}

async fn one_verified_account_per_id_number(url: String) {
    let store = migrated(&url).await;
    let (s, _) = services(store.clone());
    let (alice, _) = signed_in(&s, &store, "13800000001").await;
    let (bob, _) = signed_in(&s, &store, "13800000002").await;

    let bad = invalid(
        s.accounts
            .verify_identity(alice, "王小明", "11010519491231002Y", IP)
            .await,
    );
    assert_eq!(bad, Invalid::IdNumber(IdError::Character));
    let bad = invalid(
        s.accounts
            .verify_identity(alice, "王小明", "110105194912310021", IP)
            .await,
    );
    assert_eq!(bad, Invalid::IdNumber(IdError::Checksum));

    let profile = s
        .accounts
        .verify_identity(alice, "王小明", &ID_A.to_lowercase(), IP)
        .await
        .unwrap();
    assert!(profile.verified);
    assert_eq!(profile.id_masked.as_deref(), Some("110***********002X"));
    assert_eq!(profile.name_masked.as_deref(), Some("王*明"));
    // The same form again is fine; another person's number on this account is not.
    assert!(
        s.accounts
            .verify_identity(alice, "王小明", ID_A, IP)
            .await
            .is_ok()
    );
    assert_eq!(
        refused(s.accounts.verify_identity(alice, "王小明", ID_B, IP).await),
        Refusal::AlreadyVerified
    );

    assert_eq!(
        refused(s.accounts.verify_identity(bob, "王小明", ID_A, IP).await),
        Refusal::IdOnAnotherAccount
    );
    assert!(!s.accounts.profile(bob).await.unwrap().verified);
}

async fn sessions_end_when_idle(url: String) {
    let store = migrated(&url).await;
    let (s, clock) = services(store.clone());
    let (id, token) = signed_in(&s, &store, "13700000001").await;
    clock.advance(3_600);
    assert_eq!(
        s.accounts.current(&token).await.unwrap(),
        Some(id),
        "1 h idle is fine"
    );
    clock.advance(2 * 3_600 - 1);
    assert_eq!(
        s.accounts.current(&token).await.unwrap(),
        Some(id),
        "touched at 1 h"
    );
    clock.advance(2 * 3_600);
    assert_eq!(
        s.accounts.current(&token).await.unwrap(),
        None,
        "2 h idle ends it"
    );
    assert_eq!(s.accounts.current("not-a-token").await.unwrap(), None);
    let (_, token) = signed_in(&s, &store, "13700000001").await;
    s.accounts.sign_out(id, &token, IP).await.unwrap();
    assert_eq!(s.accounts.current(&token).await.unwrap(), None);
}

async fn family_members_are_their_owners_only(url: String) {
    let store = migrated(&url).await;
    let (s, _) = services(store.clone());
    let (alice, _) = signed_in(&s, &store, "13600000001").await;
    let (bob, _) = signed_in(&s, &store, "13600000002").await;
    let form = MemberForm {
        name: "王小宝".into(),
        relation: "child".into(),
        id_number: String::new(),
        request_key: "add-1".into(),
    };
    assert_eq!(
        refused(s.accounts.add_family_member(alice, &form, IP).await),
        Refusal::NotVerified
    );
    s.accounts
        .verify_identity(alice, "王小明", ID_A, IP)
        .await
        .unwrap();

    let newborn = s
        .accounts
        .add_family_member(alice, &form, IP)
        .await
        .unwrap();
    assert_eq!(newborn.id_masked, None, "a newborn needs no number yet");
    let again = s
        .accounts
        .add_family_member(alice, &form, IP)
        .await
        .unwrap();
    assert_eq!(again.id, newborn.id, "the same form twice adds once");

    let spouse = MemberForm {
        name: "李娜".into(),
        relation: "spouse".into(),
        id_number: String::new(),
        request_key: "add-2".into(),
    };
    assert_eq!(
        invalid(s.accounts.add_family_member(alice, &spouse, IP).await),
        Invalid::MemberIdNeeded(Relation::Spouse)
    );
    let myself = MemberForm {
        id_number: ID_A.into(),
        ..spouse.clone()
    };
    assert_eq!(
        refused(s.accounts.add_family_member(alice, &myself, IP).await),
        Refusal::SelfAsMember
    );
    let child = MemberForm {
        name: "王小贝".into(),
        relation: "child".into(),
        id_number: CHILD_ID.into(),
        request_key: "add-3".into(),
    };
    s.accounts
        .add_family_member(alice, &child, IP)
        .await
        .unwrap();
    let twice = MemberForm {
        request_key: "add-4".into(),
        ..child
    };
    assert_eq!(
        refused(s.accounts.add_family_member(alice, &twice, IP).await),
        Refusal::MemberListed
    );
    assert_eq!(s.accounts.family(alice).await.unwrap().len(), 2);

    // The same newborn twice (no number to tell them apart) is refused, as is a second spouse,
    // and a parent younger than the citizen.
    let again = MemberForm {
        request_key: "add-6".into(),
        ..form.clone()
    };
    assert!(matches!(
        refused(s.accounts.add_family_member(alice, &again, IP).await),
        Refusal::MemberRepeated {
            relation: Relation::Child,
            ..
        }
    ));
    let wife = MemberForm {
        name: "李娜".into(),
        relation: "spouse".into(),
        id_number: ID_B.into(),
        request_key: "add-7".into(),
    };
    s.accounts
        .add_family_member(alice, &wife, IP)
        .await
        .unwrap();
    let second = MemberForm {
        id_number: "110105195001010012".into(),
        request_key: "add-8".into(),
        ..wife.clone()
    };
    assert_eq!(
        refused(s.accounts.add_family_member(alice, &second, IP).await),
        Refusal::RelationTaken(Relation::Spouse)
    );
    let young_parent = MemberForm {
        name: "王大明".into(),
        relation: "parent".into(),
        id_number: "110105202401010030".into(),
        request_key: "add-9".into(),
    };
    assert_eq!(
        refused(s.accounts.add_family_member(alice, &young_parent, IP).await),
        Refusal::BirthOrder(Relation::Parent)
    );
    let resent = s
        .accounts
        .add_family_member(alice, &wife, IP)
        .await
        .unwrap();
    assert_eq!(
        resent.relation,
        domain::Relation::Spouse,
        "a resent form is not a second spouse"
    );
    assert_eq!(s.accounts.family(alice).await.unwrap().len(), 3);

    // Bob sees nothing of Alice's, and cannot remove it.
    assert!(s.accounts.family(bob).await.unwrap().is_empty());
    assert!(matches!(
        s.accounts.family_member(bob, newborn.id).await,
        Err(Error::NotFound)
    ));
    assert!(matches!(
        s.accounts.remove_family_member(bob, newborn.id, IP).await,
        Err(Error::NotFound)
    ));
    s.accounts
        .remove_family_member(alice, newborn.id, IP)
        .await
        .unwrap();
    assert_eq!(s.accounts.family(alice).await.unwrap().len(), 2);
}

async fn addresses_are_kept_and_shown_to_their_owner(url: String) {
    let store = migrated(&url).await;
    let (s, _) = services(store.clone());
    let (alice, _) = signed_in(&s, &store, "13500000001").await;
    let (bob, _) = signed_in(&s, &store, "13500000002").await;
    let form = AddressForm {
        recipient: "王小明".into(),
        phone: "13500000001".into(),
        region: "河南省郑州市金水区".into(),
        detail: "花园路 88 号 3 号楼 2 单元 501".into(),
        request_key: "addr-1".into(),
    };
    let id = s.accounts.add_address(alice, &form, IP).await.unwrap();
    assert_eq!(
        s.accounts.add_address(alice, &form, IP).await.unwrap(),
        id,
        "once"
    );
    let listed = s.accounts.addresses(alice).await.unwrap();
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0].detail, form.detail);
    assert_eq!(listed[0].phone_masked, "135****0001");
    let bad = invalid(
        s.accounts
            .add_address(
                alice,
                &AddressForm {
                    phone: "123".into(),
                    request_key: "addr-2".into(),
                    ..form.clone()
                },
                IP,
            )
            .await,
    );
    assert_eq!(bad, Invalid::ContactPhone(PhoneError::Length));
    assert!(matches!(
        s.accounts.remove_address(bob, id, IP).await,
        Err(Error::NotFound)
    ));
    s.accounts.remove_address(alice, id, IP).await.unwrap();
    assert!(s.accounts.addresses(alice).await.unwrap().is_empty());
}

async fn erasing_an_account_keeps_only_an_anonymous_row(url: String) {
    let store = migrated(&url).await;
    let (s, _) = services(store.clone());
    let (alice, token) = signed_in(&s, &store, "13400000001").await;
    s.accounts
        .verify_identity(alice, "王小明", ID_A, IP)
        .await
        .unwrap();
    s.accounts.erase(alice, IP).await.unwrap();
    assert_eq!(s.accounts.current(&token).await.unwrap(), None);
    assert!(matches!(
        s.accounts.profile(alice).await,
        Err(Error::SignInRequired)
    ));
    let row = store.citizen(alice).await.unwrap().expect("the row stays");
    assert!(row.phone_masked.is_none() && row.id_index.is_none() && row.deleted_at.is_some());
    let trail = store
        .audit_trail(Some(("citizen", alice)), 10)
        .await
        .unwrap();
    let actions: Vec<&str> = trail.iter().map(|a| a.action.as_str()).collect();
    assert_eq!(
        actions,
        ["citizen.erase", "citizen.verify", "citizen.sign_in"]
    );
    assert!(trail.iter().all(|a| a.ip.as_deref() == Some(IP)));
    // The number is free again: the same person may open a new account and verify.
    let (again, _) = signed_in(&s, &store, "13400000001").await;
    assert_ne!(again, alice);
    assert!(
        s.accounts
            .verify_identity(again, "王小明", ID_A, IP)
            .await
            .is_ok()
    );
}

async fn the_audit_log_is_append_only(url: String) {
    let store = migrated(&url).await;
    let (s, _) = services(store.clone());
    signed_in(&s, &store, "13300000001").await;
    for sql in ["UPDATE audit_log SET action = 'x'", "DELETE FROM audit_log"] {
        let refused = if url.starts_with("sqlite") {
            let pool = sqlx::SqlitePool::connect(&url).await.unwrap();
            sqlx::query(sql).execute(&pool).await.map(drop)
        } else {
            let pool = sqlx::PgPool::connect(&url).await.unwrap();
            sqlx::query(sql).execute(&pool).await.map(drop)
        };
        assert!(refused.is_err(), "{sql} must be refused");
    }
    assert_eq!(store.audit_trail(None, 10).await.unwrap().len(), 1);
}

fn form(username: &str, role: &str) -> NewStaffForm {
    NewStaffForm {
        username: username.into(),
        display_name: "李文".into(),
        role: role.into(),
        hall_code: "zz-smzj".into(),
        departments: vec!["bdc".into()],
        active: true,
    }
}

/// Every role the domain names can be given (the store's role check keeps up with it).
async fn every_staff_role_can_be_given(url: String) {
    let (s, _) = services(seeded(&url).await);
    let first = s.staff.create_admin("admin", "系统管理员").await.unwrap();
    let token = s.staff.sign_in("admin", &first, IP, None).await.unwrap();
    let admin = s.staff.current(&token).await.unwrap().expect("signed in");
    for role in domain::StaffRole::ALL {
        let username = format!("role.{}", role.as_str().replace('_', "-"));
        let (member, _) = s
            .staff
            .create(&admin, &form(&username, role.as_str()), IP)
            .await
            .unwrap_or_else(|e| panic!("{role:?}: {e}"));
        assert_eq!(member.role, role);
    }
}

async fn staff_sign_in_locks_after_five_wrong_passwords(url: String) {
    let store = seeded(&url).await;
    let (s, clock) = services(store.clone());
    let first = s.staff.create_admin("admin", "系统管理员").await.unwrap();
    let admin_token = s.staff.sign_in("admin", &first, IP, None).await.unwrap();
    let admin = s
        .staff
        .current(&admin_token)
        .await
        .unwrap()
        .expect("signed in");
    let (clerk, password) = s
        .staff
        .create(&admin, &form("li.wen", "clerk"), IP)
        .await
        .unwrap();
    assert_eq!(clerk.departments, ["bdc"]);
    assert_eq!(
        refused(s.staff.create(&admin, &form("li.wen", "clerk"), IP).await),
        Refusal::UsernameTaken {
            username: "li.wen".into()
        }
    );

    // Unknown, wrong and locked all read alike.
    let signin_refused = |r: Result<String, Error>| match r {
        Err(Error::Refused(Refusal::StaffSignIn)) => {}
        other => panic!("expected the one sign-in refusal, got {other:?}"),
    };
    for _ in 0..5 {
        signin_refused(s.staff.sign_in("li.wen", "wrong password!", IP, None).await);
    }
    // The right password waits too.
    signin_refused(s.staff.sign_in("li.wen", &password, IP, None).await);
    signin_refused(
        s.staff
            .sign_in("nobody", "whatever password", IP, None)
            .await,
    );
    clock.advance(15 * 60);
    let token = s
        .staff
        .sign_in("li.wen", &password, IP, None)
        .await
        .unwrap();
    let me = s.staff.current(&token).await.unwrap().unwrap();
    assert!(
        matches!(s.staff.list(&me).await, Err(Error::Forbidden)),
        "clerks manage nobody"
    );
    // Signing in again from the same browser ends the session it replaces.
    let again = s
        .staff
        .sign_in("li.wen", &password, IP, Some(&token))
        .await
        .unwrap();
    assert_eq!(s.staff.current(&token).await.unwrap(), None);
    let token = again;

    // A reset ends the clerk's sessions and gives a new password.
    let fresh = s.staff.reset_password(&admin, clerk.id, IP).await.unwrap();
    assert_eq!(s.staff.current(&token).await.unwrap(), None);
    assert!(s.staff.sign_in("li.wen", &fresh, IP, None).await.is_ok());
    // An admin cannot demote themselves.
    assert_eq!(
        refused(
            s.staff
                .update(&admin, admin.id, &form("admin", "clerk"), IP)
                .await
        ),
        Refusal::SelfDemote
    );
    // A citizen's session is not a staff session.
    let (_, citizen_token) = signed_in(&s, &store, "13200000001").await;
    assert_eq!(s.staff.current(&citizen_token).await.unwrap(), None);
}

/// Everything the database holds, as bytes: for SQLite the database file and its
/// write-ahead log as they lie on disk; for PostgreSQL every row of every table as text
/// (byte columns appear there in hex, so secrets are searched for in hex as well).
async fn database_bytes(url: &str) -> Vec<u8> {
    if let Some(path) = url.strip_prefix("sqlite://") {
        let mut bytes = std::fs::read(path).unwrap();
        bytes.extend(std::fs::read(format!("{path}-wal")).unwrap_or_default());
        return bytes;
    }
    let pool = sqlx::PgPool::connect(url).await.unwrap();
    let tables: Vec<(String,)> = sqlx::query_as(
        "SELECT table_name::text FROM information_schema.tables WHERE table_schema = 'public'",
    )
    .fetch_all(&pool)
    .await
    .unwrap();
    let mut text = String::new();
    for (table,) in tables {
        let rows: Vec<(String,)> =
            sqlx::query_as(&format!("SELECT CAST(t AS TEXT) FROM {table} t"))
                .fetch_all(&pool)
                .await
                .unwrap();
        for (row,) in rows {
            text.push_str(&row);
            text.push('\n');
        }
    }
    text.into_bytes()
}

fn holds(haystack: &[u8], needle: &str) -> bool {
    let hex: String = needle.bytes().map(|b| format!("{b:02x}")).collect();
    [needle.as_bytes(), hex.as_bytes()]
        .iter()
        .any(|n| haystack.windows(n.len()).any(|w| w == *n))
}

async fn no_personal_number_is_stored_in_clear(url: String) {
    let store = migrated(&url).await;
    let (s, _) = services(store.clone());
    let (alice, _) = signed_in(&s, &store, "13912340000").await;
    s.accounts
        .verify_identity(alice, "王小明", ID_A, IP)
        .await
        .unwrap();
    let child = MemberForm {
        name: "王小贝".into(),
        relation: "child".into(),
        id_number: CHILD_ID.into(),
        request_key: "k".into(),
    };
    s.accounts
        .add_family_member(alice, &child, IP)
        .await
        .unwrap();
    let bytes = database_bytes(&url).await;
    assert!(
        holds(&bytes, "139****0000"),
        "the search sees what is stored"
    );
    for secret in ["13912340000", ID_A, CHILD_ID, "王小明", "王小贝"] {
        assert!(!holds(&bytes, secret), "{secret} is stored in clear");
    }
}

/// Guesses sent all at once must not pass the limit: each attempt is counted before its
/// password is checked, so of twelve parallel wrong guesses only five are ever checked and
/// the account ends locked (before, all twelve read "0 failures" and none locked it).
async fn parallel_guesses_cannot_pass_the_lockout(url: String) {
    let store = seeded(&url).await;
    let (s, _) = services(store.clone());
    let password = s.staff.create_admin("target", "目标").await.unwrap();
    let guesses = (0..12).map(|i| {
        let s = s.clone();
        tokio::spawn(async move {
            s.staff
                .sign_in("target", &format!("wrong password {i}"), IP, None)
                .await
        })
    });
    for guess in guesses {
        assert!(matches!(
            guess.await.unwrap(),
            Err(Error::Refused(Refusal::StaffSignIn))
        ));
    }
    let trail = store.audit_trail(None, 100).await.unwrap();
    let checked = trail
        .iter()
        .filter(|e| e.action == "staff.sign_in_failed")
        .count();
    let turned_away = trail
        .iter()
        .filter(|e| e.action == "staff.sign_in_locked")
        .count();
    assert_eq!(
        (checked, turned_away),
        (5, 7),
        "five checked, the rest refused unread"
    );
    assert!(
        matches!(
            s.staff.sign_in("target", &password, IP, None).await,
            Err(Error::Refused(Refusal::StaffSignIn))
        ),
        "locked: even the right password waits"
    );
}

/// Sign-in codes leave the outbox once expired; dead sessions leave the sessions table;
/// signing in again ends the session the browser held.
async fn expired_codes_and_dead_sessions_are_swept(url: String) {
    let store = migrated(&url).await;
    let (s, clock) = services(store.clone());
    let (id, first) = signed_in(&s, &store, "13600000001").await;
    assert_eq!(store.outbox(None, 10).await.unwrap().len(), 1);
    // Signing in again from that browser: the old token is over.
    s.accounts
        .send_code("13600000001", &backend::random::form_key(), IP)
        .await
        .unwrap();
    clock.advance(61);
    s.accounts
        .send_code("13600000001", &backend::random::form_key(), IP)
        .await
        .unwrap();
    let code = last_code(&store).await;
    let second = s
        .accounts
        .sign_in("13600000001", &code, IP, Some(&first))
        .await
        .unwrap();
    assert_eq!(s.accounts.current(&first).await.unwrap(), None);
    assert_eq!(s.accounts.current(&second.token).await.unwrap(), Some(id));

    // Within five minutes the codes are kept; after, they are purged.
    assert_eq!(s.accounts.sweep().await.unwrap(), (0, 0));
    clock.advance(5 * 60);
    let (texts, _) = s.accounts.sweep().await.unwrap();
    assert_eq!(texts, 2, "both codes of this number");
    assert_eq!(store.outbox(None, 10).await.unwrap().len(), 0);
    // Two hours idle: the session is dead, and the sweep deletes it.
    clock.advance(2 * 3_600);
    assert_eq!(s.accounts.sweep().await.unwrap(), (0, 1));
    assert_eq!(s.accounts.current(&second.token).await.unwrap(), None);
}

/// 实名认证 is rate limited per account, and a collision with another account is written
/// down for staff; the account records which check it passed.
async fn verification_is_limited_and_collisions_recorded(url: String) {
    let store = migrated(&url).await;
    let (s, _) = services(store.clone());
    let (owner, _) = signed_in(&s, &store, "13600000011").await;
    s.accounts
        .verify_identity(owner, "王小明", ID_A, IP)
        .await
        .unwrap();
    let profile = s.accounts.profile(owner).await.unwrap();
    assert_eq!(profile.verify_level, Some(domain::VerifyLevel::Number));
    let (prober, _) = signed_in(&s, &store, "13600000012").await;
    assert_eq!(
        refused(s.accounts.verify_identity(prober, "王小明", ID_A, IP).await),
        Refusal::IdOnAnotherAccount
    );
    let trail = store.audit_trail(None, 50).await.unwrap();
    assert!(
        trail
            .iter()
            .any(|e| e.action == "citizen.verify_collision" && e.actor_id == Some(prober))
    );
    for _ in 0..4 {
        let _ = s
            .accounts
            .verify_identity(prober, "王小明", "110105194912310020", IP)
            .await;
    }
    assert!(matches!(
        s.accounts.verify_identity(prober, "李四", ID_B, IP).await,
        Err(Error::Refused(Refusal::VerifyTooOften))
    ));
}

on_both_stores!(
    a_code_signs_in_within_five_minutes_only,
    five_wrong_codes_kill_the_code,
    sends_are_limited_per_number,
    simultaneous_sends_from_two_processes_send_once,
    one_verified_account_per_id_number,
    sessions_end_when_idle,
    family_members_are_their_owners_only,
    addresses_are_kept_and_shown_to_their_owner,
    erasing_an_account_keeps_only_an_anonymous_row,
    the_audit_log_is_append_only,
    staff_sign_in_locks_after_five_wrong_passwords,
    every_staff_role_can_be_given,
    no_personal_number_is_stored_in_clear,
    parallel_guesses_cannot_pass_the_lockout,
    expired_codes_and_dead_sessions_are_swept,
    verification_is_limited_and_collisions_recorded,
);
