//! Row shapes shared by both stores, and their mapping into domain types. Column types are
//! chosen so one struct decodes from SQLite and PostgreSQL alike (TEXT, BIGINT, BOOLEAN).

use crate::{Error, Result};
use domain::{
    Department, Fee, Hall, Material, OnlineDepth, ServiceCode, ServiceFlags, ServiceItem,
    ServiceSummary, Theme, Visits, WorkingDays,
};
use serde::{Serialize, de::DeserializeOwned};

/// Enums are stored as their serde names (`licence`, `on_the_spot` …): one spelling for the
/// seed file and the database.
pub(crate) fn enum_text<T: Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(s)) => s,
        other => unreachable!("unit enum serialises to a string, got {other:?}"),
    }
}

pub(crate) fn parse_enum<T: DeserializeOwned>(column: &str, text: &str) -> Result<T> {
    serde_json::from_value(serde_json::Value::String(text.to_owned()))
        .map_err(|_| Error::Corrupt(format!("{column} = {text:?}")))
}

/// Multi-valued text columns hold one value a line.
pub(crate) fn lines(values: &[String]) -> String {
    values.join("\n")
}

fn split_lines(text: &str) -> Vec<String> {
    text.lines()
        .filter(|l| !l.is_empty())
        .map(str::to_owned)
        .collect()
}

fn small(column: &str, value: i64) -> Result<u8> {
    u8::try_from(value).map_err(|_| Error::Corrupt(format!("{column} = {value}")))
}

fn days(column: &str, value: i64) -> Result<WorkingDays> {
    u16::try_from(value)
        .map(WorkingDays)
        .map_err(|_| Error::Corrupt(format!("{column} = {value}")))
}

fn code(text: &str) -> Result<ServiceCode> {
    ServiceCode::parse(text).map_err(|_| Error::Corrupt(format!("code = {text:?}")))
}

#[derive(sqlx::FromRow)]
pub(crate) struct DepartmentRow {
    code: String,
    name: String,
    short_name: String,
    weekend: bool,
}

impl From<DepartmentRow> for Department {
    fn from(r: DepartmentRow) -> Self {
        Department {
            code: r.code,
            name: r.name,
            short_name: r.short_name,
            weekend: r.weekend,
        }
    }
}

#[derive(sqlx::FromRow)]
pub(crate) struct HallRow {
    code: String,
    name: String,
    address: String,
    hours: String,
    weekend_hours: String,
    phone: String,
}

impl From<HallRow> for Hall {
    fn from(r: HallRow) -> Self {
        Hall {
            code: r.code,
            name: r.name,
            address: r.address,
            hours: r.hours,
            weekend_hours: r.weekend_hours,
            phone: r.phone,
        }
    }
}

#[derive(sqlx::FromRow)]
pub(crate) struct SummaryRow {
    code: String,
    name: String,
    short_name: String,
    promised_days: i64,
    visits: i64,
    weekend: bool,
}

impl TryFrom<SummaryRow> for ServiceSummary {
    type Error = Error;
    fn try_from(r: SummaryRow) -> Result<Self> {
        Ok(ServiceSummary {
            code: code(&r.code)?,
            name: r.name,
            department: r.short_name,
            promised_limit: days("promised_days", r.promised_days)?,
            visits: small("visits", r.visits)?,
            weekend: r.weekend,
        })
    }
}

/// Selects the columns `ItemRow` reads; `d` is the joined department.
pub(crate) const ITEM_COLUMNS: &str = "i.code, i.name, i.category, i.legal_days, \
    i.legal_limit_note, i.promised_days, i.case_type, i.visits, i.visit_reason, i.depth, i.conditions, \
    i.fee_charged, i.fee_standard, i.fee_basis, i.legal_basis, i.location, i.hours, \
    i.consult_phone, i.supervise_phone, i.scope, i.bookable, i.weekend, i.postal, i.online, \
    i.keywords, i.themes, i.form, d.code AS dept_code, d.name AS dept_name, d.short_name AS dept_short_name, \
    d.weekend AS dept_weekend";

#[derive(sqlx::FromRow)]
pub(crate) struct ItemRow {
    code: String,
    name: String,
    category: String,
    legal_days: i64,
    legal_limit_note: Option<String>,
    promised_days: i64,
    case_type: String,
    visits: i64,
    visit_reason: Option<String>,
    depth: i64,
    conditions: String,
    fee_charged: bool,
    fee_standard: String,
    fee_basis: Option<String>,
    legal_basis: String,
    location: String,
    hours: String,
    consult_phone: String,
    supervise_phone: String,
    scope: String,
    bookable: bool,
    weekend: bool,
    postal: bool,
    online: bool,
    keywords: String,
    themes: String,
    /// The form's own fields, as JSON.
    form: String,
    dept_code: String,
    dept_name: String,
    dept_short_name: String,
    dept_weekend: bool,
}

