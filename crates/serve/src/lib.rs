//! The web UI and the JSON API, served from one process over the embedded
//! store (`parallax serve`).
//!
//! `parallax-serve` owns HTTP: routing, request validation and limits, JSON
//! error bodies, the OpenAPI description (`/api/openapi.json`), the
//! server-rendered pages and their static assets. Pages and API endpoints
//! read the same data through the same functions (`views`), so what a page
//! shows is what the API returns. It must not analyse, link or store on its
//! own: ingest goes through `parallax-pipeline`, reads through the
//! `parallax-store` interface, and every blocking store call runs off the
//! async executor (`state::AppState::read`/`write`).

pub mod api;
pub mod error;
pub mod page_cache;
pub mod pages;
pub mod readers;
pub mod state;
pub mod views;

use std::net::SocketAddr;
use std::path::Path;

use axum::Router;

pub use error::ApiError;
pub use state::AppState;

/// The whole application: pages at `/`, the API under `/api`.
pub fn router(state: AppState) -> Router {
    Router::new()
        .merge(pages::routes())
        .nest("/api", api::routes())
        .layer(axum::middleware::from_fn(api::json_errors_under_api))
        .with_state(state)
}

/// Serves the store in `data_dir` on `addr` until Ctrl-C (or SIGTERM).
/// Prints the address actually bound (useful with port 0) on stderr.
pub async fn serve(addr: SocketAddr, data_dir: &Path) -> std::io::Result<()> {
    let state = AppState::open(data_dir).map_err(std::io::Error::other)?;
    if let Err(error) = state.search_index() {
        eprintln!("parallax: search is unavailable: {}", error.message);
    }
    let listener = tokio::net::TcpListener::bind(addr).await?;
    eprintln!(
        "parallax: serving {} on http://{}",
        data_dir.display(),
        listener.local_addr()?
    );
    axum::serve(listener, router(state))
        .with_graceful_shutdown(shutdown_signal())
        .await
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = terminate => {},
    }
}

/// [`serve`] on a new multi-threaded runtime, for callers without one (the CLI).
pub fn serve_blocking(addr: SocketAddr, data_dir: &Path) -> std::io::Result<()> {
    tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?
        .block_on(serve(addr, data_dir))
}
