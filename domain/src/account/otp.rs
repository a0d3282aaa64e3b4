use crate::CivilDate;
use serde::{Deserialize, Serialize};

/// The six digits a citizen types from the text message.
#[derive(Clone, PartialEq, Eq)]
pub struct OtpCode(String);

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum OtpError {
    #[error("code is not 6 digits")]
    Shape,
}

impl OtpCode {
    /// Spaces are ignored, and full-width digits (from some Chinese keyboards) accepted.
    pub fn parse(raw: &str) -> Result<Self, OtpError> {
        let digits = crate::plain_number(raw);
        if digits.len() == 6 && digits.bytes().all(|b| b.is_ascii_digit()) {
            Ok(Self(digits))
        } else {
            Err(OtpError::Shape)
        }
    }

    /// Six digits from a uniformly random `u32` (the caller supplies the randomness).
    pub fn from_random(random: u32) -> Self {
        Self(format!("{:06}", random % 1_000_000))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for OtpCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("OtpCode(******)")
    }
}

/// The limits on sign-in codes for one phone number.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OtpPolicy {
    /// How long a code can be used.
    pub valid_secs: i64,
    /// Wrong codes allowed before the code is dead.
    pub max_tries: u32,
    /// The least time between two texts to one number.
    pub resend_after_secs: i64,
    /// Texts to one number per day (China time).
    pub per_day: u32,
    /// A code already used still signs in this long after, so that a double tap on 登录,
    /// or a retry after a dropped answer, does not end in "验证码已失效".
    pub replay_grace_secs: i64,
}

impl Default for OtpPolicy {
    fn default() -> Self {
        Self {
            valid_secs: 300,
            max_tries: 5,
            resend_after_secs: 60,
            per_day: 10,
            replay_grace_secs: 30,
        }
    }
}

/// What is stored per phone number between requests.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct OtpState {
    /// Keyed hash of the current code (never the code itself).
    pub code_hash: Vec<u8>,
    pub sent_at: i64,
    /// The send form's one-time key, so that a resubmitted form does not send again.
    pub send_key: String,
    pub day: Option<CivilDate>,
    pub sent_on_day: u32,
    pub tries: u32,
    pub used_at: Option<i64>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SendDecision {
    /// Send a new code; store `next` (with the new code's hash filled in by the caller).
    Send,
    /// The same form came again: the code already sent stands, nothing is sent.
    AlreadySent,
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum SendRefusal {
    #[error("a code was sent; wait {wait_secs} s")]
    TooSoon { wait_secs: i64 },
    #[error("the number has had its codes for today")]
    DailyLimit,
}

/// What checking a typed code came to.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum CodeCheck {
    #[error("accepted")]
    Accepted,
    #[error("wrong code, {tries_left} tries left")]
    Wrong { tries_left: u32 },
    #[error("too many wrong codes")]
    TooManyTries,
    #[error("code expired")]
    Expired,
    #[error("no code sent")]
    NoCode,
}

impl OtpPolicy {
    /// May a code be sent now? `state` is what is stored for the number, if anything.
    pub fn decide_send(
        &self,
        state: Option<&OtpState>,
        send_key: &str,
        now: i64,
    ) -> Result<SendDecision, SendRefusal> {
        let Some(state) = state else {
            return Ok(SendDecision::Send);
        };
        let since = now - state.sent_at;
        if since < self.resend_after_secs {
            if !send_key.is_empty() && state.send_key == send_key {
                return Ok(SendDecision::AlreadySent);
            }
            return Err(SendRefusal::TooSoon {
                wait_secs: self.resend_after_secs - since,
            });
        }
        if state.day == Some(CivilDate::in_china(now)) && state.sent_on_day >= self.per_day {
            return Err(SendRefusal::DailyLimit);
        }
        Ok(SendDecision::Send)
    }

    /// The state after sending a code whose keyed hash is `code_hash`.
    pub fn after_send(
        &self,
        state: Option<&OtpState>,
        code_hash: Vec<u8>,
        send_key: &str,
        now: i64,
    ) -> OtpState {
        let today = CivilDate::in_china(now);
        let sent_before = state
            .filter(|s| s.day == Some(today))
            .map_or(0, |s| s.sent_on_day);
        OtpState {
            code_hash,
            sent_at: now,
            send_key: send_key.to_owned(),
            day: Some(today),
            sent_on_day: sent_before + 1,
            tries: 0,
            used_at: None,
        }
    }

