//! The acceptance scenarios of the web UI (issue 6), each a user's path
//! through the pages with the checks that make it pass or fail. They share
//! one browser session and run in order; each starts from a URL of its own,
//! so one failing does not hide the others' results.

use std::path::Path;

use anyhow::{bail, ensure, Context};
use fantoccini::elements::Element;

use crate::corpus::Corpus;
use crate::page::{Browser, Viewport};

/// The name searched for, and the other spelling of the same person that the
/// entity-aware search must also find (both corpora spell Andrii Sybiha both
/// ways, in different articles).
const SEARCHED_NAME: &str = "Sybiha";
const OTHER_SPELLING: &str = "Sybiga";

/// Opens the stories list, checks it lists the largest story, and follows
/// its link.
pub async fn stories_list_opens_largest_story(b: &Browser, corpus: &Corpus) -> anyhow::Result<()> {
    b.set_viewport(Viewport::DESKTOP).await?;
    b.open("/").await?;
    let expected = format!("/stories/{}", corpus.largest_story);
    let link = link_with_path(b, "a.story-link", &expected)
        .await?
        .with_context(|| format!("the stories list has no a.story-link to {expected}"))?;
    link.click().await.context("clicking the story link")?;
    b.wait_for_location(&expected).await?;
    b.wait_for("#timeline").await?;
    b.find("#briefing").await?;
    let entries = b.find_all("#timeline .timeline-entry").await?;
    ensure!(
        !entries.is_empty(),
        "the story's #timeline has no .timeline-entry"
    );
    Ok(())
}

/// Expands the first timeline entry and checks that its evidence and source
/// links, hidden before, are now shown; screenshots the story page.
pub async fn timeline_entry_expands_to_sources(b: &Browser, corpus: &Corpus) -> anyhow::Result<()> {
    b.set_viewport(Viewport::DESKTOP).await?;
    b.open(&format!("/stories/{}", corpus.largest_story)).await?;
    let entry = b.find("#timeline .timeline-entry").await?;
    ensure!(
        entry.tag_name().await? == "details",
        "a .timeline-entry should be a <details> element"
    );
    // Items beyond the first few sit in a nested "show more" <details>;
    // the ones the entry shows directly are checked.
    let own_items = |selector: &str| {
        format!(
            "return [...arguments[0].querySelectorAll('{selector}')]
                .filter(e => e.parentElement.closest('details') === arguments[0]);"
        )
    };
    let items = b
        .script_elements(&own_items(".evidence"), vec![Browser::arg(&entry)?])
        .await?;
    ensure!(
        !items.is_empty(),
        "the first .timeline-entry has no .evidence item"
    );
    ensure!(
        !items[0].is_displayed().await?,
        "the first .timeline-entry's evidence is visible before it is expanded"
    );
    entry
        .find(fantoccini::Locator::Css("summary"))
        .await
        .context("the .timeline-entry has no <summary>")?
        .click()
        .await
        .context("clicking the entry's summary")?;
    ensure!(
        entry.prop("open").await?.as_deref() == Some("true"),
        "clicking the summary did not open the .timeline-entry"
    );
    for item in &items {
        ensure!(
            item.is_displayed().await?,
            "an .evidence item stays hidden after expanding"
        );
        ensure!(
            !item.text().await?.trim().is_empty(),
            "an .evidence item is empty"
        );
    }
    let links = b
        .script_elements(&own_items("a.source-link"), vec![Browser::arg(&entry)?])
        .await?;
    ensure!(
        !links.is_empty(),
        "the expanded .timeline-entry has no a.source-link"
    );
    for link in &links {
        ensure!(
            link.is_displayed().await?,
            "an a.source-link stays hidden after expanding"
        );
        let (path, hash) = path_and_hash(link).await?;
        ensure!(
            path.starts_with("/articles/") && is_sentence_anchor(&hash),
            "a.source-link points to {path}{hash}, expected /articles/{{id}}#s{{start}}"
        );
    }
    capture(b, "story").await
}

