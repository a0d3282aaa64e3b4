use super::rate_limit::Bucket;
use super::{Actor, Audit, IpLimiter, SessionService};
use crate::clock::Clock;
use crate::store::{Added, NewStaff, StaffChange, StaffRecord};
use crate::{Error, Result, Store};
use argon2::Argon2;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use domain::{
    Choice, Invalid, LockoutPolicy, Refusal, SessionKind, StaffMember, StaffRole, Username,
};
use std::sync::{Arc, OnceLock};

/// What the admin's staff form sends (create and edit alike).
#[derive(Clone, Debug, Default)]
pub struct NewStaffForm {
    pub username: String,
    pub display_name: String,
    pub role: String,
    /// Empty: not tied to one hall (approvers, admins).
    pub hall_code: String,
    pub departments: Vec<String>,
    pub active: bool,
}

/// Staff accounts: password sign-in with lock-out, and their management by an admin.
#[derive(Clone)]
pub struct StaffService {
    store: Arc<dyn Store>,
    clock: Arc<dyn Clock>,
    sessions: SessionService,
    audit: Audit,
    limiter: IpLimiter,
    lockout: LockoutPolicy,
}

fn hash_password(password: &str) -> Result<String> {
    let salt = SaltString::generate(&mut argon2::password_hash::rand_core::OsRng);
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| Error::Corrupt(format!("argon2: {e}")))
}

fn password_matches(password: &str, stored: &str) -> bool {
    PasswordHash::new(stored)
        .map(|parsed| {
            Argon2::default()
                .verify_password(password.as_bytes(), &parsed)
                .is_ok()
        })
        .unwrap_or(false)
}

/// Checked when the username is unknown, so that an unknown name takes as long as a wrong
/// password and response times do not reveal which usernames exist.
fn decoy_hash() -> &'static str {
    static DECOY: OnceLock<String> = OnceLock::new();
    DECOY.get_or_init(|| hash_password(&crate::random::password()).unwrap_or_default())
}

/// `now` drops a lock-out that has run out, so pages show only a lock in force.
fn member(r: StaffRecord, now: i64) -> Result<StaffMember> {
    let role = StaffRole::parse(&r.role)
        .ok_or_else(|| Error::Corrupt(format!("staff.role = {}", r.role)))?;
    Ok(StaffMember {
        id: r.id,
        username: r.username,
        display_name: r.display_name,
        role,
        hall_code: r.hall_code,
        departments: r.departments,
        active: r.active,
        locked_until: r.locked_until.filter(|until| *until > now),
    })
}

impl StaffService {
    pub fn new(
        store: Arc<dyn Store>,
        clock: Arc<dyn Clock>,
        sessions: SessionService,
        limiter: IpLimiter,
    ) -> Self {
        Self {
            audit: Audit::new(store.clone(), clock.clone()),
            store,
            clock,
            sessions,
            limiter,
            lockout: LockoutPolicy::default(),
        }
    }

    /// Argon2 is deliberately slow; it runs off the async threads.
    async fn verify(password: &str, stored: &str) -> Result<bool> {
        let (password, stored) = (password.to_owned(), stored.to_owned());
        tokio::task::spawn_blocking(move || password_matches(&password, &stored))
            .await
            .map_err(|e| Error::Corrupt(format!("password check: {e}")))
    }

    async fn hash(password: String) -> Result<String> {
        tokio::task::spawn_blocking(move || hash_password(&password))
            .await
            .map_err(|e| Error::Corrupt(format!("password hash: {e}")))?
    }