    /// Checks a typed code (`matches`: its keyed hash equals the stored one) and returns the
    /// verdict with the state to store.
    pub fn check_code(&self, state: &OtpState, matches: bool, now: i64) -> (CodeCheck, OtpState) {
        let mut next = state.clone();
        if state.code_hash.is_empty() {
            return (CodeCheck::NoCode, next);
        }
        if let Some(used) = state.used_at {
            let replay = matches && now - used <= self.replay_grace_secs;
            let verdict = if replay {
                CodeCheck::Accepted
            } else {
                CodeCheck::NoCode
            };
            return (verdict, next);
        }
        if state.tries >= self.max_tries {
            return (CodeCheck::TooManyTries, next);
        }
        if now - state.sent_at >= self.valid_secs {
            return (CodeCheck::Expired, next);
        }
        if matches {
            next.used_at = Some(now);
            return (CodeCheck::Accepted, next);
        }
        next.tries += 1;
        let tries_left = self.max_tries - next.tries;
        let verdict = if tries_left == 0 {
            CodeCheck::TooManyTries
        } else {
            CodeCheck::Wrong { tries_left }
        };
        (verdict, next)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const NOW: i64 = 1_795_795_200; // 2026-11-28 00:00 in China
    const P: OtpPolicy = OtpPolicy {
        valid_secs: 300,
        max_tries: 5,
        resend_after_secs: 60,
        per_day: 10,
        replay_grace_secs: 30,
    };

    fn sent(at: i64) -> OtpState {
        P.after_send(None, vec![1], "form-1", at)
    }

    #[test]
    fn codes_are_six_digits() {
        assert_eq!(OtpCode::parse(" 123 456 ").unwrap().as_str(), "123456");
        assert_eq!(OtpCode::parse("１２３４５６").unwrap().as_str(), "123456");
        assert_eq!(OtpCode::parse("12345"), Err(OtpError::Shape));
        assert_eq!(OtpCode::parse("12345a"), Err(OtpError::Shape));
        assert_eq!(OtpCode::from_random(42).as_str(), "000042");
        assert!(!format!("{:?}", OtpCode::parse("123456").unwrap()).contains("123"));
    }

    #[test]
    fn one_send_per_minute_and_the_same_form_is_not_sent_twice() {
        let state = sent(NOW);
        assert_eq!(
            P.decide_send(Some(&state), "form-2", NOW + 20),
            Err(SendRefusal::TooSoon { wait_secs: 40 })
        );
        assert_eq!(
            P.decide_send(Some(&state), "form-1", NOW + 2),
            Ok(SendDecision::AlreadySent)
        );
        assert_eq!(
            P.decide_send(Some(&state), "form-2", NOW + 60),
            Ok(SendDecision::Send)
        );
    }

    #[test]
    fn ten_sends_a_day_then_tomorrow() {
        let mut state: Option<OtpState> = None;
        for i in 0..10 {
            let at = NOW + i * 61;
            assert_eq!(
                P.decide_send(state.as_ref(), "", at),
                Ok(SendDecision::Send)
            );
            state = Some(P.after_send(state.as_ref(), vec![1], "", at));
        }
        assert_eq!(
            P.decide_send(state.as_ref(), "", NOW + 3_600),
            Err(SendRefusal::DailyLimit)
        );
        assert_eq!(
            P.decide_send(state.as_ref(), "", NOW + 86_400),
            Ok(SendDecision::Send),
            "a new day in China"
        );
    }

    #[test]
    fn a_code_expires_after_five_minutes() {
        let (verdict, _) = P.check_code(&sent(NOW), true, NOW + 299);
        assert_eq!(verdict, CodeCheck::Accepted);
        let (verdict, _) = P.check_code(&sent(NOW), true, NOW + 300);
        assert_eq!(verdict, CodeCheck::Expired);
    }

    #[test]
    fn five_wrong_tries_kill_the_code() {
        let mut state = sent(NOW);
        for left in (1..5).rev() {
            let (verdict, next) = P.check_code(&state, false, NOW + 1);
            assert_eq!(verdict, CodeCheck::Wrong { tries_left: left });
            state = next;
        }
        let (verdict, state) = P.check_code(&state, false, NOW + 1);
        assert_eq!(verdict, CodeCheck::TooManyTries);
        let (verdict, _) = P.check_code(&state, true, NOW + 2);
        assert_eq!(verdict, CodeCheck::TooManyTries, "even the right code");
    }

    #[test]
    fn a_used_code_replays_briefly_then_is_gone() {
        let (_, used) = P.check_code(&sent(NOW), true, NOW + 10);
        assert_eq!(P.check_code(&used, true, NOW + 40).0, CodeCheck::Accepted);
        assert_eq!(P.check_code(&used, true, NOW + 41).0, CodeCheck::NoCode);
        assert_eq!(P.check_code(&used, false, NOW + 11).0, CodeCheck::NoCode);
        assert_eq!(
            P.check_code(&OtpState::default(), true, NOW).0,
            CodeCheck::NoCode
        );
    }

    proptest! {
        /// Whatever the sequence of sends, no two texts are less than a minute apart and no
        /// China day has more than ten.
        #[test]
        fn sends_never_break_the_limits(gaps in proptest::collection::vec(0i64..4_000, 1..60)) {
            let mut state: Option<OtpState> = None;
            let mut at = NOW;
            let mut sends: Vec<i64> = Vec::new();
            for gap in gaps {
                at += gap;
                if P.decide_send(state.as_ref(), "", at) == Ok(SendDecision::Send) {
                    state = Some(P.after_send(state.as_ref(), vec![1], "", at));
                    sends.push(at);
                }
            }
            for pair in sends.windows(2) {
                prop_assert!(pair[1] - pair[0] >= 60);
            }
            let mut per_day = std::collections::HashMap::new();
            for s in &sends {
                *per_day.entry(CivilDate::in_china(*s)).or_insert(0u32) += 1;
            }
            prop_assert!(per_day.values().all(|n| *n <= 10));
        }
    }
}