/// Follows a timeline source link to an article that has an attributed
/// quote, and checks the quote is highlighted with its speaker's name.
pub async fn source_link_opens_quoted_article(b: &Browser, corpus: &Corpus) -> anyhow::Result<()> {
    b.set_viewport(Viewport::DESKTOP).await?;
    b.open(&format!("/stories/{}", corpus.largest_story)).await?;
    let (link, article, speakers) = source_link_to_quoted_article(b, corpus).await?;
    let (_, hash) = path_and_hash(&link).await?;
    // Open the entry holding the link, as a reader would, then follow it.
    // Outermost first: the entry, then a "show more" inside it.
    let summaries = b
        .script_elements(
            "const summaries = [];
             for (let d = arguments[0].closest('details'); d; d = d.parentElement.closest('details'))
                 if (!d.open) summaries.unshift(d.querySelector(':scope > summary'));
             return summaries;",
            vec![Browser::arg(&link)?],
        )
        .await?;
    for summary in summaries {
        summary
            .click()
            .await
            .context("expanding the entry holding the link")?;
    }
    link.click().await.context("clicking the source link")?;
    b.wait_for_location(&format!("/articles/{article}")).await?;
    b.wait_for("#article-body").await?;
    let anchor = hash.trim_start_matches('#');
    b.find(&format!("#article-body [id='{anchor}']"))
        .await
        .context("the source link's sentence anchor is missing from the article body")?;
    check_quote_with_speaker(b, &speakers).await?;
    capture(b, "article").await
}

/// Searches for one spelling of a name and checks that an article spelling
/// it only the other way is among the hits.
pub async fn search_finds_other_spelling(b: &Browser, corpus: &Corpus) -> anyhow::Result<()> {
    b.set_viewport(Viewport::DESKTOP).await?;
    b.open("/search").await?;
    let input = b.find("#search-input").await?;
    input.send_keys(SEARCHED_NAME).await.context("typing the query")?;
    input
        .send_keys(&char::from(fantoccini::key::Key::Enter).to_string())
        .await
        .context("submitting the search")?;
    b.wait_for_location("/search?").await?;
    b.wait_for(".search-hit").await?;
    let marks = b.find_all(".search-hit mark").await?;
    ensure!(
        !marks.is_empty(),
        "no search hit has a highlighted <mark> snippet"
    );
    let mut hit_paths = Vec::new();
    for link in b.find_all(".search-hit a.hit-article").await? {
        let (path, _) = path_and_hash(&link).await?;
        if path.starts_with("/articles/") && !hit_paths.contains(&path) {
            hit_paths.push(path);
        }
    }
    ensure!(
        !hit_paths.is_empty(),
        "no .search-hit has an a.hit-article link to an article"
    );
    // The page's text includes speaker labels (a KB name may spell it
    // either way), so the article's own spelling comes from the corpus.
    let expected = corpus
        .article_spelling_only(OTHER_SPELLING, SEARCHED_NAME)
        .with_context(|| format!("no article of the corpus spells only {OTHER_SPELLING:?}"))?;
    ensure!(
        hit_paths.contains(&format!("/articles/{expected}")),
        "searching {SEARCHED_NAME:?} did not find /articles/{expected}, which spells the name only \
         {OTHER_SPELLING:?} (entity-aware search); hits: {hit_paths:?}"
    );
    Ok(())
}