    /// Returns the session token. Every attempt on a known account counts before its
    /// password is checked (one statement, so parallel guesses cannot pass the limit); a
    /// right password resets the count. An unknown username, a wrong password and a locked
    /// account read alike and cost alike (one argon2 check each).
    /// `replacing`: the staff session token the browser sent, which ends on success.
    pub async fn sign_in(
        &self,
        username: &str,
        password: &str,
        ip: &str,
        replacing: Option<&str>,
    ) -> Result<String> {
        let now = self.clock.now();
        self.limiter.check(Bucket::Try, ip, now)?;
        let found = match Username::parse(username) {
            Ok(name) => self.store.staff_by_username(name.as_str()).await?,
            Err(_) => None,
        };
        let admitted = match &found {
            Some(staff) => {
                self.store
                    .begin_staff_attempt(
                        staff.id,
                        now,
                        i64::from(self.lockout.max_failures),
                        now + self.lockout.lock_secs,
                    )
                    .await?
            }
            None => false,
        };
        let hash = match (&found, admitted) {
            (Some(staff), true) => staff.password_hash.as_str(),
            _ => decoy_hash(),
        };
        let right = Self::verify(password, hash).await? && admitted;
        let Some(staff) = found else {
            return Err(Error::Refused(Refusal::StaffSignIn));
        };
        if !right {
            let action = if admitted {
                "staff.sign_in_failed"
            } else {
                "staff.sign_in_locked"
            };
            self.audit
                .record(
                    Actor::Staff(staff.id),
                    action,
                    Some(("staff", staff.id)),
                    ip,
                )
                .await?;
            return Err(Error::Refused(Refusal::StaffSignIn));
        }
        self.store.staff_attempt_succeeded(staff.id).await?;
        if !staff.active {
            return Err(Refusal::StaffDisabled.into());
        }
        let token = self
            .sessions
            .open(SessionKind::Staff, staff.id, replacing)
            .await?;
        self.audit
            .record(
                Actor::Staff(staff.id),
                "staff.sign_in",
                Some(("staff", staff.id)),
                ip,
            )
            .await?;
        Ok(token)
    }

    /// The active staff member signed in with this token.
    pub async fn current(&self, token: &str) -> Result<Option<StaffMember>> {
        let Some(id) = self.sessions.resolve(SessionKind::Staff, token).await? else {
            return Ok(None);
        };
        match self.store.staff_member(id).await? {
            Some(s) if s.active => Ok(Some(member(s, self.clock.now())?)),
            _ => Ok(None),
        }
    }

    pub async fn sign_out(&self, staff: &StaffMember, token: &str, ip: &str) -> Result<()> {
        self.sessions.close(token).await?;
        self.audit
            .record(
                Actor::Staff(staff.id),
                "staff.sign_out",
                Some(("staff", staff.id)),
                ip,
            )
            .await
    }

    /// Staff accounts are managed by those `domain::may` lets (admins).
    fn require_manager(actor: &StaffMember) -> Result<()> {
        if domain::may(actor, domain::StaffAction::ManageStaff, &domain::Reach::ANY) {
            Ok(())
        } else {
            Err(Error::Forbidden)
        }
    }

    pub async fn list(&self, actor: &StaffMember) -> Result<Vec<StaffMember>> {
        Self::require_manager(actor)?;
        self.store
            .all_staff()
            .await?
            .into_iter()
            .map(|s| member(s, self.clock.now()))
            .collect()
    }

    pub async fn get(&self, actor: &StaffMember, id: i64) -> Result<StaffMember> {
        Self::require_manager(actor)?;
        member(
            self.store.staff_member(id).await?.ok_or(Error::NotFound)?,
            self.clock.now(),
        )
    }

    /// Checks a staff form against the catalogue: a real role, hall and departments.
    async fn checked(&self, form: &NewStaffForm) -> Result<StaffChange> {
        let display_name = form.display_name.trim();
        if !(2..=30).contains(&display_name.chars().count()) {
            return Err(Invalid::StaffName.into());
        }
        let role = StaffRole::parse(&form.role).ok_or(Invalid::Choose(Choice::Role))?;
        let hall_code = match form.hall_code.trim() {
            "" => None,
            code if self.store.halls().await?.iter().any(|h| h.code == code) => {
                Some(code.to_owned())
            }
            _ => return Err(Invalid::Choose(Choice::Hall).into()),
        };
        let known = self.store.departments().await?;
        let mut departments = form.departments.clone();
        departments.sort();
        departments.dedup();
        if departments
            .iter()
            .any(|d| !known.iter().any(|k| &k.code == d))
        {
            return Err(Invalid::Choose(Choice::Department).into());
        }
        if departments.is_empty() && matches!(role, StaffRole::Clerk | StaffRole::Approver) {
            return Err(Invalid::DepartmentsNeeded.into());
        }
        Ok(StaffChange {
            display_name: display_name.to_owned(),
            role: role.as_str(),
            hall_code,
            departments,
            active: form.active,
        })
    }

