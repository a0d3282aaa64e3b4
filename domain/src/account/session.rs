use serde::{Deserialize, Serialize};

/// Who a session belongs to. Citizens and staff never share a session or a cookie.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SessionKind {
    Citizen,
    Staff,
}

impl SessionKind {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Citizen => "citizen",
            Self::Staff => "staff",
        }
    }
}

/// How long a session lives: it ends after `idle_secs` without a request, and in any case
/// `absolute_secs` after sign-in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SessionPolicy {
    pub idle_secs: i64,
    pub absolute_secs: i64,
    /// `last_seen` is written at most this often, so reading pages does not mean writing rows.
    pub touch_every_secs: i64,
}

impl SessionPolicy {
    /// Citizens on a phone come back to a case over a day: 2 h idle, 7 days at most.
    pub const CITIZEN: Self = Self {
        idle_secs: 2 * 3_600,
        absolute_secs: 7 * 86_400,
        touch_every_secs: 60,
    };
    /// A clerk's terminal at a window may be left unattended: 30 min idle, one working day.
    pub const STAFF: Self = Self {
        idle_secs: 30 * 60,
        absolute_secs: 12 * 3_600,
        touch_every_secs: 60,
    };

    pub fn for_kind(kind: SessionKind) -> Self {
        match kind {
            SessionKind::Citizen => Self::CITIZEN,
            SessionKind::Staff => Self::STAFF,
        }
    }

    pub fn is_live(&self, created_at: i64, seen_at: i64, now: i64) -> bool {
        now - seen_at < self.idle_secs && now - created_at < self.absolute_secs
    }

    pub fn needs_touch(&self, seen_at: i64, now: i64) -> bool {
        now - seen_at >= self.touch_every_secs
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn idle_and_absolute_timeouts() {
        let p = SessionPolicy::STAFF;
        assert!(p.is_live(0, 0, 30 * 60 - 1));
        assert!(!p.is_live(0, 0, 30 * 60), "idle");
        assert!(p.is_live(0, 12 * 3_600 - 10, 12 * 3_600 - 1));
        assert!(
            !p.is_live(0, 12 * 3_600 - 10, 12 * 3_600),
            "absolute, however busy"
        );
        assert!(!p.needs_touch(100, 159) && p.needs_touch(100, 160));
    }
}