/// Opens the entity page of the person spelt two ways from an article's
/// highlighted mention, checks both spellings are listed; screenshots it.
pub async fn entity_page_lists_spellings(b: &Browser, corpus: &Corpus) -> anyhow::Result<()> {
    b.set_viewport(Viewport::DESKTOP).await?;
    let article = corpus
        .article_spelling_only(OTHER_SPELLING, SEARCHED_NAME)
        .with_context(|| format!("no article of the corpus spells only {OTHER_SPELLING:?}"))?;
    b.open(&format!("/articles/{article}")).await?;
    let mentions = b.find_all("#article-body span.entity[data-key]").await?;
    let mut mention = None;
    for candidate in mentions {
        if candidate.text().await?.contains(OTHER_SPELLING) {
            mention = Some(candidate);
            break;
        }
    }
    let mention = mention.with_context(|| {
        format!("no span.entity[data-key] in /articles/{article} covers {OTHER_SPELLING:?}")
    })?;
    let link = b
        .script_elements(
            "const m = arguments[0]; return m.closest('a') ?? m.querySelector('a');",
            vec![Browser::arg(&mention)?],
        )
        .await?
        .pop()
        .context("the entity mention is not a link to its entity page")?;
    link.click().await.context("clicking the entity mention")?;
    b.wait_for_location("/entities/").await?;
    let spellings = b.wait_for("#spellings").await?.text().await?;
    for name in [SEARCHED_NAME, OTHER_SPELLING] {
        ensure!(
            spellings.contains(name),
            "the entity page's #spellings does not list {name:?}: {spellings:?}"
        );
    }
    capture(b, "entity").await
}

/// Uploads a file on `/ingest`, follows the new article's link, and finds
/// its story on the stories list.
pub async fn upload_appears(b: &Browser, fixture: &Path) -> anyhow::Result<()> {
    b.set_viewport(Viewport::DESKTOP).await?;
    b.open("/ingest").await?;
    let title = fixture_title(fixture)?;
    let title = title.as_str();
    b.find("input[type=file]#upload-file")
        .await?
        .send_keys(&fixture.display().to_string())
        .await
        .context("choosing the file to upload")?;
    b.find("#ingest-submit")
        .await?
        .click()
        .await
        .context("clicking #ingest-submit")?;
    let article_link = b.wait_for("#ingest-status a.ingested-article").await?;
    let story_links = b.find_all("#ingest-status a[href*='/stories/']").await?;
    let story_path = match story_links.first() {
        Some(link) => Some(path_and_hash(link).await?.0),
        None => None,
    };
    article_link
        .click()
        .await
        .context("clicking the ingested article's link")?;
    b.wait_for_location("/articles/").await?;
    let heading = b.find("h1").await?.text().await?;
    ensure!(
        heading.contains(title),
        "the uploaded article's page is titled {heading:?}, expected {title:?}"
    );
    b.open("/").await?;
    let mut listed = false;
    for link in b.find_all("a.story-link").await? {
        let (path, _) = path_and_hash(&link).await?;
        let on_path = story_path.as_ref().is_none_or(|story| *story == path);
        if on_path && link.text().await?.contains(title) {
            listed = true;
            break;
        }
    }
    ensure!(
        listed,
        "the stories list has no a.story-link titled {title:?}{}",
        story_path
            .map(|path| format!(" leading to {path} (the story #ingest-status linked)"))
            .unwrap_or_default()
    );
    Ok(())
}

/// The title the fixture states on its `title …` header line.
fn fixture_title(fixture: &Path) -> anyhow::Result<String> {
    let text = std::fs::read_to_string(fixture).with_context(|| format!("reading {}", fixture.display()))?;
    text.lines()
        .find_map(|line| line.strip_prefix("title "))
        .map(|title| title.trim().to_owned())
        .with_context(|| format!("{} has no `title` header line", fixture.display()))
}

