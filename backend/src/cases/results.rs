//! Staff decisions and what they leave behind: the materials a supplement asks for, the
//! result's pickup code or tracking number, and the signed e-certificate a licence or a
//! confirmation yields — and checking such a certificate at `/verify/{code}`.

use super::CaseService;
use crate::certs::{CertSigner, hex, unhex};
use crate::store::CaseRecord;
use crate::{Error, Result};
use domain::case::item_form as forms;
use domain::case::{
    Actor, Answers, CaseAction, CaseResult, CaseState, Certificate, Delivery, FieldKey,
    Verification, tracking_number, yields_certificate,
};
use domain::{Invalid, Reach, StaffAction, StaffMember, may};

/// A clerk's or approver's decision as posted.
#[derive(Clone, Debug)]
pub struct Decision {
    pub action: CaseAction,
    pub note: String,
    /// Field keys of the materials (or answers) a supplement asks for.
    pub wanted: Vec<String>,
    /// The post's tracking number, when the result is posted.
    pub tracking_no: String,
    /// The code the applicant shows at the window, when they collect.
    pub pickup_code: String,
    /// What finishing a 一件事 item records for the items after it (its outputs), by key.
    pub outputs: Answers,
}

impl Decision {
    pub fn new(action: CaseAction, note: &str) -> Self {
        Self {
            action,
            note: note.to_owned(),
            wanted: Vec::new(),
            tracking_no: String::new(),
            pickup_code: String::new(),
            outputs: Answers::new(),
        }
    }
}

/// What a move writes besides the state: the event's department and note, and what the
/// decision leaves behind.
#[derive(Default)]
pub(super) struct Extra {
    pub department: Option<String>,
    pub note: Option<String>,
    pub wanted: Option<String>,
    pub pickup_code: Option<String>,
    pub tracking_no: Option<String>,
    pub certificate: Option<Signed>,
    /// The answers with a bundle item's outputs added, sealed.
    pub answers: Option<Vec<u8>>,
}

pub(super) struct Signed {
    pub code: String,
    pub content: String,
    pub signature: Vec<u8>,
}

impl CaseService {
    pub async fn decide(&self, staff: &StaffMember, case_id: i64, d: &Decision) -> Result<()> {
        let record = self
            .store
            .case_by_id(case_id)
            .await?
            .ok_or(Error::NotFound)?;
        let actor = d.action.actor();
        let right = match actor {
            Actor::Clerk => StaffAction::HandleCases,
            Actor::Approver => StaffAction::DecideCases,
            Actor::Citizen | Actor::System => return Err(Error::Forbidden),
        };
        if record.state == CaseState::Draft.as_str()
            || record.bundle_code.is_some()
            || !may(staff, right, &Reach::department(&record.department_code))
        {
            return Err(Error::NotFound);
        }
        let note = d.note.trim();
        let asks = matches!(
            d.action,
            CaseAction::AskSupplement | CaseAction::ReturnForSupplement
        );
        let needs_reason = asks || matches!(d.action, CaseAction::NotAccept | CaseAction::Deny);
        if (needs_reason && note.is_empty()) || note.chars().count() > 200 {
            return Err(Invalid::ReasonNeeded.into());
        }
        let item = self.item(&record.item_code).await?;
        let mut extra = Extra::default();
        if asks {
            let form = self.form_of(&record).await?;
            let wanted: Vec<&str> = d
                .wanted
                .iter()
                .filter(|k| form.fields().any(|f| f.key.as_str() == k.as_str()))
                .map(String::as_str)
                .collect();
            extra.wanted = (!wanted.is_empty()).then(|| wanted.join(" "));
        }
        let mut answers = self.open(&record)?;
        match d.action {
            CaseAction::Conclude | CaseAction::FinishAtOnce => {
                if let Some((b, i)) = self.part_of(&record).await? {
                    Self::take_outputs(&b, i, &d.outputs, &mut answers, self.today())?;
                    extra.answers = Some(self.seal(&answers)?);
                }
                match delivery_of(&answers) {
                    Delivery::Post => {
                        let no = tracking_number(&d.tracking_no).ok_or(Invalid::TrackingNumber)?;
                        extra.tracking_no = Some(no);
                    }
                    Delivery::Pickup => {
                        extra.pickup_code =
                            Some(format!("{:06}", crate::random::u32() % 1_000_000));
                    }
                }
                if yields_certificate(item.category) {
                    extra.certificate = Some(self.certificate_for(&record, &item).await?);
                }
            }
            CaseAction::PickUp => {
                let shown: String = d.pickup_code.chars().filter(char::is_ascii_digit).collect();
                if record.pickup_code.as_deref() != Some(shown.as_str()) {
                    return Err(Invalid::PickupCode.into());
                }
            }
            _ => {}
        }
        extra.department = Some(record.department_code.clone());
        extra.note = (!note.is_empty()).then(|| note.to_owned());
        self.apply(&record, d.action, actor, staff.id, &extra).await
    }

