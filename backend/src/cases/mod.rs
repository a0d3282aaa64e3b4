//! 在线申办 and the life of a case: a citizen starts a draft, saves it step by step, submits
//! it (a number, once, however often the button is pressed); clerks and approvers move it
//! through `domain::case::next`, each move one conditional update with its event; the
//! deadline is the domain's clock over the shared calendar.

mod bundles;
mod files;
mod results;
mod texts;
pub mod uploads;

pub use bundles::Started;
pub use files::FileOut;
pub use results::Decision;

use crate::accounts::AccountService;
use crate::blobs::BlobStore;
use crate::booking::BookingService;
use crate::clock::Clock;
use crate::pii::PiiCipher;
use crate::store::{
    CaseEventRecord, CaseRecord, MemberRecord, NewCertificate, NewDraft, Transition,
};
use crate::{Error, Result, Store};
use domain::booking::ForWhom;
use domain::bundle::BundleProgress;
use domain::case::FormSpec;
use domain::case::item_form as forms;
use domain::case::{
    ActedBy, Actor, AnswerView, Answers, CaseAction, CaseNo, CaseState, CaseSummary, CaseView,
    FieldKey, FieldKind, TimelineEntry, deadline, next,
};
use domain::{
    CivilDate, Invalid, OnlineDepth, Reach, Refusal, Relation, ServiceItem, StaffAction,
    StaffMember, may,
};
use std::collections::HashMap;
use std::sync::{Arc, RwLock};

/// The PII column name the answers are sealed under.
const ANSWERS: &str = "cases.answers";

#[derive(Clone)]
pub struct CaseService {
    store: Arc<dyn Store>,
    booking: BookingService,
    accounts: AccountService,
    pii: PiiCipher,
    clock: Arc<dyn Clock>,
    blobs: Arc<dyn BlobStore>,
    /// The catalogue's bundles, built on first use (the catalogue changes only at start).
    bundles: Arc<RwLock<Option<bundles::Built>>>,
}

/// Narrowing a staff queue: one of the role's states, one 事项.
#[derive(Clone, Debug, Default)]
pub struct QueueFilter {
    pub state: Option<CaseState>,
    pub item: Option<String>,
}

/// Starting an application: the 事项, for whom, and the form's one-time key.
#[derive(Clone, Debug)]
pub struct StartForm {
    pub item: String,
    pub member_id: Option<i64>,
    pub request_key: String,
}

impl CaseService {
    pub fn new(
        store: Arc<dyn Store>,
        booking: BookingService,
        accounts: AccountService,
        pii: PiiCipher,
        clock: Arc<dyn Clock>,
        blobs: Arc<dyn BlobStore>,
    ) -> Self {
        Self {
            store,
            booking,
            accounts,
            pii,
            clock,
            blobs,
            bundles: Arc::default(),
        }
    }

    /// A draft for the 事项 (the same one again for the same form key).
    pub async fn start(&self, citizen_id: i64, form: &StartForm) -> Result<i64> {
        if form.request_key.is_empty() || form.request_key.len() > 64 {
            return Err(Refusal::FormExpired.into());
        }
        let item = self.item(&form.item).await?;
        if item.depth < OnlineDepth::PreReview {
            return Err(Refusal::NotOnline.into());
        }
        self.verified_applicant(citizen_id).await?;
        if let Some(member) = form.member_id {
            self.store
                .family_member(citizen_id, member)
                .await?
                .ok_or(Error::NotFound)?;
        }
        let record = self
            .store
            .create_draft(&NewDraft {
                citizen_id,
                member_id: form.member_id,
                item_code: item.code.as_str(),
                department_code: &item.department.code,
                answers_enc: &self.seal(&Answers::new())?,
                limit_days: i64::from(item.promised_limit.0),
                immediate: item.promised_limit.0 == 0,
                request_key: &form.request_key,
                now: self.clock.now(),
                bundle_code: None,
            })
            .await?;
        Ok(record.id)
    }

