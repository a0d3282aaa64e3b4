//! Configuration from the environment, with defaults that run out of the box.

use leptos::config::LeptosOptions;
use std::net::SocketAddr;
use std::path::PathBuf;

#[derive(Clone, Debug)]
pub struct Config {
    /// `BANSHI_DATABASE_URL`: `sqlite://…` (default `sqlite://data/banshi.db`) or `postgres://…`.
    pub database_url: String,
    /// `BANSHI_ADDR` (default `127.0.0.1:3000`).
    pub addr: SocketAddr,
    /// `BANSHI_SITE_ROOT`: where cargo-leptos put the built site (default `target/site`).
    pub site_root: PathBuf,
    /// `BANSHI_SEED_DEMO` (default on): load the demo catalogue into an empty database.
    pub seed_demo: bool,
    /// `BANSHI_REQUEST_TIMEOUT_SECS` (default 15).
    pub request_timeout_secs: u64,
    /// `BANSHI_ENV`: `development` (default: plain-HTTP cookies, `/dev/outbox`, a generated
    /// key under `data/`) or `production` (Secure cookies, `BANSHI_PII_KEY` required).
    pub production: bool,
    /// `BANSHI_PII_KEY`: 64 hex characters, the master key for personal data at rest.
    pub pii_key: Option<String>,
    /// `BANSHI_PII_KEY_FILE` (development, default `data/pii.key`): where a generated key lives.
    pub pii_key_file: PathBuf,
    /// `BANSHI_UPLOADS_DIR` (default `data/uploads`): uploaded materials, outside the site root.
    pub uploads_dir: PathBuf,
    /// `BANSHI_IP_SENDS_PER_HOUR` (default 30), `BANSHI_IP_TRIES_PER_10_MIN` (default 60) and
    /// `BANSHI_IP_VERIFIES_PER_HOUR` (实名认证 attempts, default 20).
    pub ip_limits: backend::accounts::IpLimits,
    /// `BANSHI_CLIENT_IP_HEADER`: behind a trusted proxy, the header it puts the caller's
    /// address in (e.g. `x-real-ip`); unset, the peer address of the connection is used.
    pub client_ip_header: Option<String>,
    /// Development and browser tests only: the instant (seconds since 1970 UTC) the server's
    /// clock reads at start; `/dev/clock` then moves it on.
    pub clock_start: Option<i64>,
    /// Seconds between runs of the booking jobs (reminders, no-shows, waitlist); 0 = never.
    pub jobs_every_secs: u64,
    /// `BANSHI_DEV_TOOLS=1`: the development pages (`/dev/outbox` with every text sent,
    /// sign-in codes included; `/dev/clock`). Refused in production and on any address but
    /// loopback; off, they are not routed at all.
    pub dev_tools: bool,
}

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("{name} = {value:?} is not valid: {why}")]
    Invalid {
        name: &'static str,
        value: String,
        why: String,
    },
}

impl Config {
    pub fn from_env() -> Result<Self, ConfigError> {
        Self::from_lookup(|name| std::env::var(name).ok())
    }

    pub fn from_lookup(get: impl Fn(&str) -> Option<String>) -> Result<Self, ConfigError> {
        fn parsed<T: std::str::FromStr>(
            get: &impl Fn(&str) -> Option<String>,
            name: &'static str,
            default: &str,
        ) -> Result<T, ConfigError>
        where
            T::Err: std::fmt::Display,
        {
            let value = get(name).unwrap_or_else(|| default.to_owned());
            value.parse().map_err(|e: T::Err| ConfigError::Invalid {
                name,
                value,
                why: e.to_string(),
            })
        }
        let seed: String = parsed(&get, "BANSHI_SEED_DEMO", "true")?;
        let env: String = parsed(&get, "BANSHI_ENV", "development")?;
        let production = match env.as_str() {
            "development" | "dev" => false,
            "production" | "prod" => true,
            _ => {
                return Err(ConfigError::Invalid {
                    name: "BANSHI_ENV",
                    value: env,
                    why: "use development or production".into(),
                });
            }
        };
        let pii_key = get("BANSHI_PII_KEY").filter(|k| !k.trim().is_empty());
        if production && pii_key.is_none() {
            return Err(ConfigError::Invalid {
                name: "BANSHI_PII_KEY",
                value: String::new(),
                why: "production needs the personal-data master key (64 hex characters)".into(),
            });
        }
        let addr: SocketAddr = parsed(&get, "BANSHI_ADDR", "127.0.0.1:3000")?;
        let dev_switch: String = parsed(&get, "BANSHI_DEV_TOOLS", "off")?;
        let dev_tools = matches!(
            dev_switch.to_ascii_lowercase().as_str(),
            "1" | "true" | "yes" | "on"
        );
        if dev_tools && (production || !addr.ip().is_loopback()) {
            return Err(ConfigError::Invalid {
                name: "BANSHI_DEV_TOOLS",
                value: dev_switch,
                why: "development pages show every sign-in code: only in development, on a \
                      loopback BANSHI_ADDR"
                    .into(),
            });
        }
        let clock_start = match get("BANSHI_CLOCK_START") {
            Some(v) if !dev_tools => {
                return Err(ConfigError::Invalid {
                    name: "BANSHI_CLOCK_START",
                    value: v,
                    why: "a moved clock is for development and tests only (BANSHI_DEV_TOOLS=1)"
                        .into(),
                });
            }
            Some(_) => Some(parsed(&get, "BANSHI_CLOCK_START", "0")?),
            None => None,
        };
        Ok(Self {
            dev_tools,
            clock_start,
            jobs_every_secs: parsed(&get, "BANSHI_JOBS_EVERY_SECS", "30")?,
            database_url: get("BANSHI_DATABASE_URL")
                .unwrap_or_else(|| "sqlite://data/banshi.db".into()),
            addr,
            site_root: get("BANSHI_SITE_ROOT")
                .unwrap_or_else(|| "target/site".into())
                .into(),
            seed_demo: !matches!(
                seed.to_ascii_lowercase().as_str(),
                "0" | "false" | "no" | "off"
            ),
            request_timeout_secs: parsed(&get, "BANSHI_REQUEST_TIMEOUT_SECS", "15")?,
            production,
            pii_key,
            pii_key_file: get("BANSHI_PII_KEY_FILE")
                .unwrap_or_else(|| "data/pii.key".into())
                .into(),
            uploads_dir: get("BANSHI_UPLOADS_DIR")
                .unwrap_or_else(|| "data/uploads".into())
                .into(),
            ip_limits: backend::accounts::IpLimits {
                sends_per_hour: parsed(&get, "BANSHI_IP_SENDS_PER_HOUR", "30")?,
                tries_per_10_min: parsed(&get, "BANSHI_IP_TRIES_PER_10_MIN", "60")?,
                verifies_per_hour: parsed(&get, "BANSHI_IP_VERIFIES_PER_HOUR", "20")?,
            },
            client_ip_header: get("BANSHI_CLIENT_IP_HEADER")
                .map(|h| h.trim().to_ascii_lowercase())
                .filter(|h| !h.is_empty()),
        })
    }

