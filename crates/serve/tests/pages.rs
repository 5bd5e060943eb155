//! The HTML pages end to end, without sockets: the router over the demo
//! corpus (ingested once through the server's ingest, see `api_support`),
//! each page checked for its status and the elements of the contract in
//! `docs/web-ui.md` that the browser tests drive.

mod api_support;

use api_support::{corpus, get, send, Answer};
use axum::body::Body;
use axum::http::{header, Method, Request, StatusCode};
use axum::Router;
use parallax_serve::{router, AppState};

fn app() -> Router {
    router(corpus().state.clone())
}

fn html_body(answer: &Answer) -> String {
    assert!(
        answer.content_type.starts_with("text/html"),
        "not HTML: {}",
        answer.content_type
    );
    String::from_utf8(answer.body.clone()).expect("pages are UTF-8")
}

/// A page that must answer 200 with HTML.
async fn page(router: &Router, uri: &str) -> String {
    let answer = get(router, uri).await;
    assert_eq!(
        answer.status,
        StatusCode::OK,
        "{uri}: {}",
        String::from_utf8_lossy(&answer.body)
    );
    html_body(&answer)
}

/// Every value of `attribute="…"` in `html` whose value starts with `prefix`.
fn attribute_values(html: &str, attribute: &str, prefix: &str) -> Vec<String> {
    let needle = format!("{attribute}=\"{prefix}");
    html.match_indices(&needle)
        .map(|(at, _)| {
            let value = &html[at + attribute.len() + 2..];
            value[..value.find('"').expect("closing quote")].to_owned()
        })
        .collect()
}

fn assert_has(html: &str, needles: &[&str]) {
    for needle in needles {
        assert!(html.contains(needle), "missing {needle:?}");
    }
}

#[tokio::test]
async fn every_page_has_the_shared_shell() {
    let html = page(&app(), "/").await;
    assert_has(
        &html,
        &[
            "<!DOCTYPE html>",
            "class=\"skip-link\" href=\"#main\"",
            "<main id=\"main\"",
            "href=\"/search\"",
            "href=\"/ingest\"",
            "id=\"header-search\"",
            "name=\"viewport\"",
        ],
    );
    assert!(
        !html.contains("http://") && !html.contains("https://"),
        "no external resource"
    );
}

#[tokio::test]
async fn stories_list_links_every_story_and_filters() {
    let app = app();
    let html = page(&app, "/").await;
    assert_has(
        &html,
        &[
            "id=\"story-search\"",
            "class=\"story-size\"",
            "class=\"story-dates\"",
        ],
    );
    let links = attribute_values(&html, "href", "/stories/");
    for story in &corpus().report.stories {
        assert!(
            links.contains(&format!("/stories/{story}")),
            "story {story} not listed"
        );
    }
    assert!(html.contains("class=\"story-link\""));

    let filtered = page(&app, "/?q=no-such-outlet-or-title").await;
    assert!(
        !filtered.contains("class=\"story-link\""),
        "the filter is applied"
    );
    assert!(filtered.contains("0 stories"));
}

#[tokio::test]
async fn story_page_has_every_section_and_its_links_land() {
    let app = app();
    let story = corpus().report.stories.first().expect("the corpus makes a story");
    let html = page(&app, &format!("/stories/{story}")).await;
    assert_has(
        &html,
        &[
            "id=\"briefing\"",
            "id=\"timeline\"",
            "id=\"statements\"",
            "id=\"actors\"",
            "id=\"coverage\"",
            "id=\"figures\"",
            "id=\"conflicts\"",
            "class=\"coverage-matrix\"",
        ],
    );
    // Each evidence link must point at an anchor the article page has.
    let targets = attribute_values(&html, "href", "/articles/");
    let anchored: Vec<&String> = targets.iter().filter(|t| t.contains("#s")).collect();
    assert!(!anchored.is_empty(), "the story cites article spans");
    for target in anchored.iter().take(15) {
        let (path, anchor) = target.split_once('#').expect("anchor");
        let article = page(&app, path).await;
        assert!(
            article.contains(&format!("id=\"{anchor}\"")),
            "{target}: no such anchor"
        );
    }
}