    /// Keeps what was typed in `step` (merged into the saved answers); with `check`, the
    /// step must be right first (going on to the next step). Saving a draft never checks.
    pub async fn save(
        &self,
        citizen_id: i64,
        case_id: i64,
        step: u32,
        typed: &Answers,
        check: bool,
    ) -> Result<()> {
        let record = self.own(citizen_id, case_id).await?;
        let form = self.form_of(&record).await?;
        let mut answers = self.open(&record)?;
        // Only what the citizen answers here: a fact issued by an earlier item of a 一件事
        // keeps its value whatever is posted.
        let asked: Vec<&FieldKey> = form.asked_in(step as usize).map(|f| &f.key).collect();
        for key in asked {
            match typed.get(key) {
                Some(value) => answers.insert(key.clone(), value.clone()),
                None => answers.remove(key),
            };
        }
        if check {
            let files = self.store.case_files(case_id).await?;
            let in_step = |k: &FieldKey| {
                form.steps
                    .get(step as usize)
                    .is_some_and(|s| s.fields.iter().any(|f| &f.key == k))
            };
            let mut problems = match form.check(&answers, Some(step as usize), self.today()) {
                Ok(_) => Vec::new(),
                Err(problems) => problems,
            };
            problems.extend(
                Self::missing_uploads(&form, &files)
                    .into_iter()
                    .filter(|(k, _)| in_step(k)),
            );
            if !problems.is_empty() {
                return Err(Invalid::Form(problems).into());
            }
        }
        let next_step = if check { step + 1 } else { step };
        let saved = self
            .store
            .save_answers(
                case_id,
                citizen_id,
                &self.seal(&answers)?,
                i64::from(next_step.min(form.steps.len() as u32)),
                self.clock.now(),
            )
            .await?;
        if !saved {
            return Err(Refusal::CaseClosedForChanges.into());
        }
        Ok(())
    }

    /// Sends the case in: every step checked, a number drawn (once: a second press finds the
    /// case sent and answers with it). A case sent back for a supplement goes in again.
    pub async fn submit(&self, citizen_id: i64, case_id: i64) -> Result<CaseView> {
        let record = self.own(citizen_id, case_id).await?;
        let state = self.state(&record)?;
        let action = match state {
            CaseState::Draft => CaseAction::Submit,
            CaseState::NeedsSupplement => CaseAction::Resubmit,
            _ => return self.my_case(citizen_id, case_id).await,
        };
        let answers = self.open(&record)?;
        let form = self.form_of(&record).await?;
        let files = self.store.case_files(case_id).await?;
        let missing = Self::missing_uploads(&form, &files);
        let clean = match form.check(&answers, None, self.today()) {
            Ok(clean) if missing.is_empty() => clean,
            Ok(_) => return Err(Invalid::Form(missing).into()),
            Err(mut problems) => {
                problems.extend(missing);
                return Err(Invalid::Form(problems).into());
            }
        };
        self.check_delivery(citizen_id, &clean).await?;
        if let Some(code) = &record.bundle_code {
            let b = self.bundle(code).await?;
            self.submit_bundle(citizen_id, &record, &b, &clean).await?;
            return self.my_case(citizen_id, case_id).await;
        }
        let item = self.item(&record.item_code).await?;
        for _ in 0..5 {
            let number = record.number.clone().unwrap_or_else(|| {
                CaseNo::new(self.today(), crate::random::u32())
                    .as_str()
                    .to_owned()
            });
            let moved = self
                .store
                .transition(&Transition {
                    actor_id: citizen_id,
                    number: Some(&number),
                    ..Transition::new(
                        case_id,
                        state.as_str(),
                        CaseState::Submitted.as_str(),
                        action.as_str(),
                        self.clock.now(),
                    )
                })
                .await;
            match moved {
                Ok(true) => {
                    self.tell(&record, &item, CaseState::Submitted, &number, None)
                        .await;
                    return self.my_case(citizen_id, case_id).await;
                }
                // Moved by the first of two presses: it is in.
                Ok(false) => return self.my_case(citizen_id, case_id).await,
                Err(Error::Database(e)) if crate::store::is_unique_violation(&e) => continue,
                Err(e) => return Err(e),
            }
        }
        Err(Error::Corrupt("case numbers kept colliding".to_owned()))
    }

    /// Withdraws the citizen's case before a decision.
    pub async fn withdraw(&self, citizen_id: i64, case_id: i64) -> Result<()> {
        let record = self.own(citizen_id, case_id).await?;
        if record.bundle_code.is_some() {
            // A bundle's items are withdrawn one by one, on the bundle page.
            return Err(Refusal::CaseNotNow(self.state(&record)?).into());
        }
        self.apply(
            &record,
            CaseAction::Withdraw,
            Actor::Citizen,
            citizen_id,
            &results::Extra::default(),
        )
        .await
    }

