//! A bundle made ready from its definition and its items' guides: the order between items and
//! the one joint form. The joint form asks each key once — the eligibility questions, then
//! every item's own fields merged by key (a key one item takes from an earlier item's output
//! is not asked for it) — then each material once (merged by name, and by the bundle's
//! `same_materials`), then how results come. Anything that does not fit is a problem at load.

use super::{BundleDef, GraphProblem, Output, Savings, ancestors, prerequisites, topological};
use crate::case::item_form::{self, ADDRESS, DELIVERY, REASON};
use crate::case::{
    Answers, ChoiceOption, FieldKey, FieldKind, FieldSpec, FormSpec, FormStep, Prefill,
};
use crate::{MaterialSource, ServiceItem};
use std::fmt;

/// One upload of the joint form and the items' own upload fields it answers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SharedUpload {
    pub key: FieldKey,
    /// (item position, that item's upload key).
    pub serves: Vec<(usize, FieldKey)>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Bundle {
    pub def: BundleDef,
    /// The items' guides, in the definition's order.
    pub items: Vec<ServiceItem>,
    /// Each item's prerequisites by position.
    pub pre: Vec<Vec<usize>>,
    /// An order that keeps every prerequisite first (for lists and the flow chart).
    pub order: Vec<usize>,
    pub form: FormSpec,
    pub uploads: Vec<SharedUpload>,
}

/// What is wrong with a bundle definition, naming the bundle.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BundleProblem {
    BadCode(String),
    NoItems(String),
    UnknownItem {
        bundle: String,
        item: String,
    },
    Graph {
        bundle: String,
        problem: GraphProblem,
    },
    /// One key asked in two kinds (or with different options or limits).
    KindConflict {
        bundle: String,
        key: String,
    },
    /// An output feeds an item that is not after its issuer (or not in the bundle).
    FeedsEarlier {
        bundle: String,
        key: String,
        item: String,
    },
    /// A `same_materials` name no item asks for.
    UnknownMaterial {
        bundle: String,
        name: String,
    },
    /// `adds_member` names a field the form does not ask or an output no item issues.
    MemberFrom {
        bundle: String,
        key: String,
    },
    UnknownFollowUp {
        bundle: String,
        item: String,
    },
}

impl fmt::Display for BundleProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::BadCode(code) => write!(f, "一件事编码 {code} 不合规则"),
            Self::NoItems(b) => write!(f, "一件事 {b} 没有事项"),
            Self::UnknownItem { bundle, item } => {
                write!(f, "一件事 {bundle}：事项 {item} 不在目录中")
            }
            Self::Graph { bundle, problem } => write!(f, "一件事 {bundle}：办理顺序 {problem:?}"),
            Self::KindConflict { bundle, key } => {
                write!(
                    f,
                    "一件事 {bundle}：字段 {key} 在各事项中的类型或规则不一致"
                )
            }
            Self::FeedsEarlier { bundle, key, item } => {
                write!(f, "一件事 {bundle}：输出 {key} 流向的 {item} 不在其后")
            }
            Self::UnknownMaterial { bundle, name } => {
                write!(f, "一件事 {bundle}：材料「{name}」没有事项需要")
            }
            Self::MemberFrom { bundle, key } => {
                write!(f, "一件事 {bundle}：新增家庭成员所用的 {key} 无从取得")
            }
            Self::UnknownFollowUp { bundle, item } => {
                write!(f, "一件事 {bundle}：后续事项 {item} 不在目录中")
            }
        }
    }
}

/// The same question: same kind with the same options or limits.
fn same_kind(a: &FieldSpec, b: &FieldSpec) -> bool {
    a.kind == b.kind
}

