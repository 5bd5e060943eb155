//! A thin layer over the WebDriver client for the scenarios: every helper
//! turns a WebDriver failure into an error that says what was looked for
//! and on which page, so a failing step explains itself.

use std::path::{Path, PathBuf};
use std::time::Duration;

use anyhow::{bail, ensure, Context};
use fantoccini::actions::{InputSource, KeyAction, KeyActions};
use fantoccini::elements::{Element, ElementRef};
use fantoccini::key::Key;
use fantoccini::wd::{TimeoutConfiguration, WebDriverCompatibleCommand};
use fantoccini::{Client, Locator};
use serde::de::DeserializeOwned;
use serde_json::{json, Value};

/// How long a page may take to load, or an element to appear after an
/// action (an upload is processed within this time too).
const WAIT: Duration = Duration::from_secs(30);

/// The key under which WebDriver serialises an element reference
/// (W3C WebDriver, "web element identifier").
const W3C_ELEMENT_KEY: &str = "element-6066-11e4-a52e-4f735466cecf";

/// A viewport: size in CSS pixels, and whether it is a phone's (pages
/// then get `<meta name="viewport">` handling and overlay scrollbars).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Viewport {
    pub width: u32,
    pub height: u32,
    pub mobile: bool,
}

impl Viewport {
    /// A laptop screen.
    pub const DESKTOP: Viewport = Viewport {
        width: 1280,
        height: 800,
        mobile: false,
    };
    /// A phone held upright (iPhone 12–14 class).
    pub const PHONE: Viewport = Viewport {
        width: 390,
        height: 844,
        mobile: true,
    };

    /// `1280x800`, as in screenshot names.
    pub fn label(self) -> String {
        format!("{}x{}", self.width, self.height)
    }
}

/// The browser session, pointed at the server under test.
pub struct Browser {
    client: Client,
    base_url: String,
    screenshot_dir: PathBuf,
}

impl Browser {
    /// Wraps a session; relative paths are resolved against `base_url`
    /// (`http://127.0.0.1:PORT`), screenshots go to `screenshot_dir`.
    pub async fn new(client: Client, base_url: String, screenshot_dir: PathBuf) -> anyhow::Result<Browser> {
        client
            .update_timeouts(TimeoutConfiguration::new(
                Some(Duration::from_secs(10)),
                Some(WAIT),
                Some(Duration::ZERO),
            ))
            .await
            .context("setting WebDriver timeouts")?;
        std::fs::create_dir_all(&screenshot_dir)
            .with_context(|| format!("creating {}", screenshot_dir.display()))?;
        Ok(Browser {
            client,
            base_url,
            screenshot_dir,
        })
    }

    /// Ends the session (Chromium quits).
    pub async fn close(self) -> anyhow::Result<()> {
        self.client.close().await.context("closing the browser session")
    }

    /// Loads `path` (e.g. `/stories/abc`) and waits for it to finish loading.
    pub async fn open(&self, path: &str) -> anyhow::Result<()> {
        let url = format!("{}{path}", self.base_url);
        self.client
            .goto(&url)
            .await
            .with_context(|| format!("loading {url}"))
    }

    /// The current page's path and query (`/search?q=x`), for messages
    /// and navigation checks.
    pub async fn location(&self) -> anyhow::Result<String> {
        let url = self.client.current_url().await.context("reading the URL")?;
        Ok(match url.query() {
            Some(query) => format!("{}?{query}", url.path()),
            None => url.path().to_owned(),
        })
    }

    /// The first element matching the CSS selector `css`.
    pub async fn find(&self, css: &str) -> anyhow::Result<Element> {
        match self.client.find(Locator::Css(css)).await {
            Ok(element) => Ok(element),
            Err(error) => bail!("no `{css}` on {}: {error}", self.location().await?),
        }
    }

    /// Every element matching `css` (possibly none).
    pub async fn find_all(&self, css: &str) -> anyhow::Result<Vec<Element>> {
        let location = self.location().await?;
        self.client
            .find_all(Locator::Css(css))
            .await
            .with_context(|| format!("looking for `{css}` on {location}"))
    }

    /// Waits until an element matches `css` (e.g. after a click that
    /// navigates or a script that updates the page).
    pub async fn wait_for(&self, css: &str) -> anyhow::Result<Element> {
        match self
            .client
            .wait()
            .at_most(WAIT)
            .for_element(Locator::Css(css))
            .await
        {
            Ok(element) => Ok(element),
            Err(error) => bail!(
                "`{css}` did not appear on {} within {WAIT:?}: {error}",
                self.location().await?
            ),
        }
    }

