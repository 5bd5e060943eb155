//! Headless Chromium for the browser tests: installing it (once per test
//! process), running chromedriver on a free port, and opening a WebDriver
//! session with a fresh profile.
//!
//! Everything started here is torn down by `Drop`, so a failing test leaves
//! no browser behind: chromedriver runs in its own process group, and the
//! whole group (chromedriver and the Chromium it launched) is killed.

use std::net::{SocketAddr, TcpListener, TcpStream};
use std::os::unix::process::CommandExt;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use anyhow::{bail, Context};
use fantoccini::{Client, ClientBuilder};
use hyper_util::client::legacy::connect::HttpConnector;
use serde_json::json;

/// Where Debian's `chromium` package puts the browser (a launcher script).
const CHROMIUM: &str = "/usr/bin/chromium";
/// Where Debian's `chromium-driver` package puts the WebDriver server.
const CHROMEDRIVER: &str = "/usr/bin/chromedriver";

/// Flags the browser runs with. Headless without a sandbox (CI runs as root
/// in a container, where Chromium's sandbox cannot start), no GPU, and no
/// traffic of its own: no background networking, component updates or
/// first-run pages, so the only requests are the test's.
const CHROMIUM_FLAGS: [&str; 6] = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
];

/// How long chromedriver may take to accept connections.
const DRIVER_START_TIMEOUT: Duration = Duration::from_secs(20);

/// Makes sure Chromium and chromedriver are installed, running
/// `scripts/ui/install-chromium.sh` at most once per process (test threads
/// share the outcome, so apt-get never runs twice in parallel from here; the
/// script also takes a file lock against other processes). `Err` holds the
/// reason installation failed, for the skip message.
pub fn ensure_installed() -> Result<(), String> {
    static OUTCOME: OnceLock<Result<(), String>> = OnceLock::new();
    OUTCOME.get_or_init(install).clone()
}

fn installed() -> bool {
    Path::new(CHROMIUM).exists() && Path::new(CHROMEDRIVER).exists()
}

fn install() -> Result<(), String> {
    if installed() {
        return Ok(());
    }
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../scripts/ui/install-chromium.sh");
    eprintln!("browser tests: installing chromium with {}", script.display());
    let started = Instant::now();
    let output = Command::new("bash")
        .arg(&script)
        .stdin(Stdio::null())
        .output()
        .map_err(|error| format!("cannot run {}: {error}", script.display()))?;
    if !output.status.success() {
        let stderr = String::from_utf8_lossy(&output.stderr);
        let reason = stderr
            .lines()
            .map(str::trim)
            .filter(|line| !line.is_empty())
            .collect::<Vec<_>>()
            .join(" | ");
        return Err(match reason.is_empty() {
            true => format!("{} exited with {}", script.display(), output.status),
            false => reason,
        });
    }
    eprintln!(
        "browser tests: chromium installed in {:.1} s",
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

/// A running chromedriver, killed (with the browsers it started) on drop.
pub struct ChromeDriver {
    process: Child,
    address: SocketAddr,
}

impl ChromeDriver {
    /// Starts chromedriver on a free local port and waits until it listens,
    /// trying another port if the one picked was taken meanwhile. Its
    /// output goes to `log_path`; a failure message quotes its end.
    pub fn start(log_path: &Path) -> anyhow::Result<ChromeDriver> {
        let mut failure = None;
        for _attempt in 0..3 {
            match ChromeDriver::start_on(free_port()?, log_path) {
                Ok(driver) => return Ok(driver),
                Err(error) => failure = Some(error),
            }
        }
        let error = failure.expect("three attempts were made");
        let log = std::fs::read_to_string(log_path).unwrap_or_default();
        let tail: Vec<&str> = log.lines().rev().take(5).collect();
        let tail: Vec<&str> = tail.into_iter().rev().collect();
        Err(error.context(format!("chromedriver's last output: {}", tail.join(" | "))))
    }

    fn start_on(port: u16, log_path: &Path) -> anyhow::Result<ChromeDriver> {
        let log =
            std::fs::File::create(log_path).with_context(|| format!("creating {}", log_path.display()))?;
        let process = Command::new(CHROMEDRIVER)
            .arg(format!("--port={port}"))
            .stdin(Stdio::null())
            .stdout(log.try_clone()?)
            .stderr(log)
            // Its own process group, so Drop can end Chromium with it.
            .process_group(0)
            .spawn()
            .with_context(|| format!("starting {CHROMEDRIVER}"))?;
        let mut driver = ChromeDriver {
            process,
            address: SocketAddr::from(([127, 0, 0, 1], port)),
        };
        driver.wait_until_listening()?;
        Ok(driver)
    }

    fn wait_until_listening(&mut self) -> anyhow::Result<()> {
        let deadline = Instant::now() + DRIVER_START_TIMEOUT;
        loop {
            if TcpStream::connect_timeout(&self.address, Duration::from_millis(200)).is_ok() {
                return Ok(());
            }
            if let Some(status) = self.process.try_wait()? {
                bail!(
                    "chromedriver exited with {status} before listening on {}",
                    self.address
                );
            }
            if Instant::now() > deadline {
                bail!(
                    "chromedriver did not listen on {} within {:?}",
                    self.address,
                    DRIVER_START_TIMEOUT
                );
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// Opens a headless Chromium session whose window is `width`×`height`,
    /// with a fresh profile in `profile_dir`.
    pub async fn open_session(
        &self,
        profile_dir: &Path,
        (width, height): (u32, u32),
    ) -> anyhow::Result<Client> {
        let mut args: Vec<String> = CHROMIUM_FLAGS.iter().map(|flag| flag.to_string()).collect();
        args.push(format!("--user-data-dir={}", profile_dir.display()));
        args.push(format!("--window-size={width},{height}"));
        let capabilities = json!({
            "browserName": "chrome",
            "goog:chromeOptions": { "binary": CHROMIUM, "args": args },
        });
        let serde_json::Value::Object(capabilities) = capabilities else {
            unreachable!("a JSON object literal")
        };
        ClientBuilder::new(HttpConnector::new())
            .capabilities(capabilities)
            .connect(&format!("http://{}", self.address))
            .await
            .context("opening a Chromium session through chromedriver")
    }
}

impl Drop for ChromeDriver {
    fn drop(&mut self) {
        // The group id is chromedriver's pid (process_group(0) above).
        // SAFETY: kill(2) has no memory-safety preconditions; a negative pid
        // addresses the process group this test created.
        unsafe {
            libc::kill(-(self.process.id() as libc::pid_t), libc::SIGKILL);
        }
        let _ = self.process.wait();
    }
}

/// A port nobody listens on right now (the OS picks it; the tiny window
/// before chromedriver binds it is acceptable for a test).
fn free_port() -> anyhow::Result<u16> {
    let listener = TcpListener::bind("127.0.0.1:0").context("finding a free port")?;
    Ok(listener.local_addr()?.port())
}
