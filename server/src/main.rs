//! `banshi`: serves the app. Configuration comes from the environment (see `config.rs`).

use server::{Config, create_admin, start};
use tracing_subscriber::EnvFilter;

/// Runtime threads get 8 MiB of stack: rendering a page nests deeply, and a stack overflow
/// would take the whole process down, not one request.
const THREAD_STACK: usize = 8 * 1024 * 1024;

fn main() -> std::process::ExitCode {
    match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .thread_stack_size(THREAD_STACK)
        .build()
    {
        Ok(runtime) => runtime.block_on(run()),
        Err(error) => {
            eprintln!("cannot start the runtime: {error}");
            std::process::ExitCode::FAILURE
        }
    }
}

async fn run() -> std::process::ExitCode {
    tracing_subscriber::fmt()
        .with_env_filter(
            EnvFilter::try_from_env("BANSHI_LOG")
                .unwrap_or_else(|_| EnvFilter::new("info,sqlx=warn")),
        )
        // Logs to stderr: stdout is for what a command prints (create-admin's password).
        .with_writer(std::io::stderr)
        .init();
    let config = match Config::from_env() {
        Ok(config) => config,
        Err(error) => {
            tracing::error!(%error, "configuration rejected");
            return std::process::ExitCode::FAILURE;
        }
    };
    let args: Vec<String> = std::env::args().skip(1).collect();
    if let Some(command) = args.first() {
        return match (command.as_str(), args.get(1)) {
            ("sync-catalog", None) => match server::prepare(config).await {
                // Preparing the store loads the seed catalogue when its file has changed.
                Ok(_) => {
                    println!("事项目录已与 backend/seed/catalog.json 同步");
                    std::process::ExitCode::SUCCESS
                }
                Err(error) => {
                    eprintln!("未能同步事项目录：{error}");
                    std::process::ExitCode::FAILURE
                }
            },
            ("create-admin", Some(username)) => {
                let name = args.get(2).map_or("系统管理员", String::as_str);
                match create_admin(config, username, name).await {
                    Ok(password) => {
                        println!("管理员 {username} 已创建。初始密码（只显示这一次）：{password}");
                        std::process::ExitCode::SUCCESS
                    }
                    Err(error) => {
                        eprintln!("未能创建管理员：{error}");
                        std::process::ExitCode::FAILURE
                    }
                }
            }
            _ => {
                eprintln!(
                    "用法：banshi                     启动服务\n      banshi create-admin <用户名> [姓名]   创建管理员账号\n      banshi sync-catalog                  载入更新后的事项目录"
                );
                std::process::ExitCode::from(2)
            }
        };
    }
    match start(config).await {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(error) => {
            tracing::error!(%error, "server stopped with an error");
            std::process::ExitCode::FAILURE
        }
    }
}