    /// A clerk's or approver's action on a case of their department, with a reason where one
    /// is needed. A case out of their reach reads as not found.
    pub async fn act(
        &self,
        staff: &StaffMember,
        case_id: i64,
        action: CaseAction,
        note: &str,
    ) -> Result<()> {
        self.decide(staff, case_id, &Decision::new(action, note))
            .await
    }

    async fn apply(
        &self,
        record: &CaseRecord,
        action: CaseAction,
        actor: Actor,
        actor_id: i64,
        extra: &results::Extra,
    ) -> Result<()> {
        let (department, note) = (extra.department.as_deref(), extra.note.as_deref());
        let state = self.state(record)?;
        let to = next(state, action, actor, record.immediate).map_err(|f| match f {
            domain::case::Forbidden::NotImmediate => Refusal::NotImmediate,
            _ => Refusal::CaseNotNow(state),
        })?;
        let moved = self
            .store
            .transition(&Transition {
                actor_kind: if actor == Actor::Citizen {
                    "citizen"
                } else {
                    "staff"
                },
                actor_id,
                department_code: department,
                note,
                wanted: extra.wanted.as_deref(),
                pickup_code: extra.pickup_code.as_deref(),
                tracking_no: extra.tracking_no.as_deref(),
                certificate: extra.certificate.as_ref().map(|c| NewCertificate {
                    code: &c.code,
                    content: &c.content,
                    signature: &c.signature,
                }),
                answers_enc: extra.answers.as_deref(),
                ..Transition::new(
                    record.id,
                    state.as_str(),
                    to.as_str(),
                    action.as_str(),
                    self.clock.now(),
                )
            })
            .await?;
        if !moved {
            // Someone else moved it first: say where it stands now.
            let now = self
                .store
                .case_by_id(record.id)
                .await?
                .ok_or(Error::NotFound)?;
            return Err(Refusal::CaseNotNow(self.state(&now)?).into());
        }
        if actor != Actor::Citizen {
            let item = self.item(&record.item_code).await?;
            let number = record.number.clone().unwrap_or_default();
            self.tell(record, &item, to, &number, note).await;
        }
        if let Some(parent) = record.parent_id.filter(|_| to.is_finished()) {
            // The move stands either way; a release missed here is made by the jobs.
            if let Err(e) = self.advance(parent).await {
                tracing::error!(error = %e, parent, "bundle not advanced");
            }
        }
        Ok(())
    }

    /// Texts the applicant about a move they must know of. Best effort: the move stands
    /// even if the text could not be queued.
    async fn tell(
        &self,
        record: &CaseRecord,
        item: &ServiceItem,
        to: CaseState,
        number: &str,
        note: Option<&str>,
    ) {
        let limit = u32::try_from(record.limit_days).unwrap_or(0);
        let Some(body) = texts::on_state(to, &item.name, number, limit, note) else {
            return;
        };
        if let Err(e) = self.accounts.text_citizen(record.citizen_id, &body).await {
            tracing::warn!(error = %e, "case text not queued");
        }
    }

    /// `/track`: the case numbered `number` whose applicant's phone ends in `last4`, for
    /// someone not signed in. A wrong pair reads exactly like an unknown number, and each
    /// try costs one of the address's tries (as a sign-in code does).
    pub async fn track(&self, number: &str, last4: &str, ip: &str) -> Result<CaseSummary> {
        self.accounts.count_try(ip)?;
        let number = CaseNo::parse(number).ok_or(Invalid::CaseNumber)?;
        let last4 = domain::plain_number(last4);
        if last4.len() != 4 || !last4.bytes().all(|b| b.is_ascii_digit()) {
            return Err(Invalid::PhoneTail.into());
        }
        let record = self
            .store
            .case_by_number(number.as_str())
            .await?
            .ok_or(Error::NotFound)?;
        let citizen = self.store.citizen(record.citizen_id).await?;
        let matches = citizen
            .and_then(|c| c.phone_masked)
            .is_some_and(|masked| masked.ends_with(&last4));
        if !matches {
            return Err(Error::NotFound);
        }
        Ok(self.summaries(vec![record]).await?.remove(0))
    }