#[tokio::test]
async fn timeline_entries_are_expandable_with_sources() {
    let app = app();
    let mut seen_entry = false;
    for story in &corpus().report.stories {
        let html = page(&app, &format!("/stories/{story}")).await;
        if let Some(at) = html.find("<details class=\"timeline-entry") {
            let entry = &html[at..at + html[at..].find("</details>").expect("closed")];
            assert!(
                entry.contains("<summary>") && entry.contains("<time datetime="),
                "{entry}"
            );
            assert!(
                entry.contains("class=\"evidence\"") && entry.contains("class=\"source-link\""),
                "{entry}"
            );
            seen_entry = true;
        }
    }
    assert!(seen_entry, "some story of the corpus has a dated fact");
}

#[tokio::test]
async fn article_page_highlights_and_shows_provenance() {
    let app = app();
    let mut quote_seen = false;
    for id in &corpus().report.articles {
        let html = page(&app, &format!("/articles/{id}")).await;
        assert_has(
            &html,
            &[
                "id=\"article-body\"",
                "id=\"article-meta\"",
                "<details id=\"boilerplate\"",
                &format!("href=\"/articles/{id}/original\""),
            ],
        );
        if html.contains("<mark class=\"quote") {
            assert!(
                html.contains("class=\"quote-speaker\""),
                "{id}: a quote shows its speaker"
            );
            assert!(!attribute_values(&html, "data-speaker", "").is_empty());
            quote_seen = true;
        }
    }
    assert!(quote_seen, "the corpus has quotes");
    let id = &corpus().report.articles[0];
    let html = page(&app, &format!("/articles/{id}")).await;
    assert!(
        html.contains("<span class=\"entity type-"),
        "entities are highlighted"
    );
    assert!(!attribute_values(&html, "data-key", "").is_empty());
}

#[tokio::test]
async fn original_forwards_to_the_api_copy() {
    let app = app();
    let id = &corpus().report.articles[0];
    let answer = get(&app, &format!("/articles/{id}/original")).await;
    assert_eq!(answer.status, StatusCode::TEMPORARY_REDIRECT);
    let answer = get(&app, &format!("/api/articles/{id}/original")).await;
    assert_eq!(answer.status, StatusCode::OK);
    assert!(!answer.content_type.starts_with("text/html"));
}

#[tokio::test]
async fn entity_page_shows_spellings_statements_and_events() {
    let app = app();
    let id = &corpus().report.articles[0];
    let article = page(&app, &format!("/articles/{id}")).await;
    let entity = attribute_values(&article, "href", "/entities/")
        .into_iter()
        .next()
        .expect("an entity link");
    assert!(entity.contains("%3A"), "keys are encoded: {entity}");
    let html = page(&app, &entity).await;
    assert_has(
        &html,
        &[
            "id=\"spellings\"",
            "id=\"roles\"",
            "id=\"entity-statements\"",
            "id=\"entity-events\"",
        ],
    );
    let missing = get(&app, "/entities/person%3Anobody-at-all").await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);
    assert!(html_body(&missing).contains("Not found"));
}

#[tokio::test]
async fn search_marks_hits_offers_facets_and_expands_names() {
    let app = app();
    let html = page(&app, "/search?q=Sybiha").await;
    assert_has(
        &html,
        &[
            "id=\"search-input\"",
            "value=\"Sybiha\"",
            "class=\"search-hit",
            "class=\"hit-article\"",
            "<mark>",
            "id=\"facets\"",
        ],
    );
    assert!(html.contains("Also matching"), "Sybiha is a known entity");
    let facet = attribute_values(&html, "href", "/search?q=Sybiha&amp;")
        .into_iter()
        .next()
        .expect("a facet link refining the query");
    let refined = page(&app, &facet.replace("&amp;", "&")).await;
    assert!(
        refined.contains("class=\"active-filters\""),
        "the facet is in force"
    );

    let empty = page(&app, "/search").await;
    assert!(empty.contains("id=\"search-input\"") && !empty.contains("search-hit"));
}

#[tokio::test]
async fn ingest_form_has_its_controls() {
    let html = page(&app(), "/ingest").await;
    assert_has(
        &html,
        &[
            "id=\"upload-file\"",
            "type=\"file\"",
            "multiple",
            "id=\"paste-text\"",
            "id=\"ingest-submit\"",
            "id=\"ingest-status\"",
            "action=\"/ingest\" method=\"post\" enctype=\"multipart/form-data\"",
            "<label for=\"upload-file\"",
            "<label for=\"paste-text\"",
        ],
    );
}