impl Bundle {
    /// The bundle ready to run, or everything wrong with it. `item` finds a 事项 by code.
    pub fn build<'a>(
        def: BundleDef,
        item: impl Fn(&str) -> Option<&'a ServiceItem>,
    ) -> Result<Self, Vec<BundleProblem>> {
        let b = def.code.clone();
        if !BundleDef::code_ok(&def.code) {
            return Err(vec![BundleProblem::BadCode(b)]);
        }
        if def.items.is_empty() {
            return Err(vec![BundleProblem::NoItems(b)]);
        }
        let mut problems = Vec::new();
        let mut items = Vec::new();
        for i in &def.items {
            match item(&i.item) {
                Some(found) => items.push(found.clone()),
                None => problems.push(BundleProblem::UnknownItem {
                    bundle: b.clone(),
                    item: i.item.clone(),
                }),
            }
        }
        for f in &def.follow_ups {
            if item(f).is_none() {
                problems.push(BundleProblem::UnknownFollowUp {
                    bundle: b.clone(),
                    item: f.clone(),
                });
            }
        }
        if !problems.is_empty() {
            return Err(problems);
        }
        let pre = prerequisites(&def.items).map_err(|problem| {
            vec![BundleProblem::Graph {
                bundle: b.clone(),
                problem,
            }]
        })?;
        let order = topological(&pre).unwrap_or_default();
        let mut bundle = Self {
            def,
            items,
            pre,
            order,
            form: FormSpec::default(),
            uploads: Vec::new(),
        };
        bundle.check_outputs(&mut problems);
        let fields = bundle.merge_fields(&mut problems);
        let uploads = bundle.merge_uploads(&mut problems);
        bundle.check_member(&fields, &mut problems);
        if !problems.is_empty() {
            return Err(problems);
        }
        bundle.form = bundle.joint_form(fields, &uploads);
        bundle.uploads = uploads.into_iter().map(|(.., up)| up).collect();
        Ok(bundle)
    }

    /// Every output feeds only items after its issuer; its kind agrees with what they ask.
    fn check_outputs(&self, problems: &mut Vec<BundleProblem>) {
        for (i, bi) in self.def.items.iter().enumerate() {
            for out in &bi.outputs {
                for fed in &out.feeds {
                    let after = self
                        .def
                        .position(fed)
                        .is_some_and(|t| ancestors(&self.pre, t)[i]);
                    if !after {
                        problems.push(BundleProblem::FeedsEarlier {
                            bundle: self.def.code.clone(),
                            key: out.field.key.to_string(),
                            item: fed.clone(),
                        });
                    }
                }
                let clash = self
                    .items
                    .iter()
                    .flat_map(|it| it.form.iter())
                    .chain(self.def.eligibility.iter().map(|r| &r.field))
                    .any(|f| f.key == out.field.key && !same_kind(f, &out.field));
                if clash {
                    problems.push(BundleProblem::KindConflict {
                        bundle: self.def.code.clone(),
                        key: out.field.key.to_string(),
                    });
                }
            }
        }
    }

    /// The outputs given to item `i` when it starts: (issuer position, output).
    pub fn fed_into(&self, i: usize) -> Vec<(usize, &Output)> {
        let code = &self.def.items[i].item;
        self.def
            .items
            .iter()
            .enumerate()
            .flat_map(|(p, bi)| bi.outputs.iter().map(move |o| (p, o)))
            .filter(|(_, o)| o.feeds.contains(code))
            .collect()
    }

    /// The fields asked once: eligibility questions, then each item's own fields not fed
    /// to it, then the application note.
    fn merge_fields(&self, problems: &mut Vec<BundleProblem>) -> Vec<FieldSpec> {
        let mut fields: Vec<FieldSpec> = Vec::new();
        let mut add = |f: &FieldSpec, problems: &mut Vec<BundleProblem>| match fields
            .iter_mut()
            .find(|g| g.key == f.key)
        {
            Some(g) if !same_kind(g, f) => problems.push(BundleProblem::KindConflict {
                bundle: self.def.code.clone(),
                key: f.key.to_string(),
            }),
            Some(g) => g.required |= f.required,
            None => fields.push(f.clone()),
        };
        for rule in &self.def.eligibility {
            add(&rule.field, problems);
        }
        for &i in &self.order {
            let fed: Vec<&FieldKey> = self.fed_into(i).iter().map(|(_, o)| &o.field.key).collect();
            for f in &self.items[i].form {
                if !fed.contains(&&f.key) {
                    add(f, problems);
                }
            }
        }
        fields
    }

    /// The joint uploads: each material the applicant provides, once by its (shared) name.
    fn merge_uploads(
        &self,
        problems: &mut Vec<BundleProblem>,
    ) -> Vec<(String, bool, String, SharedUpload)> {
        let canonical = |name: &str| -> String {
            self.def
                .same_materials
                .iter()
                .find(|group| group.iter().any(|n| n == name))
                .and_then(|group| group.first())
                .map_or_else(|| name.to_owned(), Clone::clone)
        };
        for name in self.def.same_materials.iter().flatten() {
            let asked = self
                .items
                .iter()
                .any(|it| it.materials.iter().any(|m| &m.name == name));
            if !asked {
                problems.push(BundleProblem::UnknownMaterial {
                    bundle: self.def.code.clone(),
                    name: name.clone(),
                });
            }
        }
        // (label, required, hint, upload)
        let mut out: Vec<(String, bool, String, SharedUpload)> = Vec::new();
        for &i in &self.order {
            for (m, material) in self.items[i].materials.iter().enumerate() {
                if material.source == MaterialSource::Government {
                    continue;
                }
                let Some(own) = FieldKey::parse(&item_form::material_key(m)) else {
                    continue;
                };
                let label = canonical(&material.name);
                match out.iter_mut().find(|(l, ..)| *l == label) {
                    Some((_, required, _, up)) => {
                        *required |= material.required;
                        up.serves.push((i, own));
                    }
                    None => {
                        let n = out.len();
                        let Some(key) = FieldKey::parse(&item_form::material_key(n)) else {
                            continue;
                        };
                        out.push((
                            label,
                            material.required,
                            material.note.clone(),
                            SharedUpload {
                                key,
                                serves: vec![(i, own)],
                            },
                        ));
                    }
                }
            }
        }
        out
    }

    fn check_member(&self, fields: &[FieldSpec], problems: &mut Vec<BundleProblem>) {
        let Some(m) = &self.def.adds_member else {
            return;
        };
        if !fields.iter().any(|f| f.key == m.name) {
            problems.push(BundleProblem::MemberFrom {
                bundle: self.def.code.clone(),
                key: m.name.to_string(),
            });
        }
        let issued = self
            .def
            .items
            .iter()
            .flat_map(|i| &i.outputs)
            .any(|o| o.field.key == m.id_number && o.field.kind == FieldKind::IdNumber);
        if !issued {
            problems.push(BundleProblem::MemberFrom {
                bundle: self.def.code.clone(),
                key: m.id_number.to_string(),
            });
        }
    }

    fn joint_form(
        &self,
        mut fields: Vec<FieldSpec>,
        uploads: &[(String, bool, String, SharedUpload)],
    ) -> FormSpec {
        // The note, the delivery choice and the address are the items' own built-in fields
        // (one definition, in `item_form`), asked once here.
        let builtin = item_form::form_for(&self.items[0]);
        let pick = |k: &str| builtin.fields().find(|f| f.key.as_str() == k).cloned();
        fields.extend(pick(REASON));
        let mut steps = vec![FormStep {
            title: "申请信息".into(),
            fields,
        }];
        if !uploads.is_empty() {
            steps.push(FormStep {
                title: "上传材料".into(),
                fields: uploads
                    .iter()
                    .map(|(label, required, hint, up)| FieldSpec {
                        key: up.key.clone(),
                        label: label.clone(),
                        kind: FieldKind::File,
                        required: *required,
                        hint: (!hint.is_empty()).then(|| hint.clone()),
                        prefill: None,
                    })
                    .collect(),
            });
        }
        let mut delivery = pick(DELIVERY);
        if let Some(FieldSpec {
            kind: FieldKind::Choice { options },
            hint,
            ..
        }) = delivery.as_mut()
        {
            options.truncate(1);
            if self.items.iter().any(|it| it.flags.postal) {
                options.push(ChoiceOption {
                    value: "post".into(),
                    label: "免费邮寄到家".into(),
                });
                *hint = Some("可邮寄的事项寄到家，其余事项到窗口领取".into());
            }
        }
        steps.push(FormStep {
            title: "领取方式".into(),
            fields: delivery.into_iter().chain(pick(ADDRESS)).collect(),
        });
        FormSpec { steps }
    }

    /// The answers item `i`'s case starts with: the joint answers to the keys its own form
    /// asks (nothing else: a department sees only what its 事项 needs). Post falls back to
    /// pickup where the item cannot be posted.
    pub fn answers_for(&self, i: usize, joint: &Answers) -> Answers {
        let form = item_form::form_for(&self.items[i]);
        let mut out: Answers = form
            .fields()
            .filter(|f| f.kind != FieldKind::File)
            .filter_map(|f| Some((f.key.clone(), joint.get(&f.key)?.clone())))
            .collect();
        if !self.items[i].flags.postal
            && let Some(k) = FieldKey::parse(DELIVERY)
        {
            out.insert(k, "pickup".into());
            out.retain(|k, _| k.as_str() != ADDRESS);
        }
        out
    }

    /// Item `i`'s form: its own, with the facts fed to it by earlier items marked `Issued`
    /// (shown to the department, never asked of the citizen, even when the 事项's own form
    /// asks them), those it does not ask put first on the first step.
    pub fn form_of(&self, i: usize) -> FormSpec {
        let mut form = item_form::form_for(&self.items[i]);
        for (_, out) in self.fed_into(i) {
            let own = form
                .steps
                .iter_mut()
                .flat_map(|s| s.fields.iter_mut())
                .find(|f| f.key == out.field.key);
            match own {
                Some(field) => field.prefill = Some(Prefill::Issued),
                None => {
                    if let Some(first) = form.steps.first_mut() {
                        let issued = FieldSpec {
                            prefill: Some(Prefill::Issued),
                            ..out.field.clone()
                        };
                        first.fields.insert(0, issued);
                    }
                }
            }
        }
        form
    }

    /// What the joint form spares against applying item by item.
    pub fn savings(&self) -> Savings {
        let count = |form: &FormSpec, files: bool| {
            form.fields()
                .filter(|f| (f.kind == FieldKind::File) == files)
                .count() as u32
        };
        let alone: Vec<FormSpec> = self.items.iter().map(item_form::form_for).collect();
        Savings {
            fields_alone: alone.iter().map(|f| count(f, false)).sum(),
            fields_joint: count(&self.form, false),
            materials_alone: alone.iter().map(|f| count(f, true)).sum(),
            materials_joint: count(&self.form, true),
            trips_alone: self.items.iter().map(|i| u32::from(i.visits.count)).sum(),
            trips_joint: u32::from(self.def.visits),
        }
    }

    pub fn position(&self, item: &str) -> Option<usize> {
        self.def.position(item)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bundle::{BundleItem, Output};
    use crate::catalog::lint::tests::sample_item;
    use crate::{Material, ServiceCode};
    use proptest::prelude::*;
    use std::collections::{BTreeMap, BTreeSet};

    fn key(k: &str) -> FieldKey {
        FieldKey::parse(k).unwrap()
    }

    fn field(k: &str, kind: FieldKind, required: bool) -> FieldSpec {
        FieldSpec {
            key: key(k),
            label: k.into(),
            kind,
            required,
            hint: None,
            prefill: None,
        }
    }

    fn material(name: &str, required: bool) -> Material {
        Material {
            name: name.into(),
            source: MaterialSource::Applicant,
            originals: 1,
            copies: 0,
            required,
            note: String::new(),
            blank_form: None,
            sample: None,
        }
    }

    fn item(n: u8, form: Vec<FieldSpec>, materials: Vec<Material>, postal: bool) -> ServiceItem {
        let mut it = sample_item();
        it.code = ServiceCode::parse(&format!("11410100MB1957846X400011500{n}")).unwrap();
        it.name = format!("事项{n}");
        it.form = form;
        it.materials = materials;
        it.flags.postal = postal;
        it
    }

    fn text() -> FieldKind {
        FieldKind::Text { max_chars: 20 }
    }

    /// A births-like trio: 1 issues an ID number that 3 (after 1) takes; 2 runs alone.
    fn trio() -> (BundleDef, Vec<ServiceItem>) {
        let items = vec![
            item(
                1,
                vec![
                    field("child.name", text(), true),
                    field("child.birth_date", FieldKind::PastDate, false),
                ],
                vec![material("结婚证", true), material("户口簿", true)],
                false,
            ),
            item(
                2,
                vec![
                    field("child.birth_date", FieldKind::PastDate, true),
                    field("card.bank", text(), true),
                ],
                vec![material("结婚证", false)],
                true,
            ),
            item(
                3,
                vec![field("insured.category", text(), true)],
                vec![material("户口本", true)],
                false,
            ),
        ];
        let code = |i: usize| items[i].code.as_str().to_owned();
        let def = BundleDef {
            code: "trio".into(),
            name: "测试一件事".into(),
            summary: String::new(),
            themes: Vec::new(),
            keywords: Vec::new(),
            visits: 0,
            eligibility: Vec::new(),
            items: vec![
                BundleItem {
                    item: code(0),
                    after: Vec::new(),
                    outputs: vec![Output {
                        field: field("child.id_number", FieldKind::IdNumber, true),
                        feeds: vec![code(2)],
                    }],
                },
                BundleItem {
                    item: code(1),
                    after: Vec::new(),
                    outputs: Vec::new(),
                },
                BundleItem {
                    item: code(2),
                    after: vec![code(0)],
                    outputs: Vec::new(),
                },
            ],
            same_materials: vec![vec!["户口簿".into(), "户口本".into()]],
            follow_ups: Vec::new(),
            adds_member: None,
        };
        (def, items)
    }

    fn build(def: BundleDef, items: &[ServiceItem]) -> Result<Bundle, Vec<BundleProblem>> {
        Bundle::build(def, |c| items.iter().find(|i| i.code.as_str() == c))
    }

    #[test]
    fn each_key_and_each_material_is_asked_once() {
        let (def, items) = trio();
        let b = build(def, &items).unwrap();
        assert!(b.form.keys_unique());
        let keys: Vec<&str> = b.form.fields().map(|f| f.key.as_str()).collect();
        assert_eq!(
            keys,
            [
                "child.name",
                "child.birth_date",
                "card.bank",
                "insured.category",
                REASON,
                "material.m1",
                "material.m2",
                DELIVERY,
                ADDRESS,
            ]
        );
        // Required where any item requires it.
        assert!(
            b.form
                .fields()
                .find(|f| f.key == key("child.birth_date"))
                .unwrap()
                .required
        );
        // One 结婚证 serves items 1 and 2; one 户口簿 serves 1 and (as 户口本) 3.
        assert_eq!(
            b.uploads[0].serves,
            [(0, key("material.m1")), (1, key("material.m1"))]
        );
        assert_eq!(
            b.uploads[1].serves,
            [(0, key("material.m2")), (2, key("material.m1"))]
        );
        // Post is offered because item 2 can be posted.
        assert!(matches!(
            &b.form.fields().find(|f| f.key.as_str() == DELIVERY).unwrap().kind,
            FieldKind::Choice { options } if options.len() == 2
        ));
    }

    #[test]
    fn savings_count_what_each_item_would_ask_alone() {
        let (def, items) = trio();
        let s = build(def, &items).unwrap().savings();
        // Alone: own fields + note + delivery + address per item (5, 5, 4); joint: 7.
        assert_eq!((s.fields_alone, s.fields_joint, s.fields()), (14, 7, 7));
        assert_eq!(
            (s.materials_alone, s.materials_joint, s.materials()),
            (4, 2, 2)
        );
        assert_eq!((s.trips_alone, s.trips_joint, s.trips()), (3, 0, 3));
    }

    #[test]
    fn an_item_gets_only_its_own_answers_and_the_facts_fed_to_it() {
        let (def, items) = trio();
        let b = build(def, &items).unwrap();
        let joint: Answers = [
            ("child.name", "王小明"),
            ("child.birth_date", "2026-11-01"),
            ("card.bank", "icbc"),
            ("insured.category", "newborn"),
            (DELIVERY, "post"),
            (ADDRESS, "7"),
        ]
        .iter()
        .map(|(k, v)| (key(k), (*v).to_owned()))
        .collect();
        let third = b.answers_for(2, &joint);
        assert_eq!(
            third.keys().map(FieldKey::as_str).collect::<Vec<_>>(),
            [DELIVERY, "insured.category"]
        );
        assert_eq!(third[&key(DELIVERY)], "pickup", "item 3 cannot be posted");
        assert_eq!(b.answers_for(1, &joint)[&key(ADDRESS)], "7");
        let first = &b.form_of(2).steps[0].fields[0];
        assert_eq!(first.key, key("child.id_number"));
        assert_eq!(first.prefill, Some(Prefill::Issued));
        assert!(
            b.form_of(2).asked_in(0).all(|f| f.key != first.key),
            "never asked"
        );
        assert!(
            b.form_of(1)
                .fields()
                .all(|f| f.key.as_str() != "child.id_number")
        );
    }

    #[test]
    fn conflicts_and_misdirected_outputs_are_refused_at_load() {
        let (def, mut items) = trio();
        items[1].form[0].kind = FieldKind::Date;
        assert_eq!(
            build(def.clone(), &items),
            Err(vec![BundleProblem::KindConflict {
                bundle: "trio".into(),
                key: "child.birth_date".into()
            }])
        );
        let (mut def, items) = trio();
        def.items[0].outputs[0].feeds = vec![def.items[1].item.clone()];
        assert!(matches!(
            build(def, &items).unwrap_err()[..],
            [BundleProblem::FeedsEarlier { .. }]
        ));
        let (mut def, items) = trio();
        def.items[0].after = vec![def.items[2].item.clone()];
        assert!(matches!(
            build(def, &items).unwrap_err()[..],
            [BundleProblem::Graph {
                problem: GraphProblem::Cycle(_),
                ..
            }]
        ));
        let (mut def, items) = trio();
        def.same_materials[0].push("户口薄".into());
        assert!(matches!(
            build(def, &items).unwrap_err()[..],
            [BundleProblem::UnknownMaterial { .. }]
        ));
    }

    proptest! {
        /// Items asking random keys in random kinds: the bundle builds exactly when no key
        /// is asked in two kinds, and then asks every key once.
        #[test]
        fn the_merge_asks_each_key_once_or_names_the_conflict(
            forms in prop::collection::vec(
                prop::collection::vec((0..6_usize, 0..2_usize), 0..5), 1..4)
        ) {
            let kinds = [FieldKind::PastDate, text()];
            let items: Vec<ServiceItem> = forms
                .iter()
                .enumerate()
                .map(|(n, f)| {
                    let mut seen = BTreeSet::new();
                    let form = f
                        .iter()
                        .filter(|(k, _)| seen.insert(*k))
                        .map(|(k, kind)| field(&format!("x.k{k}"), kinds[*kind].clone(), true))
                        .collect();
                    item(n as u8, form, Vec::new(), false)
                })
                .collect();
            let mut asked: BTreeMap<FieldKey, BTreeSet<usize>> = BTreeMap::new();
            for it in &items {
                for f in &it.form {
                    let kind = kinds.iter().position(|k| *k == f.kind).unwrap();
                    asked.entry(f.key.clone()).or_default().insert(kind);
                }
            }
            let (mut def, _) = trio();
            def.same_materials.clear();
            def.items = items
                .iter()
                .map(|i| BundleItem {
                    item: i.code.as_str().to_owned(),
                    after: Vec::new(),
                    outputs: Vec::new(),
                })
                .collect();
            let conflicts = asked.values().any(|kinds| kinds.len() > 1);
            match build(def, &items) {
                Ok(b) => {
                    prop_assert!(!conflicts);
                    prop_assert!(b.form.keys_unique());
                    let own: BTreeSet<&FieldKey> = b
                        .form
                        .fields()
                        .map(|f| &f.key)
                        .filter(|k| k.block() == "x")
                        .collect();
                    prop_assert_eq!(own, asked.keys().collect::<BTreeSet<_>>());
                }
                Err(problems) => {
                    prop_assert!(conflicts);
                    let all_kind = problems
                        .iter()
                        .all(|p| matches!(p, BundleProblem::KindConflict { .. }));
                    prop_assert!(all_kind, "{:?}", problems);
                }
            }
        }
    }
}