/// From the top of the stories list, Tab alone reaches the header's links
/// and a story link, which shows where focus is and opens with Enter.
pub async fn keyboard_reaches_main_links(b: &Browser, _corpus: &Corpus) -> anyhow::Result<()> {
    b.set_viewport(Viewport::DESKTOP).await?;
    b.open("/").await?;
    let mut reached: Vec<String> = Vec::new();
    for _ in 0..60 {
        b.press_tab().await?;
        let (path, is_story_link, visible_focus): (String, bool, bool) = b
            .script(
                r#"
                const e = document.activeElement;
                if (!e || e === document.body) return ['', false, false];
                const style = getComputedStyle(e);
                const ring = (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0)
                    || style.boxShadow !== 'none';
                return [e.pathname ?? '', e.matches('a.story-link'), ring];
                "#,
                vec![],
            )
            .await?;
        if is_story_link {
            ensure!(
                visible_focus,
                "a focused a.story-link shows no focus indicator (outline or box-shadow)"
            );
            let missing: Vec<&str> = ["/search", "/ingest"]
                .into_iter()
                .filter(|nav| !reached.iter().any(|path| path == nav))
                .collect();
            ensure!(
                missing.is_empty(),
                "Tab reached a story link before the header links {missing:?} (reached {reached:?})"
            );
            b.press_enter().await?;
            b.wait_for_location("/stories/").await?;
            return Ok(());
        }
        reached.push(path);
    }
    bail!("60 presses of Tab never reached an a.story-link (focus went through {reached:?})")
}

/// At phone width, the pages without screenshots do not overflow either.
pub async fn narrow_pages_fit(b: &Browser, _corpus: &Corpus) -> anyhow::Result<()> {
    b.set_viewport(Viewport::PHONE).await?;
    let search = format!("/search?q={SEARCHED_NAME}");
    for path in ["/", search.as_str(), "/ingest"] {
        b.open(path).await?;
        b.check_no_horizontal_overflow(Viewport::PHONE).await?;
    }
    b.set_viewport(Viewport::DESKTOP).await
}

/// The 200-article story with long names: its long lists are folded, it
/// fits a phone's width (the coverage matrix and the wordings scroll in
/// their own boxes) and is screenshotted at both sizes (`story-200-*`);
/// the stories list with its long title fits too.
pub async fn long_story_stays_usable(b: &Browser, corpus: &Corpus) -> anyhow::Result<()> {
    b.set_viewport(Viewport::DESKTOP).await?;
    b.open(&format!("/stories/{}", corpus.long_story)).await?;
    b.wait_for("#coverage").await?;
    let folded = b.find_all("#articles details.more").await?;
    ensure!(
        !folded.is_empty(),
        "the 200 articles of the long story are not folded after the first ones"
    );
    let wordings = b.find_all("#statements figure.wording").await?;
    ensure!(
        wordings.len() >= 200,
        "the first statement should show 200 wordings, shows {}",
        wordings.len()
    );
    capture(b, "story-200").await?;
    b.set_viewport(Viewport::PHONE).await?;
    b.open("/").await?;
    b.check_no_horizontal_overflow(Viewport::PHONE).await?;
    b.set_viewport(Viewport::DESKTOP).await
}

/// Screenshots the current page at both sizes (`<name>-1280x800.png`,
/// `<name>-390x844.png`), checking at phone width that nothing overflows.
async fn capture(b: &Browser, name: &str) -> anyhow::Result<()> {
    b.set_viewport(Viewport::DESKTOP).await?;
    b.screenshot(name, Viewport::DESKTOP).await?;
    b.set_viewport(Viewport::PHONE).await?;
    // Shot first, so a failing check leaves the picture of the problem.
    b.screenshot(name, Viewport::PHONE).await?;
    b.check_no_horizontal_overflow(Viewport::PHONE).await?;
    b.set_viewport(Viewport::DESKTOP).await
}

/// The first `selector` link whose path is `path`.
async fn link_with_path(b: &Browser, selector: &str, path: &str) -> anyhow::Result<Option<Element>> {
    for link in b.find_all(selector).await? {
        if path_and_hash(&link).await?.0 == path {
            return Ok(Some(link));
        }
    }
    Ok(None)
}

/// A link's resolved path and fragment (`/articles/x`, `#s120`).
async fn path_and_hash(link: &Element) -> anyhow::Result<(String, String)> {
    let path = link.prop("pathname").await?.unwrap_or_default();
    let hash = link.prop("hash").await?.unwrap_or_default();
    Ok((path, hash))
}