    /// The citizen's cases, newest change first.
    pub async fn my_cases(&self, citizen_id: i64) -> Result<Vec<CaseSummary>> {
        self.summaries(self.store.cases_of(citizen_id).await?).await
    }

    /// Summaries of listed cases in a fixed number of queries, however many there are: their
    /// events, family members and bundle items fetched together, the 事项 and calendar from
    /// the caches.
    async fn summaries(&self, records: Vec<CaseRecord>) -> Result<Vec<CaseSummary>> {
        let ids: Vec<i64> = records.iter().map(|r| r.id).collect();
        let mut events: HashMap<i64, Vec<CaseEventRecord>> = HashMap::new();
        if !ids.is_empty() {
            for e in self.store.case_events_of(&ids).await? {
                events.entry(e.case_id).or_default().push(e);
            }
        }
        let member_ids: Vec<i64> = records.iter().filter_map(|r| r.member_id).collect();
        let members: HashMap<i64, MemberRecord> = if member_ids.is_empty() {
            HashMap::new()
        } else {
            let found = self.store.members_by_id(&member_ids).await?;
            found.into_iter().map(|m| (m.id, m)).collect()
        };
        let joint: Vec<i64> = records
            .iter()
            .filter(|r| r.bundle_code.is_some())
            .map(|r| r.id)
            .collect();
        let mut parts: HashMap<i64, Vec<CaseState>> = HashMap::new();
        if !joint.is_empty() {
            for p in self.store.bundle_parts(&joint).await? {
                let state = self.state(&p)?;
                parts
                    .entry(p.parent_id.unwrap_or_default())
                    .or_default()
                    .push(state);
            }
        }
        let today = self.today();
        let mut out = Vec::with_capacity(records.len());
        for record in &records {
            let member = record.member_id.map(|id| members.get(&id));
            let events = events.get(&record.id).map_or(&[][..], Vec::as_slice);
            let mut summary = self.summary(record, events, member, today).await?;
            if let Some(states) = parts.get(&record.id) {
                summary.bundle = Some(BundleProgress::of(states.iter().copied()));
            }
            out.push(summary);
        }
        Ok(out)
    }

    /// What the citizen has typed so far, as typed, to fill the form again: only while the
    /// form is open to their changes.
    pub async fn typed_answers(&self, citizen_id: i64, case_id: i64) -> Result<Answers> {
        let record = self.own(citizen_id, case_id).await?;
        if !self.state(&record)?.awaits_citizen() {
            return Err(Refusal::CaseClosedForChanges.into());
        }
        self.open(&record)
    }

    /// One of the citizen's cases, whole.
    pub async fn my_case(&self, citizen_id: i64, case_id: i64) -> Result<CaseView> {
        let record = self.own(citizen_id, case_id).await?;
        self.view(&record, true).await
    }

    /// A case of the staff member's departments, whole; others read as not found.
    pub async fn staff_case(&self, staff: &StaffMember, case_id: i64) -> Result<CaseView> {
        let record = self.staff_record(staff, case_id).await?;
        self.view(&record, false).await
    }

    /// A case the staff member may see (of their departments' work, never a draft); any
    /// other reads as not found.
    pub(super) async fn staff_record(
        &self,
        staff: &StaffMember,
        case_id: i64,
    ) -> Result<CaseRecord> {
        let record = self
            .store
            .case_by_id(case_id)
            .await?
            .ok_or(Error::NotFound)?;
        let reach = Reach::department(&record.department_code);
        let sees = may(staff, StaffAction::HandleCases, &reach)
            || may(staff, StaffAction::DecideCases, &reach);
        // A bundle application has no department: only its items are staff work.
        let joint = record.bundle_code.is_some();
        if !sees || joint || record.state == CaseState::Draft.as_str() {
            return Err(Error::NotFound);
        }
        Ok(record)
    }

