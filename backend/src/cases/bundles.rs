//! 一件事 bundles at work. The joint application is a case of its own (`bundle_code` set, no
//! department): it is filled, saved, uploaded to and checked like any case, by the bundle's
//! joint form. Submitting it makes one case per item in the same transaction — sent in, or
//! 等待前序事项 — each with only the answers and uploads its own 事项 asks for. When an item's
//! result is issued, `advance` releases every waiting item whose prerequisites are all
//! finished, with the outputs they take filled in; the release is a conditional move, so two
//! prerequisites finishing at once release their dependant once.

use super::CaseService;
use crate::accounts::MemberForm;
use crate::store::{CaseRecord, NewPart, Transition};
use crate::{Error, Result};
use domain::bundle::{
    Bundle, BundleEntry, BundleIntro, BundlePart, BundleProgress, BundleView, FlowBox, NotEligible,
    check_eligibility, layers,
};
use domain::case::{
    Answers, CaseAction, CaseNo, CaseState, ClockMark, FieldProblem, FormSpec, PartOf, deadline,
};
use domain::{CivilDate, Invalid, OnlineDepth, Refusal};
use std::collections::HashMap;
use std::sync::Arc;

/// How often a bundle's submission draws its numbers again before giving up.
const NUMBER_DRAWS: usize = 30;

/// The catalogue's bundles, built.
pub(super) type Built = Arc<Vec<Arc<Bundle>>>;

/// What asking to start a bundle gives.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Started {
    /// The joint application's draft.
    Draft(i64),
    /// The eligibility rules (by position) not met; each says why in the seed.
    NotEligible(Vec<usize>),
}

impl CaseService {
    /// Every bundle of the catalogue, built once from the seed and the items' guides.
    pub async fn bundles(&self) -> Result<Built> {
        if let Some(built) = self.bundles.read().map_err(poisoned)?.as_ref() {
            return Ok(built.clone());
        }
        let mut built = Vec::new();
        for def in self.store.bundle_defs().await? {
            let mut items = Vec::new();
            for bi in def.items.iter().map(|i| &i.item).chain(&def.follow_ups) {
                items.push(self.item(bi).await?);
            }
            let find = |code: &str| items.iter().map(|i| &**i).find(|i| i.code.as_str() == code);
            let bundle = Bundle::build(def, find).map_err(|problems| {
                let text: Vec<String> = problems.iter().map(ToString::to_string).collect();
                Error::Corrupt(text.join("；"))
            })?;
            built.push(Arc::new(bundle));
        }
        let built = Arc::new(built);
        *self.bundles.write().map_err(poisoned)? = Some(built.clone());
        Ok(built)
    }

    pub async fn bundle(&self, code: &str) -> Result<Arc<Bundle>> {
        self.bundles()
            .await?
            .iter()
            .find(|b| b.def.code == code)
            .cloned()
            .ok_or(Error::NotFound)
    }

    /// Tiles for home (every bundle), a theme page (`theme`) or a search (`query`).
    pub async fn bundle_entries(
        &self,
        theme: Option<domain::Theme>,
        query: &str,
    ) -> Result<Vec<BundleEntry>> {
        Ok(self
            .bundles()
            .await?
            .iter()
            .filter(|b| theme.is_none_or(|t| b.def.themes.contains(&t)))
            .filter(|b| query.trim().is_empty() || b.def.matches(query))
            .map(|b| entry(b))
            .collect())
    }

    /// The page before applying: what it spares, its items and order, who may apply.
    pub async fn bundle_intro(&self, code: &str) -> Result<BundleIntro> {
        let b = self.bundle(code).await?;
        Ok(BundleIntro {
            entry: entry(&b),
            savings: b.savings(),
            items: b
                .order
                .iter()
                .map(|&i| {
                    let it = &b.items[i];
                    (
                        it.code.as_str().to_owned(),
                        it.name.clone(),
                        it.department.short_name.clone(),
                    )
                })
                .collect(),
            questions: b.def.eligibility.iter().map(|r| r.field.clone()).collect(),
            whys: b.def.eligibility.iter().map(|r| r.why.clone()).collect(),
            flow: flow(&b, |_| None),
            visits: b.def.visits,
        })
    }