    /// Creates a staff account with a generated first password, returned once to hand over.
    pub async fn create(
        &self,
        actor: &StaffMember,
        form: &NewStaffForm,
        ip: &str,
    ) -> Result<(StaffMember, String)> {
        Self::require_manager(actor)?;
        let (member, password) = self.create_unchecked(form).await?;
        self.audit
            .record(
                Actor::Staff(actor.id),
                "staff.create",
                Some(("staff", member.id)),
                ip,
            )
            .await?;
        Ok((member, password))
    }

    async fn create_unchecked(&self, form: &NewStaffForm) -> Result<(StaffMember, String)> {
        let username = Username::parse(&form.username).map_err(Invalid::Username)?;
        let change = self.checked(form).await?;
        let password = crate::random::password();
        let new = NewStaff {
            username: username.as_str().to_owned(),
            display_name: change.display_name,
            password_hash: Self::hash(password.clone()).await?,
            role: change.role,
            hall_code: change.hall_code,
            departments: change.departments,
            created_at: self.clock.now(),
        };
        let Added::Id(id) = self.store.create_staff(&new).await? else {
            return Err(Refusal::UsernameTaken {
                username: username.as_str().to_owned(),
            }
            .into());
        };
        let member = member(
            self.store.staff_member(id).await?.ok_or(Error::NotFound)?,
            self.clock.now(),
        )?;
        Ok((member, password))
    }

    pub async fn update(
        &self,
        actor: &StaffMember,
        id: i64,
        form: &NewStaffForm,
        ip: &str,
    ) -> Result<StaffMember> {
        Self::require_manager(actor)?;
        let change = self.checked(form).await?;
        // An admin cannot lock themselves out by demoting or disabling their own account.
        if id == actor.id && (change.role != StaffRole::Admin.as_str() || !change.active) {
            return Err(Refusal::SelfDemote.into());
        }
        if !self.store.update_staff(id, &change).await? {
            return Err(Error::NotFound);
        }
        self.audit
            .record(
                Actor::Staff(actor.id),
                "staff.update",
                Some(("staff", id)),
                ip,
            )
            .await?;
        self.get(actor, id).await
    }

    /// A new generated password (also lifting a lock-out); the old one stops working.
    pub async fn reset_password(&self, actor: &StaffMember, id: i64, ip: &str) -> Result<String> {
        Self::require_manager(actor)?;
        let password = crate::random::password();
        if !self
            .store
            .set_staff_password(id, &Self::hash(password.clone()).await?)
            .await?
        {
            return Err(Error::NotFound);
        }
        self.store
            .end_sessions_of(SessionKind::Staff.as_str(), id)
            .await?;
        self.audit
            .record(
                Actor::Staff(actor.id),
                "staff.reset_password",
                Some(("staff", id)),
                ip,
            )
            .await?;
        Ok(password)
    }

    /// For the `create-admin` command: a new admin account, audited as the system.
    pub async fn create_admin(&self, username: &str, display_name: &str) -> Result<String> {
        let form = NewStaffForm {
            username: username.to_owned(),
            display_name: display_name.to_owned(),
            role: StaffRole::Admin.as_str().to_owned(),
            hall_code: String::new(),
            departments: Vec::new(),
            active: true,
        };
        let (member, password) = self.create_unchecked(&form).await?;
        self.audit
            .record(
                Actor::System,
                "staff.create_admin",
                Some(("staff", member.id)),
                "",
            )
            .await?;
        Ok(password)
    }

    pub async fn count(&self) -> Result<i64> {
        self.store.staff_count().await
    }
}
