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
        Ok(Self {
            database_url: get("BANSHI_DATABASE_URL")
                .unwrap_or_else(|| "sqlite://data/banshi.db".into()),
            addr: parsed(&get, "BANSHI_ADDR", "127.0.0.1:3000")?,
            site_root: get("BANSHI_SITE_ROOT")
                .unwrap_or_else(|| "target/site".into())
                .into(),
            seed_demo: !matches!(
                seed.to_ascii_lowercase().as_str(),
                "0" | "false" | "no" | "off"
            ),
            request_timeout_secs: parsed(&get, "BANSHI_REQUEST_TIMEOUT_SECS", "15")?,
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
    fn seeding_can_be_switched_off() {
        for off in ["off", "FALSE", "0", "No"] {
            let config =
                Config::from_lookup(|n| (n == "BANSHI_SEED_DEMO").then(|| off.into())).unwrap();
            assert!(!config.seed_demo, "{off}");
        }
    }
}