    /// The staff member's work: cases of their departments (a 综合受理 window: of every
    /// department) waiting on their role, narrowed by `filter`; overdue first, then by days
    /// left, then oldest.
    pub async fn queue(
        &self,
        staff: &StaffMember,
        filter: &QueueFilter,
    ) -> Result<Vec<CaseSummary>> {
        let mut states: Vec<&str> = match staff.role {
            domain::StaffRole::Clerk | domain::StaffRole::GeneralClerk => vec![
                CaseState::Submitted.as_str(),
                CaseState::Approved.as_str(),
                CaseState::Concluded.as_str(),
            ],
            domain::StaffRole::Approver => {
                vec![
                    CaseState::Accepted.as_str(),
                    CaseState::UnderReview.as_str(),
                ]
            }
            _ => return Err(Error::Forbidden),
        };
        if let Some(state) = filter.state {
            states.retain(|s| *s == state.as_str());
        }
        // An empty list asks for every department.
        let every = staff.role == domain::StaffRole::GeneralClerk;
        if states.is_empty() || (staff.departments.is_empty() && !every) {
            return Ok(Vec::new());
        }
        let departments: &[String] = if every { &[] } else { &staff.departments };
        let records = self
            .store
            .case_queue(departments, &states, filter.item.as_deref(), 500)
            .await?;
        let mut out = self.summaries(records).await?;
        out.sort_by_key(|c| {
            let left = c.deadline.map_or(i64::MAX, |d| d.days_left);
            (left >= 0, left)
        });
        Ok(out)
    }

    /// The case whole; `for_applicant` adds what only the applicant may see (the pickup code).
    async fn view(&self, record: &CaseRecord, for_applicant: bool) -> Result<CaseView> {
        let events = self.store.case_events(record.id).await?;
        let member = match record.member_id {
            Some(id) => Some(self.store.family_member(record.citizen_id, id).await?),
            None => None,
        };
        let mut summary = self
            .summary(
                record,
                &events,
                member.as_ref().map(Option::as_ref),
                self.today(),
            )
            .await?;
        let form = self.form_of(record).await?;
        let bundle = match &record.bundle_code {
            Some(code) if record.state != CaseState::Draft.as_str() => {
                let b = self.bundle(code).await?;
                let view = self.bundle_view(record, &b).await?;
                summary.bundle = Some(view.progress);
                Some(view)
            }
            _ => None,
        };
        let part_of = self.part_view(record).await?;
        let answers = self.open(record)?;
        let shown = form
            .fields()
            .filter_map(|f| {
                let value = answers.get(&f.key)?;
                let value = match &f.kind {
                    FieldKind::IdNumber => domain::mask_middle(value, 1, 1),
                    FieldKind::Phone => domain::mask_middle(value, 3, 4),
                    FieldKind::Choice { options } => options
                        .iter()
                        .find(|o| &o.value == value)
                        .map_or_else(|| value.clone(), |o| o.label.clone()),
                    _ => value.clone(),
                };
                Some(AnswerView {
                    key: f.key.as_str().to_owned(),
                    label: f.label.clone(),
                    value,
                })
            })
            .collect();
        let departments = self.store.departments().await?;
        let department_name = |code: &Option<String>| {
            code.as_ref()
                .and_then(|c| departments.iter().find(|d| &d.code == c))
                .map(|d| d.short_name.clone())
                .unwrap_or_default()
        };
        let timeline = events
            .iter()
            .filter_map(|e| {
                let action = CaseAction::parse(&e.action)?;
                let by = match action.actor() {
                    Actor::Citizen => ActedBy::Applicant,
                    Actor::Clerk => ActedBy::Clerk {
                        department_name: department_name(&e.department_code),
                    },
                    Actor::Approver => ActedBy::Approver {
                        department_name: department_name(&e.department_code),
                    },
                    Actor::System => ActedBy::Bundle,
                };
                let wanted = e
                    .wanted
                    .iter()
                    .flat_map(|w| w.split_whitespace())
                    .filter_map(|k| {
                        let f = form.fields().find(|f| f.key.as_str() == k)?;
                        Some((k.to_owned(), f.label.clone()))
                    })
                    .collect();
                Some(TimelineEntry {
                    at: e.at,
                    action,
                    state: CaseState::parse(&e.to_state)?,
                    by,
                    note: e.note.clone(),
                    wanted,
                })
            })
            .collect();
        let files = files::file_views(&self.store.case_files(record.id).await?);
        let result = self.result(record, &answers, for_applicant).await?;
        Ok(CaseView {
            summary,
            files,
            result,
            delivery: results::delivery_of(&answers),
            step: u32::try_from(record.step).unwrap_or(0),
            form,
            answers: shown,
            timeline,
            bundle,
            part_of,
        })
    }