    /// Waits until the page's path starts with `prefix` (after a click on a link).
    pub async fn wait_for_location(&self, prefix: &str) -> anyhow::Result<String> {
        let deadline = std::time::Instant::now() + WAIT;
        loop {
            let location = self.location().await?;
            if location.starts_with(prefix) {
                return Ok(location);
            }
            if std::time::Instant::now() > deadline {
                bail!("expected to reach {prefix}…, still on {location} after {WAIT:?}");
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// Runs `script` (a function body; `arguments[i]` are `args`, elements
    /// included) and decodes what it returns.
    pub async fn script<T: DeserializeOwned>(&self, script: &str, args: Vec<Value>) -> anyhow::Result<T> {
        let value = match self.client.execute(script, args).await {
            Ok(value) => value,
            Err(error) => bail!("running a script on {}: {error}", self.location().await?),
        };
        serde_json::from_value(value).context("decoding a script's result")
    }

    /// Runs `script` and returns the elements it returns (an element, an
    /// array of elements, or `null`).
    pub async fn script_elements(&self, script: &str, args: Vec<Value>) -> anyhow::Result<Vec<Element>> {
        let value: Value = self.script(script, args).await?;
        let values = match value {
            Value::Null => Vec::new(),
            Value::Array(values) => values,
            one => vec![one],
        };
        values
            .into_iter()
            .map(|value| {
                let id = value
                    .get(W3C_ELEMENT_KEY)
                    .and_then(Value::as_str)
                    .context("a script returned something other than an element")?;
                Ok(Element::from_element_id(
                    self.client.clone(),
                    ElementRef::from(id.to_owned()),
                ))
            })
            .collect()
    }

    /// An element as a script argument.
    pub fn arg(element: &Element) -> anyhow::Result<Value> {
        serde_json::to_value(element).context("passing an element to a script")
    }

    /// Presses and releases Tab, as a keyboard user moving focus.
    pub async fn press_tab(&self) -> anyhow::Result<()> {
        self.press(Key::Tab).await
    }

    /// Presses and releases Enter on whatever has focus.
    pub async fn press_enter(&self) -> anyhow::Result<()> {
        self.press(Key::Enter).await
    }

    async fn press(&self, key: Key) -> anyhow::Result<()> {
        let key = char::from(key);
        let actions = KeyActions::new("keyboard".to_owned())
            .then(KeyAction::Down { value: key })
            .then(KeyAction::Up { value: key });
        self.client
            .perform_actions(actions)
            .await
            .context("pressing a key")
    }

    /// Makes the page's viewport exactly `viewport`, through DevTools'
    /// device-metrics emulation: headless Chromium keeps windows at least
    /// 500 px wide and counts a window frame into `--window-size`, so
    /// resizing the window cannot give a 390 px viewport.
    pub async fn set_viewport(&self, viewport: Viewport) -> anyhow::Result<()> {
        self.client
            .issue_cmd(DevToolsCommand {
                method: "Emulation.setDeviceMetricsOverride",
                params: json!({
                    "width": viewport.width,
                    "height": viewport.height,
                    "screenWidth": viewport.width,
                    "screenHeight": viewport.height,
                    "deviceScaleFactor": 1,
                    "mobile": viewport.mobile,
                }),
            })
            .await
            .with_context(|| format!("emulating a {} viewport", viewport.label()))?;
        // The emulated screen, not the page's innerWidth: at phone width a
        // too-wide page widens the layout viewport (innerWidth) to fit.
        let screen: (u32, u32) = self
            .script("return [screen.width, screen.height];", vec![])
            .await?;
        ensure!(
            screen == (viewport.width, viewport.height),
            "asked for a {} viewport, the screen is {}x{}",
            viewport.label(),
            screen.0,
            screen.1
        );
        Ok(())
    }

    /// Fails when the page is wider than `viewport` (at phone width that
    /// means a horizontal scrollbar or a zoomed-out page: something does not
    /// wrap), naming the innermost boxes it spills from.
    pub async fn check_no_horizontal_overflow(&self, viewport: Viewport) -> anyhow::Result<()> {
        let (scroll_width, inner_width, widest): (u32, u32, String) = self
            .script(
                r#"
                const width = arguments[0];
                // The innermost boxes that let content stick out past the
                // edge (scrollWidth counts pseudo-elements and text too;
                // a scrolling box keeps its overflow to itself).
                const spills = element =>
                    element.getBoundingClientRect().left + window.scrollX + element.scrollWidth > width + 1
                    && getComputedStyle(element).overflowX === 'visible';
                const describe = element => {
                    const classes = typeof element.className === 'string' && element.className.trim()
                        ? '.' + element.className.trim().split(/\s+/).join('.') : '';
                    return element.tagName.toLowerCase() + (element.id ? '#' + element.id : '') + classes
                        + ` (scrollWidth ${element.scrollWidth} px)`;
                };
                const culprits = [...document.body.querySelectorAll('*')]
                    .filter(spills)
                    .filter(element => ![...element.children].some(spills));
                // The first culprit's ancestors, with their right edges and
                // overflow, show which box fails to contain it.
                const chain = [];
                for (let a = culprits[0]; a && a !== document.documentElement; a = a.parentElement) {
                    const box = a.getBoundingClientRect();
                    chain.push(`${describe(a)} right ${Math.round(box.right + window.scrollX)} px`
                        + ` overflow-x ${getComputedStyle(a).overflowX}`);
                }
                const widest = culprits.length ? chain.join(' < ') : 'none found';
                return [document.documentElement.scrollWidth, window.innerWidth, widest];
                "#,
                vec![json!(viewport.width)],
            )
            .await?;
        let limit = viewport.width;
        ensure!(
            scroll_width <= limit && inner_width <= limit,
            "{} is wider than {limit} px: scrollWidth {scroll_width}, innerWidth {inner_width}; innermost boxes spilling over: {widest}",
            self.location().await?
        );
        Ok(())
    }

    /// Saves a PNG of the viewport as `<screenshot dir>/<name>-<WxH>.png`,
    /// checking that the image has the viewport's size.
    pub async fn screenshot(&self, name: &str, viewport: Viewport) -> anyhow::Result<PathBuf> {
        let png = self.client.screenshot().await.context("taking a screenshot")?;
        let (width, height) = png_size(&png)?;
        ensure!(
            (width, height) == (viewport.width, viewport.height),
            "screenshot of {name} is {width}x{height}, expected {}",
            viewport.label()
        );
        let path = self
            .screenshot_dir
            .join(format!("{name}-{}.png", viewport.label()));
        write(&path, &png)?;
        Ok(path)
    }
}

/// Width and height from a PNG's IHDR chunk (bytes 16–23, big-endian).
fn png_size(png: &[u8]) -> anyhow::Result<(u32, u32)> {
    const SIGNATURE: &[u8] = b"\x89PNG\r\n\x1a\n";
    ensure!(
        png.len() >= 24 && png.starts_with(SIGNATURE) && &png[12..16] == b"IHDR",
        "the screenshot is not a PNG"
    );
    let number = |at: usize| u32::from_be_bytes([png[at], png[at + 1], png[at + 2], png[at + 3]]);
    Ok((number(16), number(20)))
}

fn write(path: &Path, bytes: &[u8]) -> anyhow::Result<()> {
    std::fs::write(path, bytes).with_context(|| format!("writing {}", path.display()))
}

/// A Chrome DevTools Protocol command, sent through chromedriver's
/// `POST /session/{id}/goog/cdp/execute` extension (WebDriver itself has no
/// device emulation).
#[derive(Debug)]
struct DevToolsCommand {
    method: &'static str,
    params: Value,
}

impl WebDriverCompatibleCommand for DevToolsCommand {
    fn endpoint(&self, base_url: &url::Url, session_id: Option<&str>) -> Result<url::Url, url::ParseError> {
        base_url.join(&format!(
            "session/{}/goog/cdp/execute",
            session_id.unwrap_or_default()
        ))
    }

    fn method_and_body(&self, _request_url: &url::Url) -> (http::Method, Option<String>) {
        let body = json!({ "cmd": self.method, "params": self.params });
        (http::Method::POST, Some(body.to_string()))
    }
}

#[test]
fn png_size_reads_the_ihdr_chunk() {
    // Signature, IHDR length and type, width 390, height 844 (rest omitted).
    let mut png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\x0dIHDR".to_vec();
    png.extend_from_slice(&390u32.to_be_bytes());
    png.extend_from_slice(&844u32.to_be_bytes());
    assert_eq!(png_size(&png).unwrap(), (390, 844));
    assert!(png_size(b"GIF89a not a png at all, long enough").is_err());
    assert!(png_size(&png[..20]).is_err(), "truncated header");
}