    /// Checks who may apply and, if they may, starts the joint application with the
    /// eligibility answers kept (they are asked once). The same form key gives the same draft.
    pub async fn start_bundle(
        &self,
        citizen_id: i64,
        code: &str,
        answers: &Answers,
        request_key: &str,
    ) -> Result<Started> {
        if request_key.is_empty() || request_key.len() > 64 {
            return Err(Refusal::FormExpired.into());
        }
        let b = self.bundle(code).await?;
        let clean = match check_eligibility(&b.def.eligibility, answers, self.today()) {
            Ok(clean) => clean,
            Err(NotEligible::Form(problems)) => return Err(Invalid::Form(problems).into()),
            Err(NotEligible::Rules(unmet)) => return Ok(Started::NotEligible(unmet)),
        };
        self.verified_applicant(citizen_id).await?;
        let record = self
            .store
            .create_draft(&crate::store::NewDraft {
                citizen_id,
                member_id: None,
                item_code: &b.def.code,
                department_code: "",
                answers_enc: &self.seal(&clean)?,
                limit_days: 0,
                immediate: false,
                request_key,
                now: self.clock.now(),
                bundle_code: Some(&b.def.code),
            })
            .await?;
        Ok(Started::Draft(record.id))
    }

    /// Sends the joint application in: one case per item, in one transaction. A second
    /// press finds it sent.
    pub(super) async fn submit_bundle(
        &self,
        citizen_id: i64,
        record: &CaseRecord,
        b: &Bundle,
        clean: &Answers,
    ) -> Result<()> {
        if let Err(NotEligible::Rules(_)) =
            check_eligibility(&b.def.eligibility, clean, self.today())
        {
            let keys = b.def.eligibility.iter().map(|r| r.field.key.clone());
            return Err(
                Invalid::Form(keys.map(|k| (k, FieldProblem::Ineligible)).collect()).into(),
            );
        }
        let sealed: Vec<Vec<u8>> = (0..b.items.len())
            .map(|i| self.seal(&b.answers_for(i, clean)))
            .collect::<Result<_>>()?;
        // (item's key, joint key) of the uploads each item takes.
        let files: Vec<Vec<(String, String)>> = (0..b.items.len())
            .map(|i| {
                b.uploads
                    .iter()
                    .flat_map(|u| u.serves.iter().map(move |(p, own)| (p, own, &u.key)))
                    .filter(|(p, ..)| **p == i)
                    .map(|(_, own, joint)| (own.to_string(), joint.to_string()))
                    .collect()
            })
            .collect();
        // A bundle draws one number per item plus its own, all or none: with 60 000 cases on
        // one day (of a million numbers a day) a draw collides one time in three, so it
        // draws again more often than a single case does (measured by bench/bundles.sh).
        for _ in 0..NUMBER_DRAWS {
            let numbers: Vec<String> = (0..=b.items.len())
                .map(|_| {
                    CaseNo::new(self.today(), crate::random::u32())
                        .as_str()
                        .to_owned()
                })
                .collect();
            let parts = b
                .items
                .iter()
                .enumerate()
                .map(|(i, item)| NewPart {
                    item_code: item.code.as_str(),
                    department_code: &item.department.code,
                    state: if b.pre[i].is_empty() {
                        CaseState::Submitted.as_str()
                    } else {
                        CaseState::Waiting.as_str()
                    },
                    number: &numbers[i + 1],
                    answers_enc: sealed[i].clone(),
                    limit_days: i64::from(item.promised_limit.0),
                    immediate: item.promised_limit.0 == 0,
                    request_key: format!("bundle-{}-{i}", record.id),
                    files: files[i]
                        .iter()
                        .map(|(own, joint)| (own.as_str(), joint.as_str()))
                        .collect(),
                })
                .collect();
            let moved = self
                .store
                .transition(&Transition {
                    number: Some(&numbers[0]),
                    actor_id: citizen_id,
                    parts,
                    ..Transition::new(
                        record.id,
                        CaseState::Draft.as_str(),
                        CaseState::Submitted.as_str(),
                        CaseAction::Submit.as_str(),
                        self.clock.now(),
                    )
                })
                .await;
            match moved {
                Ok(true) => {
                    let body = super::texts::bundle_sent(&b.def.name, b.items.len());
                    if let Err(e) = self.accounts.text_citizen(citizen_id, &body).await {
                        tracing::warn!(error = %e, "bundle text not queued");
                    }
                    return Ok(());
                }
                Ok(false) => return Ok(()),
                Err(Error::Database(e)) if crate::store::is_unique_violation(&e) => continue,
                Err(e) => return Err(e),
            }
        }
        Err(Error::Corrupt("case numbers kept colliding".to_owned()))
    }