    /// `member`: None when applying for oneself; Some(None) for a member since removed.
    async fn summary(
        &self,
        record: &CaseRecord,
        events: &[CaseEventRecord],
        member: Option<Option<&MemberRecord>>,
        today: CivilDate,
    ) -> Result<CaseSummary> {
        let (item_name, department_name) = match &record.bundle_code {
            Some(code) => (self.bundle(code).await?.def.name.clone(), String::new()),
            None => {
                let item = self.item(&record.item_code).await?;
                (item.name.clone(), item.department.short_name.clone())
            }
        };
        let marks = bundles::clock_marks(events);
        let limit = u32::try_from(record.limit_days).unwrap_or(0);
        let calendar = self.booking.calendar().await?;
        let for_whom = match member {
            None => ForWhom::Myself,
            Some(Some(m)) => ForWhom::Member {
                name_masked: m.name_masked.clone(),
                relation: Relation::parse(&m.relation),
            },
            Some(None) => ForWhom::FormerMember,
        };
        Ok(CaseSummary {
            id: record.id,
            number: record.number.clone(),
            item_code: record.item_code.clone(),
            item_name,
            department_name,
            state: self.state(record)?,
            for_whom,
            updated_at: record.updated_at,
            deadline: deadline(&calendar, limit, &marks, today),
            limit_days: limit,
            bundle: None,
        })
    }

    /// Post needs one of the citizen's saved addresses.
    async fn check_delivery(&self, citizen_id: i64, answers: &Answers) -> Result<()> {
        let get = |k: &str| FieldKey::parse(k).and_then(|k| answers.get(&k).cloned());
        if get(forms::DELIVERY).as_deref() != Some("post") {
            return Ok(());
        }
        let address = get(forms::ADDRESS).and_then(|a| a.parse::<i64>().ok());
        let saved = self.store.addresses(citizen_id).await?;
        match address {
            Some(id) if saved.iter().any(|a| a.id == id) => Ok(()),
            _ => Err(Invalid::Form(vec![(
                FieldKey::parse(forms::ADDRESS).ok_or(Error::NotFound)?,
                domain::case::FieldProblem::Missing,
            )])
            .into()),
        }
    }

    /// Only a live, real-name verified citizen applies.
    async fn verified_applicant(&self, citizen_id: i64) -> Result<()> {
        let citizen = self
            .store
            .citizen(citizen_id)
            .await?
            .filter(|c| c.deleted_at.is_none())
            .ok_or(Error::SignInRequired)?;
        if citizen.verified_at.is_none() {
            return Err(Refusal::NotVerified.into());
        }
        Ok(())
    }

    /// The citizen's own case; anyone else's reads as not found.
    async fn own(&self, citizen_id: i64, case_id: i64) -> Result<CaseRecord> {
        self.store
            .case_by_id(case_id)
            .await?
            .filter(|r| r.citizen_id == citizen_id)
            .ok_or(Error::NotFound)
    }

    /// The form the case is filled in and checked by: the 事项's own, a bundle's joint form,
    /// or a bundle item's form with the facts fed to it.
    async fn form_of(&self, record: &CaseRecord) -> Result<FormSpec> {
        match self.bundle_form(record).await? {
            Some(form) => Ok(form),
            None => Ok(forms::form_for(&*self.item(&record.item_code).await?)),
        }
    }

    /// The 事项, from the process's reference cache (the catalogue changes only at start).
    async fn item(&self, code: &str) -> Result<Arc<ServiceItem>> {
        self.booking.item(code).await
    }

    fn state(&self, record: &CaseRecord) -> Result<CaseState> {
        CaseState::parse(&record.state)
            .ok_or_else(|| Error::Corrupt(format!("case state {}", record.state)))
    }

    fn seal(&self, answers: &Answers) -> Result<Vec<u8>> {
        let json = serde_json::to_string(answers).map_err(|e| Error::Corrupt(e.to_string()))?;
        Ok(self.pii.encrypt(&json, ANSWERS))
    }

    fn open(&self, record: &CaseRecord) -> Result<Answers> {
        let json = self
            .pii
            .decrypt(&record.answers_enc, ANSWERS)
            .map_err(|e| Error::Corrupt(e.to_string()))?;
        serde_json::from_str(&json).map_err(|e| Error::Corrupt(e.to_string()))
    }

    fn today(&self) -> CivilDate {
        CivilDate::in_china(self.clock.now())
    }
}