    async fn certificate_for(
        &self,
        record: &CaseRecord,
        item: &domain::ServiceItem,
    ) -> Result<Signed> {
        let holder_masked = match record.member_id {
            Some(id) => self
                .store
                .family_member(record.citizen_id, id)
                .await?
                .map(|m| m.name_masked),
            None => self
                .store
                .citizen(record.citizen_id)
                .await?
                .and_then(|c| c.name_masked),
        }
        .unwrap_or_default();
        let code: String = (0..16)
            .map(|_| {
                let i = crate::random::u32() as usize % Certificate::ALPHABET.len();
                char::from(Certificate::ALPHABET[i])
            })
            .collect();
        let certificate = Certificate {
            code,
            item_name: item.name.clone(),
            department_name: item.department.short_name.clone(),
            holder_masked,
            case_number: record.number.clone().unwrap_or_default(),
            issued_on: self.today(),
        };
        Ok(Signed {
            content: certificate.canonical(),
            signature: self.signer().sign(&certificate),
            code: certificate.code,
        })
    }

    fn signer(&self) -> CertSigner {
        CertSigner::from_seed(&self.pii.certificate_seed())
    }

    /// The published key that checks every certificate, as hex.
    pub fn certificate_key(&self) -> String {
        self.signer().public_key_hex()
    }

    /// How the result reaches the applicant, once it is issued.
    pub(super) async fn result(
        &self,
        record: &CaseRecord,
        answers: &Answers,
        for_applicant: bool,
    ) -> Result<Option<CaseResult>> {
        let issued = matches!(
            self.state(record)?,
            CaseState::Concluded | CaseState::Delivered | CaseState::PickedUp
        );
        if !issued {
            return Ok(None);
        }
        let certificate = self.store.certificate_of(record.id).await?;
        Ok(Some(CaseResult {
            delivery: delivery_of(answers),
            pickup_code: record.pickup_code.clone().filter(|_| for_applicant),
            tracking_no: record.tracking_no.clone(),
            certificate: certificate
                .as_ref()
                .and_then(|c| Certificate::from_canonical(&c.content)),
            signature: certificate.map(|c| hex(&c.signature)),
        }))
    }

    /// `/verify/{code}`: valid, revoked, or unknown. With the signature a QR code carries,
    /// it must be the one on file too (a forged QR with a real code reads as unknown).
    pub async fn verify(&self, code: &str, qr_signature: Option<&str>) -> Result<Verification> {
        let code = code.trim().to_ascii_uppercase();
        if !Certificate::code_ok(&code) {
            return Ok(Verification::Unknown);
        }
        let Some(record) = self.store.certificate_by_code(&code).await? else {
            return Ok(Verification::Unknown);
        };
        let Some(certificate) = Certificate::from_canonical(&record.content) else {
            return Ok(Verification::Unknown);
        };
        let signed = self.signer().verify(&certificate, &record.signature);
        let qr_matches = qr_signature
            .is_none_or(|s| unhex(&s.to_ascii_lowercase()).is_some_and(|s| s == record.signature));
        if !signed || !qr_matches {
            return Ok(Verification::Unknown);
        }
        Ok(match record.revoked_at {
            Some(_) => Verification::Revoked(certificate),
            None => Verification::Valid(certificate),
        })
    }
}

pub(super) fn delivery_of(answers: &Answers) -> Delivery {
    FieldKey::parse(forms::DELIVERY)
        .and_then(|k| answers.get(&k).and_then(|v| Delivery::parse(v)))
        .unwrap_or(Delivery::Pickup)
}