    /// Releases the bundle's waiting items whose prerequisites are all finished, with the
    /// outputs they take; adds the person the bundle is about to the family once their ID
    /// number is issued. Safe to run any number of times, at once too.
    pub async fn advance(&self, parent_id: i64) -> Result<u32> {
        let parent = self
            .store
            .case_by_id(parent_id)
            .await?
            .ok_or(Error::NotFound)?;
        let b = self
            .bundle(parent.bundle_code.as_deref().unwrap_or_default())
            .await?;
        let parts = self.parts_in_order(&b, parent_id).await?;
        let states: Vec<CaseState> = parts.iter().map(|p| self.state(p)).collect::<Result<_>>()?;
        let finished: Vec<bool> = states.iter().map(|s| s.is_finished()).collect();
        let answers: Vec<Answers> = parts.iter().map(|p| self.open(p)).collect::<Result<_>>()?;
        let member = self.member_from(&b, &parent, &finished, &answers).await;
        let mut released = 0;
        for (i, part) in parts.iter().enumerate() {
            let ready = states[i] == CaseState::Waiting && b.pre[i].iter().all(|&p| finished[p]);
            if !ready {
                continue;
            }
            let mut given = answers[i].clone();
            for (from, out) in b.fed_into(i) {
                if let Some(v) = answers[from].get(&out.field.key) {
                    given.insert(out.field.key.clone(), v.clone());
                }
            }
            let sealed = self.seal(&given)?;
            let moved = self
                .store
                .transition(&Transition {
                    actor_kind: "system",
                    answers_enc: Some(&sealed),
                    member_id: member,
                    ..Transition::new(
                        part.id,
                        CaseState::Waiting.as_str(),
                        CaseState::Submitted.as_str(),
                        CaseAction::Release.as_str(),
                        self.clock.now(),
                    )
                })
                .await?;
            released += u32::from(moved);
        }
        Ok(released)
    }

    /// Runs `advance` over every bundle with a waiting item: a release lost to a crash
    /// between an item's result and its dependants' start is made here.
    pub async fn advance_all(&self) -> Result<u64> {
        let mut released = 0;
        for parent in self.store.bundles_waiting().await? {
            released += u64::from(self.advance(parent).await?);
        }
        Ok(released)
    }

    /// The family member the bundle adds (once the item issuing their ID number has finished).
    async fn member_from(
        &self,
        b: &Bundle,
        parent: &CaseRecord,
        finished: &[bool],
        answers: &[Answers],
    ) -> Option<i64> {
        let from = b.def.adds_member.as_ref()?;
        let id_number = (0..b.items.len())
            .filter(|&i| finished[i])
            .find_map(|i| answers[i].get(&from.id_number))?;
        let name = self.open(parent).ok()?.get(&from.name)?.clone();
        let form = MemberForm {
            name,
            relation: from.relation.as_str().to_owned(),
            id_number: id_number.clone(),
            request_key: format!("bundle-{}", parent.id),
        };
        match self
            .accounts
            .add_family_member(parent.citizen_id, &form, "bundle")
            .await
        {
            Ok(m) => Some(m.id),
            Err(e) => {
                tracing::warn!(error = %e, parent = parent.id, "bundle member not added");
                None
            }
        }
    }

