//! Demo catalogue: a versioned JSON file (`backend/seed/catalog.json`) compiled into the binary
//! and loaded once into an empty database. Every guide is linted on load.

use crate::{Error, Result};
use domain::bundle::{Bundle, BundleDef};
use domain::{
    CaseType, Department, Fee, Hall, ItemCategory, Material, OnlineDepth, Scope, ServiceCode,
    ServiceFlags, ServiceItem, Theme, Visits, WorkingDays, lint_guide,
};
use serde::Deserialize;

const CATALOG_JSON: &str = include_str!("../seed/catalog.json");

/// The catalogue as stored: departments, halls, and items with their home-page rank.
#[derive(Clone, Debug)]
pub struct Catalog {
    /// SHA-256 of the seed file: a changed file is loaded again at the next start.
    pub fingerprint: String,
    pub departments: Vec<Department>,
    pub halls: Vec<Hall>,
    pub items: Vec<SeededItem>,
    /// 一件事 bundles, each checked against the items on load.
    pub bundles: Vec<BundleDef>,
}

#[derive(Clone, Debug)]
pub struct SeededItem {
    pub item: ServiceItem,
    /// Position in the home page's hot-services grid (1 first), if shown there.
    pub hot: Option<u16>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CatalogFile {
    departments: Vec<Department>,
    halls: Vec<Hall>,
    items: Vec<ItemFile>,
    #[serde(default)]
    bundles: Vec<BundleDef>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ItemFile {
    code: ServiceCode,
    name: String,
    department: String,
    category: ItemCategory,
    legal_limit: WorkingDays,
    legal_limit_note: Option<String>,
    promised_limit: WorkingDays,
    case_type: CaseType,
    visits: Visits,
    depth: OnlineDepth,
    conditions: Vec<String>,
    materials: Vec<Material>,
    steps: Vec<String>,
    fee: Fee,
    legal_basis: String,
    location: String,
    hours: String,
    consult_phone: String,
    supervise_phone: String,
    scope: Scope,
    flags: ServiceFlags,
    keywords: Vec<String>,
    themes: Vec<Theme>,
    hot: Option<u16>,
    /// The application form's own fields (`domain::case::FieldSpec`); none: materials and
    /// delivery only.
    #[serde(default)]
    form: Vec<domain::case::FieldSpec>,
}

/// The demo catalogue shipped with the app.
pub fn demo_catalog() -> Result<Catalog> {
    parse_catalog(CATALOG_JSON)
}

pub fn parse_catalog(json: &str) -> Result<Catalog> {
    let file: CatalogFile =
        serde_json::from_str(json).map_err(|e| Error::Seed(format!("catalog.json: {e}")))?;
    let mut items = Vec::with_capacity(file.items.len());
    let mut problems = Vec::new();
    for raw in file.items {
        let department = file
            .departments
            .iter()
            .find(|d| d.code == raw.department)
            .cloned()
            .ok_or_else(|| {
                Error::Seed(format!(
                    "{}: unknown department {}",
                    raw.code, raw.department
                ))
            })?;
        let item = ServiceItem {
            code: raw.code,
            name: raw.name,
            department,
            category: raw.category,
            legal_limit: raw.legal_limit,
            legal_limit_note: raw.legal_limit_note,
            promised_limit: raw.promised_limit,
            case_type: raw.case_type,
            visits: raw.visits,
            depth: raw.depth,
            conditions: raw.conditions,
            materials: raw.materials,
            steps: raw.steps,
            fee: raw.fee,
            legal_basis: raw.legal_basis,
            location: raw.location,
            hours: raw.hours,
            consult_phone: raw.consult_phone,
            supervise_phone: raw.supervise_phone,
            scope: raw.scope,
            flags: raw.flags,
            keywords: raw.keywords,
            themes: raw.themes,
            form: raw.form,
        };
        problems.extend(lint_guide(&item).into_iter().map(|p| p.to_string()));
        items.push(SeededItem { item, hot: raw.hot });
    }
    for def in &file.bundles {
        let found = |code: &str| {
            items
                .iter()
                .map(|s| &s.item)
                .find(|i| i.code.as_str() == code)
        };
        if let Err(wrong) = Bundle::build(def.clone(), found) {
            problems.extend(wrong.iter().map(ToString::to_string));
        }
    }
    let mut bundle_codes: Vec<&str> = file.bundles.iter().map(|b| b.code.as_str()).collect();
    bundle_codes.sort_unstable();
    if let Some(pair) = bundle_codes.windows(2).find(|w| w[0] == w[1]) {
        problems.push(format!("一件事编码 {} 重复", pair[0]));
    }
    if !problems.is_empty() {
        return Err(Error::Seed(problems.join("；")));
    }
    let mut codes: Vec<_> = items.iter().map(|s| &s.item.code).collect();
    codes.sort();
    if let Some(pair) = codes.windows(2).find(|w| w[0] == w[1]) {
        return Err(Error::Seed(format!("duplicate code {}", pair[0])));
    }
    use sha2::Digest;
    let fingerprint = sha2::Sha256::digest(json.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    Ok(Catalog {
        fingerprint,
        departments: file.departments,
        halls: file.halls,
        items,
        bundles: file.bundles,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_demo_catalogue_passes_the_guide_lint() {
        let catalog = demo_catalog().expect("demo catalogue loads");
        assert!(
            catalog.items.len() >= 12,
            "at least 12 high-frequency items"
        );
        for short in ["不动产", "税务", "房产", "社保", "医保", "公安", "公积金"] {
            assert!(
                catalog
                    .items
                    .iter()
                    .any(|s| s.item.department.short_name.contains(short)),
                "an item of {short}"
            );
        }
        assert!(catalog.items.iter().filter(|s| s.hot.is_some()).count() >= 6);
    }

    #[test]
    fn a_guide_that_breaks_a_rule_is_rejected_by_name() {
        let mut file: serde_json::Value = serde_json::from_str(CATALOG_JSON).unwrap();
        let first = &mut file["items"][0];
        let legal = first["legal_limit"].as_u64().unwrap();
        first["promised_limit"] = serde_json::json!(legal + 1);
        let name = first["name"].as_str().unwrap().to_owned();
        let err = parse_catalog(&file.to_string()).unwrap_err().to_string();
        assert!(err.contains("承诺办结时限不得长于法定办结时限"), "{err}");
        assert!(err.contains(&name), "{err}");
    }

    #[test]
    fn both_bundles_load_and_a_broken_one_is_refused_by_name() {
        let catalog = demo_catalog().unwrap();
        let codes: Vec<&str> = catalog.bundles.iter().map(|b| b.code.as_str()).collect();
        assert_eq!(codes, ["birth", "retirement"]);
        // What each joint form spares (fields, materials, trips), as the bundle pages say.
        let saved: Vec<(u32, u32, u32)> = catalog
            .bundles
            .iter()
            .map(|def| {
                let found = |code: &str| {
                    catalog
                        .items
                        .iter()
                        .map(|s| &s.item)
                        .find(|i| i.code.as_str() == code)
                };
                let s = Bundle::build(def.clone(), found).unwrap().savings();
                (s.fields(), s.materials(), s.trips())
            })
            .collect();
        assert_eq!(saved, [(12, 6, 3), (16, 5, 1)]);
        let mut file: serde_json::Value = serde_json::from_str(CATALOG_JSON).unwrap();
        let first = file["bundles"][0]["items"][0]["item"].clone();
        file["bundles"][0]["items"][0]["after"] =
            serde_json::json!([file["bundles"][0]["items"][4]["item"].clone()]);
        let err = parse_catalog(&file.to_string()).unwrap_err().to_string();
        assert!(err.contains("一件事 birth：办理顺序 Cycle"), "{err}");
        assert!(err.contains(first.as_str().unwrap()), "{err}");
        let mut file: serde_json::Value = serde_json::from_str(CATALOG_JSON).unwrap();
        file["bundles"][1]["items"][2]["item"] = serde_json::json!("11410100MB1A63520E4000199999");
        let err = parse_catalog(&file.to_string()).unwrap_err().to_string();
        assert!(err.contains("不在目录中"), "{err}");
    }

    #[test]
    fn unknown_fields_are_rejected() {
        let json = CATALOG_JSON.replacen("\"departments\"", "\"departmnts\"", 1);
        assert!(matches!(parse_catalog(&json), Err(Error::Seed(_))));
    }
}
