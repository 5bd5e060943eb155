//! `parallax serve`: the web UI and JSON API over the store.

use std::net::SocketAddr;

use super::Status;
use crate::Options;

/// Serves `options.data` on `addr` until interrupted.
pub fn run(options: &Options, addr: SocketAddr) -> anyhow::Result<Status> {
    parallax_serve::serve_blocking(addr, &options.data)?;
    Ok(Status::Clean)
}