#[derive(sqlx::FromRow)]
pub(crate) struct MaterialRow {
    name: String,
    source: String,
    originals: i64,
    copies: i64,
    required: bool,
    note: String,
    blank_form: Option<String>,
    sample: Option<String>,
}

impl TryFrom<MaterialRow> for Material {
    type Error = Error;
    fn try_from(r: MaterialRow) -> Result<Self> {
        Ok(Material {
            name: r.name,
            source: parse_enum("source", &r.source)?,
            originals: small("originals", r.originals)?,
            copies: small("copies", r.copies)?,
            required: r.required,
            note: r.note,
            blank_form: r.blank_form,
            sample: r.sample,
        })
    }
}

impl ItemRow {
    pub(crate) fn into_item(
        self,
        materials: Vec<MaterialRow>,
        steps: Vec<String>,
    ) -> Result<ServiceItem> {
        let depth = u8::try_from(self.depth)
            .ok()
            .and_then(|d| OnlineDepth::try_from(d).ok())
            .ok_or_else(|| Error::Corrupt(format!("depth = {}", self.depth)))?;
        Ok(ServiceItem {
            code: code(&self.code)?,
            name: self.name,
            department: Department {
                code: self.dept_code,
                name: self.dept_name,
                short_name: self.dept_short_name,
                weekend: self.dept_weekend,
            },
            category: parse_enum("category", &self.category)?,
            legal_limit: days("legal_days", self.legal_days)?,
            legal_limit_note: self.legal_limit_note,
            promised_limit: days("promised_days", self.promised_days)?,
            case_type: parse_enum("case_type", &self.case_type)?,
            visits: Visits {
                count: small("visits", self.visits)?,
                reason: self.visit_reason,
            },
            depth,
            conditions: split_lines(&self.conditions),
            materials: materials
                .into_iter()
                .map(Material::try_from)
                .collect::<Result<_>>()?,
            steps,
            fee: Fee {
                charged: self.fee_charged,
                standard: self.fee_standard,
                basis: self.fee_basis,
            },
            legal_basis: self.legal_basis,
            location: self.location,
            hours: self.hours,
            consult_phone: self.consult_phone,
            supervise_phone: self.supervise_phone,
            scope: parse_enum("scope", &self.scope)?,
            flags: ServiceFlags {
                bookable: self.bookable,
                weekend: self.weekend,
                postal: self.postal,
                online: self.online,
            },
            keywords: split_lines(&self.keywords),
            themes: split_lines(&self.themes)
                .iter()
                .map(|t| Theme::from_label(t).ok_or_else(|| Error::Corrupt(format!("theme = {t}"))))
                .collect::<Result<_>>()?,
            form: serde_json::from_str(&self.form)
                .map_err(|e| Error::Corrupt(format!("form of {}: {e}", self.code)))?,
        })
    }
}

/// A summary with what browse and search need besides: keywords, themes, department.
#[derive(sqlx::FromRow)]
pub(crate) struct EntryRow {
    #[sqlx(flatten)]
    summary: SummaryRow,
    department_code: String,
    keywords: String,
    themes: String,
    conditions: String,
}

impl EntryRow {
    pub(crate) fn into_entry(self) -> Result<crate::search::EntryText> {
        let themes = split_lines(&self.themes)
            .iter()
            .map(|t| Theme::from_label(t).ok_or_else(|| Error::Corrupt(format!("theme = {t}"))))
            .collect::<Result<_>>()?;
        let entry = crate::search::Entry {
            summary: self.summary.try_into()?,
            department_code: self.department_code,
            themes,
        };
        Ok(crate::search::EntryText {
            entry,
            keywords: split_lines(&self.keywords),
            body: split_lines(&self.conditions),
        })
    }
}

#[derive(sqlx::FromRow)]
pub(crate) struct MissRow {
    query: String,
    count: i64,
    last_at: i64,
}

impl From<MissRow> for crate::search::Miss {
    fn from(r: MissRow) -> Self {
        Self {
            query: r.query,
            count: r.count,
            last_at: r.last_at,
        }
    }
}