    /// The bundle's item cases by the definition's positions.
    pub(super) async fn parts_in_order(
        &self,
        b: &Bundle,
        parent_id: i64,
    ) -> Result<Vec<CaseRecord>> {
        let mut by_item: HashMap<String, CaseRecord> = self
            .store
            .bundle_parts(&[parent_id])
            .await?
            .into_iter()
            .map(|p| (p.item_code.clone(), p))
            .collect();
        b.def
            .items
            .iter()
            .map(|bi| {
                by_item
                    .remove(&bi.item)
                    .ok_or_else(|| Error::Corrupt(format!("bundle {parent_id} lacks {}", bi.item)))
            })
            .collect()
    }

    /// A submitted bundle, tracked: each item with its state and clock, and the flow chart.
    pub(super) async fn bundle_view(&self, parent: &CaseRecord, b: &Bundle) -> Result<BundleView> {
        let parts = self.parts_in_order(b, parent.id).await?;
        let ids: Vec<i64> = parts.iter().map(|p| p.id).collect();
        let mut events: HashMap<i64, Vec<crate::store::CaseEventRecord>> = HashMap::new();
        for e in self.store.case_events_of(&ids).await? {
            events.entry(e.case_id).or_default().push(e);
        }
        let calendar = self.booking.calendar().await?;
        let today = self.today();
        let states: Vec<CaseState> = parts.iter().map(|p| self.state(p)).collect::<Result<_>>()?;
        let views = parts
            .iter()
            .enumerate()
            .map(|(i, p)| {
                let item = &b.items[i];
                let marks = clock_marks(events.get(&p.id).map_or(&[][..], Vec::as_slice));
                let limit = u32::try_from(p.limit_days).unwrap_or(0);
                BundlePart {
                    case_id: p.id,
                    number: p.number.clone(),
                    item_code: p.item_code.clone(),
                    item_name: item.name.clone(),
                    department_name: item.department.short_name.clone(),
                    state: states[i],
                    deadline: deadline(&calendar, limit, &marks, today),
                    limit_days: limit,
                    waiting_for: waiting_for(b, i, &states),
                }
            })
            .collect();
        let progress = BundleProgress::of(states.iter().copied());
        let follow_ups = if progress.is_over() && progress.finished > 0 {
            let mut out = Vec::new();
            for code in &b.def.follow_ups {
                let item = self.item(code).await?;
                out.push((code.clone(), item.name.clone()));
            }
            out
        } else {
            Vec::new()
        };
        Ok(BundleView {
            code: b.def.code.clone(),
            name: b.def.name.clone(),
            parts: views,
            flow: flow(b, |i| states.get(i).copied()),
            progress,
            follow_ups,
        })
    }

    /// The joint form of a bundle application, or a bundle item's own form (with the facts
    /// fed to it); `None` for a plain case.
    pub(super) async fn bundle_form(&self, record: &CaseRecord) -> Result<Option<FormSpec>> {
        if let Some(code) = &record.bundle_code {
            return Ok(Some(self.bundle(code).await?.form.clone()));
        }
        match self.part_of(record).await? {
            Some((b, i)) => Ok(Some(b.form_of(i))),
            None => Ok(None),
        }
    }

    /// The bundle and position of a bundle's item case.
    pub(super) async fn part_of(
        &self,
        record: &CaseRecord,
    ) -> Result<Option<(Arc<Bundle>, usize)>> {
        let Some(parent) = record.parent_id else {
            return Ok(None);
        };
        let parent = self
            .store
            .case_by_id(parent)
            .await?
            .ok_or(Error::NotFound)?;
        let b = self
            .bundle(parent.bundle_code.as_deref().unwrap_or_default())
            .await?;
        let i = b
            .position(&record.item_code)
            .ok_or_else(|| Error::Corrupt(format!("{} not in {}", record.item_code, b.def.code)))?;
        Ok(Some((b, i)))
    }