    /// Leptos' own options, built from ours rather than from Cargo.toml at run time, so the
    /// release binary runs from anywhere given `BANSHI_SITE_ROOT`.
    pub fn leptos_options(&self) -> LeptosOptions {
        LeptosOptions::builder()
            .output_name("banshi")
            .site_root(self.site_root.to_string_lossy().into_owned())
            .site_pkg_dir("pkg")
            .site_addr(self.addr)
            .hash_files(assets_are_hashed())
            .build()
    }
}

/// A release build by cargo-leptos (`hash-files = true`) leaves `hash.txt` beside the server
/// binary, naming the content-hashed JS, WASM and CSS; a test or `cargo run` build has none.
pub fn assets_are_hashed() -> bool {
    std::env::current_exe()
        .ok()
        .and_then(|exe| exe.parent().map(|dir| dir.join("hash.txt").is_file()))
        .unwrap_or(false)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_run_out_of_the_box() {
        let config = Config::from_lookup(|_| None).unwrap();
        assert_eq!(config.database_url, "sqlite://data/banshi.db");
        assert_eq!(config.addr.to_string(), "127.0.0.1:3000");
        assert!(config.seed_demo);
    }

    #[test]
    fn a_bad_address_names_the_variable_and_value() {
        let err =
            Config::from_lookup(|n| (n == "BANSHI_ADDR").then(|| "localhost".into())).unwrap_err();
        let text = err.to_string();
        assert!(
            text.contains("BANSHI_ADDR") && text.contains("localhost"),
            "{text}"
        );
    }

    #[test]
    fn production_refuses_to_start_without_a_key() {
        let err =
            Config::from_lookup(|n| (n == "BANSHI_ENV").then(|| "production".into())).unwrap_err();
        assert!(err.to_string().contains("BANSHI_PII_KEY"), "{err}");
        let config = Config::from_lookup(|n| match n {
            "BANSHI_ENV" => Some("production".into()),
            "BANSHI_PII_KEY" => Some("ab".repeat(32)),
            _ => None,
        })
        .unwrap();
        assert!(config.production);
        assert!(!Config::from_lookup(|_| None).unwrap().production);
    }

    #[test]
    fn development_pages_need_the_switch_and_a_loopback_address() {
        let with = |pairs: &'static [(&'static str, &'static str)]| {
            Config::from_lookup(move |n| {
                pairs
                    .iter()
                    .find(|(k, _)| *k == n)
                    .map(|(_, v)| (*v).to_owned())
            })
        };
        assert!(!with(&[]).unwrap().dev_tools, "off unless switched on");
        assert!(with(&[("BANSHI_DEV_TOOLS", "1")]).unwrap().dev_tools);
        for refused in [
            &[("BANSHI_DEV_TOOLS", "1"), ("BANSHI_ADDR", "0.0.0.0:3000")][..],
            &[("BANSHI_DEV_TOOLS", "1"), ("BANSHI_ADDR", "192.168.1.5:80")][..],
            &[
                ("BANSHI_DEV_TOOLS", "1"),
                ("BANSHI_ENV", "production"),
                (
                    "BANSHI_PII_KEY",
                    "abababababababababababababababababababababababababababababababab",
                ),
            ][..],
            &[("BANSHI_CLOCK_START", "1795831200")][..],
        ] {
            let err = with(refused).unwrap_err().to_string();
            assert!(
                err.contains("BANSHI_DEV_TOOLS") || err.contains("BANSHI_CLOCK_START"),
                "{err}"
            );
        }
        let config = with(&[
            ("BANSHI_DEV_TOOLS", "on"),
            ("BANSHI_CLOCK_START", "1795831200"),
        ])
        .unwrap();
        assert_eq!(config.clock_start, Some(1_795_831_200));
    }

    #[test]
    fn seeding_can_be_switched_off() {
        for off in ["off", "FALSE", "0", "No"] {
            let config =
                Config::from_lookup(|n| (n == "BANSHI_SEED_DEMO").then(|| off.into())).unwrap();
            assert!(!config.seed_demo, "{off}");
        }
    }
}