/// A multipart form as a browser without JavaScript sends it: an empty
/// file input and the pasted text.
fn form_body(text: &str) -> (String, Vec<u8>) {
    let boundary = "pages-test-boundary";
    let body = format!(
        "--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\"\r\n\
         Content-Type: application/octet-stream\r\n\r\n\r\n\
         --{boundary}\r\nContent-Disposition: form-data; name=\"text\"\r\n\r\n{text}\r\n--{boundary}--\r\n"
    );
    (
        format!("multipart/form-data; boundary={boundary}"),
        body.into_bytes(),
    )
}

#[tokio::test]
async fn ingest_without_javascript_and_article_text_is_escaped() {
    let dir = tempfile::tempdir().expect("temp dir");
    let app = router(AppState::open(dir.path()).expect("store"));
    let text = "Ministers meet in Geneva <script>alert(1)</script>\n\n\
                The foreign ministers of two countries met on Monday in Geneva to discuss a ceasefire, \
                officials said. \"We will talk again <b>soon</b>,\" the minister said.";
    let (content_type, body) = form_body(text);
    let request = Request::builder()
        .method(Method::POST)
        .uri("/ingest")
        .header(header::CONTENT_TYPE, content_type)
        .body(Body::from(body))
        .unwrap();
    let answer = send(&app, request).await;
    let html = html_body(&answer);
    assert_eq!(answer.status, StatusCode::OK, "{html}");
    assert!(html.contains("1 new"), "{html}");
    let article = attribute_values(&html, "href", "/articles/")
        .into_iter()
        .next()
        .expect("article link");
    assert!(html.contains("class=\"ingested-article\""));

    let page_html = page(&app, &article).await;
    assert!(
        page_html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
        "the text is shown, escaped"
    );
    assert!(!page_html.contains("<script>alert"), "and never runs");
    assert!(!page_html.contains("<b>soon"));

    let (content_type, body) = form_body("   ");
    let request = Request::builder()
        .method(Method::POST)
        .uri("/ingest")
        .header(header::CONTENT_TYPE, content_type)
        .body(Body::from(body))
        .unwrap();
    let answer = send(&app, request).await;
    assert_eq!(answer.status, StatusCode::BAD_REQUEST, "nothing to ingest");
    assert!(html_body(&answer).contains("Bad request"));
}

#[tokio::test]
async fn errors_are_html_pages_with_their_status() {
    let app = app();
    for (uri, status) in [
        ("/stories/no-such-story", StatusCode::NOT_FOUND),
        ("/articles/zzzzzzzz", StatusCode::NOT_FOUND),
        ("/no/such/page", StatusCode::NOT_FOUND),
        ("/?page=0", StatusCode::BAD_REQUEST),
        ("/search?q=x&page=abc", StatusCode::BAD_REQUEST),
    ] {
        let answer = get(&app, uri).await;
        assert_eq!(answer.status, status, "{uri}");
        let html = html_body(&answer);
        assert!(
            html.contains("class=\"error-page\"") && html.contains("<main id=\"main\""),
            "{uri}"
        );
    }
}

#[tokio::test]
async fn assets_are_embedded_versioned_and_cached() {
    let app = app();
    let html = page(&app, "/").await;
    let style = attribute_values(&html, "href", "/assets/style.css?v=")
        .into_iter()
        .next()
        .expect("the stylesheet is linked with its version");
    let answer = get(&app, &style).await;
    assert_eq!(answer.status, StatusCode::OK);
    assert!(answer.content_type.starts_with("text/css"));

    let request = Request::builder().uri(&style).body(Body::empty()).unwrap();
    let response = tower::ServiceExt::oneshot(app.clone(), request).await.unwrap();
    let headers = response.headers();
    assert!(headers[header::CACHE_CONTROL]
        .to_str()
        .unwrap()
        .contains("immutable"));
    let etag = headers[header::ETAG].clone();

    let request = Request::builder()
        .uri("/assets/style.css")
        .header(header::IF_NONE_MATCH, etag)
        .body(Body::empty())
        .unwrap();
    let answer = send(&app, request).await;
    assert_eq!(answer.status, StatusCode::NOT_MODIFIED);
    assert!(answer.body.is_empty());

    let script = attribute_values(&html, "src", "/assets/app.js?v=")
        .into_iter()
        .next()
        .expect("script");
    assert!(get(&app, &script)
        .await
        .content_type
        .starts_with("text/javascript"));
    assert_eq!(
        get(&app, "/assets/nothing.css").await.status,
        StatusCode::NOT_FOUND
    );
}