    /// Which bundle a bundle item belongs to and what it waits for.
    pub(super) async fn part_view(&self, record: &CaseRecord) -> Result<Option<PartOf>> {
        let (Some((b, i)), Some(parent_id)) = (self.part_of(record).await?, record.parent_id)
        else {
            return Ok(None);
        };
        let parts = self.parts_in_order(&b, parent_id).await?;
        let states: Vec<CaseState> = parts.iter().map(|p| self.state(p)).collect::<Result<_>>()?;
        Ok(Some(PartOf {
            bundle_name: b.def.name.clone(),
            parent_id,
            waiting_for: waiting_for(&b, i, &states),
            outputs: b.def.items[i]
                .outputs
                .iter()
                .map(|o| o.field.clone())
                .collect(),
        }))
    }

    /// Checks and merges what a department records when it finishes a bundle item.
    pub(super) fn take_outputs(
        b: &Bundle,
        i: usize,
        given: &Answers,
        answers: &mut Answers,
        today: CivilDate,
    ) -> Result<()> {
        let mut problems = Vec::new();
        for out in &b.def.items[i].outputs {
            let raw = given.get(&out.field.key).map_or("", String::as_str);
            match out.field.check(raw, today) {
                Ok(Some(v)) => {
                    answers.insert(out.field.key.clone(), v);
                }
                Ok(None) => problems.push((out.field.key.clone(), FieldProblem::Missing)),
                Err(p) => problems.push((out.field.key.clone(), p)),
            }
        }
        if problems.is_empty() {
            Ok(())
        } else {
            Err(Invalid::Form(problems).into())
        }
    }

    /// Whether a bundle item's 事项 may be applied for alone online (for the not-eligible page).
    pub async fn online_alone(&self, code: &str) -> Result<bool> {
        Ok(self.item(code).await?.depth >= OnlineDepth::PreReview)
    }
}

/// Names of the unfinished prerequisites of item `i`.
pub(super) fn waiting_for(b: &Bundle, i: usize, states: &[CaseState]) -> Vec<String> {
    b.pre[i]
        .iter()
        .filter(|&&p| !states[p].is_finished())
        .map(|&p| b.items[p].name.clone())
        .collect()
}

fn entry(b: &Bundle) -> BundleEntry {
    BundleEntry {
        code: b.def.code.clone(),
        name: b.def.name.clone(),
        summary: b.def.summary.clone(),
    }
}

fn flow(b: &Bundle, state: impl Fn(usize) -> Option<CaseState>) -> Vec<FlowBox> {
    let layer = layers(&b.pre, &b.order);
    (0..b.items.len())
        .map(|i| FlowBox {
            name: b.items[i].name.clone(),
            after: b.pre[i].clone(),
            layer: layer[i],
            state: state(i),
        })
        .collect()
}

/// The clock's marks from a case's events: accepted, paused for a supplement, resumed,
/// stopped by a decision.
pub(super) fn clock_marks(events: &[crate::store::CaseEventRecord]) -> Vec<ClockMark> {
    events
        .iter()
        .filter_map(|e| {
            let day = CivilDate::in_china(e.at);
            match (e.action.as_str(), e.to_state.as_str()) {
                ("accept", _) => Some(ClockMark::Accepted(day)),
                (_, "needs_supplement") => Some(ClockMark::Paused(day)),
                ("resubmit", _) => Some(ClockMark::Resumed(day)),
                (_, to) if CaseState::parse(to).is_some_and(CaseState::is_decided) => {
                    Some(ClockMark::Stopped(day))
                }
                _ => None,
            }
        })
        .collect()
}

fn poisoned<T>(_: T) -> Error {
    Error::Corrupt("bundle cache lock poisoned".to_owned())
}