/// `#s` followed by a byte offset.
fn is_sentence_anchor(hash: &str) -> bool {
    hash.strip_prefix("#s")
        .is_some_and(|start| !start.is_empty() && start.bytes().all(|b| b.is_ascii_digit()))
}

/// A source link on the story page leading to an article with attributed
/// quotes, with that article's id and its speakers.
async fn source_link_to_quoted_article(
    b: &Browser,
    corpus: &Corpus,
) -> anyhow::Result<(Element, String, Vec<String>)> {
    let links = b.find_all("#timeline a.source-link").await?;
    let mut targets = Vec::new();
    for link in links {
        let (path, _) = path_and_hash(&link).await?;
        let article = path.trim_start_matches("/articles/").to_owned();
        if let Some((_, speakers)) = corpus.quoted_speakers.iter().find(|(id, _)| *id == article) {
            return Ok((link, article, speakers.clone()));
        }
        targets.push(article);
    }
    bail!(
        "no timeline source link leads to an article with an attributed quote (links lead to {targets:?}; quoted articles: {:?})",
        corpus.quoted_speakers.iter().map(|(id, _)| id).collect::<Vec<_>>()
    )
}

/// The article page highlights a quote of one of `speakers` and labels it
/// with the speaker's name, visibly.
async fn check_quote_with_speaker(b: &Browser, speakers: &[String]) -> anyhow::Result<()> {
    let quotes = b.find_all("#article-body mark.quote[data-speaker]").await?;
    ensure!(
        !quotes.is_empty(),
        "the article body has no mark.quote[data-speaker]"
    );
    let mut seen = Vec::new();
    for quote in quotes {
        let speaker = quote.attr("data-speaker").await?.unwrap_or_default();
        if !speakers.contains(&speaker) {
            seen.push(speaker);
            continue;
        }
        // The label sits inside the mark or right after it.
        let (label, label_visible, highlighted): (String, bool, bool) = b
            .script(
                r#"
                const mark = arguments[0];
                let label = mark.querySelector('.quote-speaker');
                const next = mark.nextElementSibling;
                if (!label && next && next.matches('.quote-speaker')) label = next;
                const background = getComputedStyle(mark).backgroundColor;
                const highlighted = background !== 'rgba(0, 0, 0, 0)' && background !== 'transparent';
                if (!label) return ['', false, highlighted];
                const box = label.getBoundingClientRect();
                const style = getComputedStyle(label);
                const visible = box.width > 0 && box.height > 0
                    && style.visibility !== 'hidden' && style.display !== 'none';
                return [label.textContent, visible, highlighted];
                "#,
                vec![Browser::arg(&quote)?],
            )
            .await?;
        ensure!(
            highlighted,
            "the mark.quote of {speaker:?} has no background highlight"
        );
        ensure!(
            label.contains(&speaker) && label_visible,
            "the quote of {speaker:?} has no visible .quote-speaker naming them (label {label:?}, visible {label_visible})"
        );
        return Ok(());
    }
    bail!("no mark.quote names one of the article's speakers {speakers:?} (data-speaker values: {seen:?})")
}

#[test]
fn sentence_anchors_are_s_and_a_byte_offset() {
    assert!(is_sentence_anchor("#s0"));
    assert!(is_sentence_anchor("#s1204"));
    assert!(!is_sentence_anchor("#s"));
    assert!(!is_sentence_anchor("#statement-3"));
    assert!(!is_sentence_anchor("s12"));
    assert!(!is_sentence_anchor(""));
}

#[test]
fn the_upload_fixture_states_its_title() {
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/browser/upload-fixture.txt");
    assert_eq!(
        fixture_title(&fixture).unwrap(),
        "Orchard Street library reopens after winter flood repairs"
    );
    assert!(fixture_title(Path::new("/nonexistent/fixture.txt")).is_err());
}
