use super::rate_limit::Bucket;
use super::{AccountService, Actor, columns};
use crate::{Error, Result};
use domain::{CodeCheck, Invalid, OtpCode, Phone, Refusal, SendDecision, SendRefusal, SessionKind};

/// The answer to 获取验证码.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CodeSent {
    pub phone_masked: String,
    /// Seconds before another code may be asked for.
    pub resend_after_secs: i64,
    /// False when a code sent moments ago still stands (a repeated tap or form).
    pub fresh: bool,
}

/// A signed-in citizen: the token goes into the session cookie.
#[derive(Debug)]
pub struct SignedIn {
    pub token: String,
    pub citizen_id: i64,
    pub elder: bool,
}

impl AccountService {
    fn phone_index(&self, phone: &Phone) -> Vec<u8> {
        self.pii
            .blind_index(phone.as_str(), columns::CITIZEN_PHONE)
            .to_vec()
    }

    /// Keyed by the number as well, so one code's hash is worth nothing for another number.
    fn code_hash(&self, phone: &Phone, code: &OtpCode) -> Vec<u8> {
        let keyed = format!("{}:{}", phone.as_str(), code.as_str());
        self.pii.blind_index(&keyed, columns::OTP_CODE).to_vec()
    }

    /// 获取验证码: texts a fresh code unless the number's limits say wait. `send_key` is the
    /// form's one-time key: the same form twice sends once.
    pub async fn send_code(&self, phone: &str, send_key: &str, ip: &str) -> Result<CodeSent> {
        let phone = Phone::parse(phone).map_err(Invalid::Phone)?;
        let now = self.clock.now();
        self.limiter.check(Bucket::Send, ip, now)?;
        let code = OtpCode::from_random(crate::random::u32());
        let decision = self
            .store
            .otp_send(
                &self.phone_index(&phone),
                &self.code_hash(&phone, &code),
                send_key,
                &self.otp,
                now,
            )
            .await?;
        let sent = |resend_after_secs, fresh| CodeSent {
            phone_masked: phone.masked(),
            resend_after_secs,
            fresh,
        };
        match decision {
            Ok(SendDecision::Send) => {
                let text = format!(
                    "【办事】您的登录验证码是 {}，5 分钟内有效。工作人员不会向您索要验证码，请勿告诉他人。",
                    code.as_str()
                );
                // The record of the code goes once the code itself is dead.
                let purge_at = now + self.otp.valid_secs;
                self.sms.send(&phone, &text, Some(purge_at)).await?;
                Ok(sent(self.otp.resend_after_secs, true))
            }
            Ok(SendDecision::AlreadySent) => Ok(sent(self.otp.resend_after_secs, false)),
            // A code went out less than a minute ago and is still good: go on to typing it.
            Err(SendRefusal::TooSoon { wait_secs }) => Ok(sent(wait_secs, false)),
            Err(SendRefusal::DailyLimit) => Err(Refusal::CodeDailyLimit.into()),
        }
    }

    /// 登录: checks the code and opens a session, creating the account on first sign-in.
    /// `replacing`: the session token the browser sent, which ends here.
    pub async fn sign_in(
        &self,
        phone: &str,
        code: &str,
        ip: &str,
        replacing: Option<&str>,
    ) -> Result<SignedIn> {
        let phone = Phone::parse(phone).map_err(Invalid::Phone)?;
        let code = OtpCode::parse(code).map_err(Invalid::Otp)?;
        let now = self.clock.now();
        self.limiter.check(Bucket::Try, ip, now)?;
        let index = self.phone_index(&phone);
        let verdict = self
            .store
            .otp_check(&index, &self.code_hash(&phone, &code), &self.otp, now)
            .await?;
        let refusal = match verdict {
            CodeCheck::Accepted => None,
            CodeCheck::Wrong { tries_left } => Some(Refusal::CodeWrong { tries_left }),
            CodeCheck::TooManyTries => Some(Refusal::CodeTooManyTries),
            CodeCheck::Expired => Some(Refusal::CodeExpired),
            CodeCheck::NoCode => Some(Refusal::NoCode),
        };
        if let Some(refusal) = refusal {
            return Err(refusal.into());
        }
        let encrypted = self.pii.encrypt(phone.as_str(), columns::CITIZEN_PHONE);
        let citizen_id = self
            .store
            .citizen_for_phone(&index, &encrypted, &phone.masked(), now)
            .await?;
        let token = self
            .sessions
            .open(SessionKind::Citizen, citizen_id, replacing)
            .await?;
        self.audit
            .record(
                Actor::citizen(citizen_id),
                "citizen.sign_in",
                Some(("citizen", citizen_id)),
                ip,
            )
            .await?;
        let elder = self.live_citizen(citizen_id).await?.elder;
        Ok(SignedIn {
            token,
            citizen_id,
            elder,
        })
    }

    /// Whether this token is a live citizen session, answered from a five-minute memory when
    /// it can be (the booking rush's first, cheap question; see `SessionService`).
    pub async fn is_signed_in_cached(&self, token: &str) -> Result<Option<i64>> {
        self.sessions
            .resolve_cached(SessionKind::Citizen, token)
            .await
    }

    /// The citizen signed in with this session token, if it is live and they still exist.
    pub async fn current(&self, token: &str) -> Result<Option<i64>> {
        let Some(id) = self.sessions.resolve(SessionKind::Citizen, token).await? else {
            return Ok(None);
        };
        match self.live_citizen(id).await {
            Ok(_) => Ok(Some(id)),
            Err(Error::SignInRequired) => Ok(None),
            Err(e) => Err(e),
        }
    }

    pub async fn sign_out(&self, citizen: i64, token: &str, ip: &str) -> Result<()> {
        self.sessions.close(token).await?;
        self.audit
            .record(
                Actor::citizen(citizen),
                "citizen.sign_out",
                Some(("citizen", citizen)),
                ip,
            )
            .await
    }
}
