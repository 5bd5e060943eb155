//! The JSON API end to end, without sockets: the router over a temporary
//! store holding the demo corpus, driven request by request.

mod api_support;

use std::collections::BTreeSet;

use api_support::{corpus, get, multipart, send};
use axum::body::Body;
use axum::http::{Method, Request, StatusCode};
use axum::Router;
use parallax_serve::api::{endpoints, OPENAPI, UPLOAD_LIMIT};
use parallax_serve::{router, AppState};

fn app() -> Router {
    router(corpus().state.clone())
}

fn assert_error(answer: &api_support::Answer, status: StatusCode, code: &str) {
    assert_eq!(answer.status, status, "{}", String::from_utf8_lossy(&answer.body));
    assert!(
        answer.content_type.starts_with("application/json"),
        "{}",
        answer.content_type
    );
    assert_eq!(answer.error_code(), code);
    assert_eq!(answer.json()["error"]["status"], status.as_u16());
}

#[test]
fn the_corpus_ingests_cleanly() {
    let report = &corpus().report;
    assert!(report.counts.new >= 9, "{:?}", report.counts);
    assert!(report.failed.is_empty(), "{:?}", report.failed);
    assert!(!report.stories.is_empty());
}

#[test]
fn openapi_spec_matches_the_router() {
    let spec: serde_json::Value = serde_json::from_str(OPENAPI).expect("openapi.json parses");
    assert_eq!(spec["openapi"], "3.1.0");
    let paths = spec["paths"].as_object().expect("paths");
    let mut in_spec = BTreeSet::new();
    for (path, item) in paths {
        let path = path.strip_prefix("/api").expect("spec paths start with /api");
        for method in item.as_object().expect("path item").keys() {
            if ["get", "post", "put", "delete", "patch", "head", "options"].contains(&method.as_str()) {
                in_spec.insert((method.clone(), path.to_owned()));
            }
        }
    }
    let in_router: BTreeSet<(String, String)> = endpoints()
        .into_iter()
        .map(|(verb, path)| (verb.openapi_name().to_owned(), path.to_owned()))
        .collect();
    assert_eq!(in_spec, in_router);
    // Every `$ref` points at a defined component.
    let schemas = spec["components"]["schemas"].as_object().expect("schemas");
    let responses = spec["components"]["responses"]
        .as_object()
        .cloned()
        .unwrap_or_default();
    let parameters = spec["components"]["parameters"]
        .as_object()
        .cloned()
        .unwrap_or_default();
    for reference in OPENAPI.split("\"$ref\"").skip(1) {
        let target = reference.split('"').nth(1).expect("ref target");
        let (kind, name) = target
            .strip_prefix("#/components/")
            .and_then(|rest| rest.split_once('/'))
            .unwrap_or_else(|| panic!("unexpected ref {target}"));
        let defined = match kind {
            "schemas" => schemas.contains_key(name),
            "responses" => responses.contains_key(name),
            "parameters" => parameters.contains_key(name),
            _ => false,
        };
        assert!(defined, "{target} is not defined");
    }
}

#[tokio::test]
async fn openapi_is_served() {
    let answer = get(&app(), "/api/openapi.json").await;
    assert_eq!(answer.status, StatusCode::OK);
    assert_eq!(answer.json()["openapi"], "3.1.0");
}

#[tokio::test]
async fn stories_are_listed_and_paged() {
    let app = app();
    let all = get(&app, "/api/stories?limit=500").await.json();
    let total = all["total"].as_u64().unwrap();
    assert!(total >= 1);
    assert_eq!(all["items"].as_array().unwrap().len() as u64, total);
    assert_eq!(all["offset"], 0);
    assert_eq!(all["limit"], 500);

    let first = get(&app, "/api/stories?limit=1").await.json();
    assert_eq!(first["total"], total);
    assert_eq!(first["items"].as_array().unwrap().len(), 1);
    assert_eq!(first["items"][0]["id"], all["items"][0]["id"]);

    let past_end = get(&app, &format!("/api/stories?offset={total}")).await.json();
    assert_eq!(past_end["total"], total);
    assert!(past_end["items"].as_array().unwrap().is_empty());
}

#[tokio::test]
async fn a_story_is_its_stored_report() {
    let app = app();
    let listing = get(&app, "/api/stories?limit=1").await.json();
    let id = listing["items"][0]["id"].as_str().unwrap();
    let answer = get(&app, &format!("/api/stories/{id}")).await;
    assert_eq!(answer.status, StatusCode::OK);
    let story = answer.json();
    assert_eq!(story["id"], id);
    for field in [
        "articles",
        "timeline",
        "statements",
        "events",
        "coverage",
        "conflicts",
        "briefing",
        "copies",
        "inferred_dates",
    ] {
        assert!(!story[field].is_null(), "story lacks {field}");
    }
    assert_error(
        &get(&app, "/api/stories/ffffffffffff").await,
        StatusCode::NOT_FOUND,
        "not_found",
    );
}

#[tokio::test]
async fn articles_are_listed_filtered_and_served() {
    let app = app();
    let all = get(&app, "/api/articles").await.json();
    let total = all["total"].as_u64().unwrap();
    assert_eq!(total as usize, corpus().report.articles.len());
    let first = &all["items"][0];
    let id = first["id"].as_str().unwrap();

    let outlet = first["outlet"]
        .as_str()
        .expect("example articles name their outlet");
    let uri = format!("/api/articles?outlet={}", outlet.replace(' ', "%20"));
    let by_outlet = get(&app, &uri).await.json();
    assert!(by_outlet["total"].as_u64().unwrap() >= 1);
    assert!(by_outlet["items"]
        .as_array()
        .unwrap()
        .iter()
        .all(|a| a["outlet"] == outlet));

    let article = get(&app, &format!("/api/articles/{id}")).await.json();
    assert_eq!(article["id"], id);
    assert!(article["body"].as_str().is_some_and(|b| !b.is_empty()));
    assert!(article["sentences"].is_array());

    assert_error(
        &get(&app, "/api/articles/0000deadbeef").await,
        StatusCode::NOT_FOUND,
        "not_found",
    );
}

#[tokio::test]
async fn originals_are_served_as_uploaded_and_never_as_html() {
    let app = app();
    let all = get(&app, "/api/articles?limit=500").await.json();
    let html = all["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["source_path"] == "meridian-post-geneva-talks-open.html")
        .expect("the HTML example is stored");
    let answer = get(
        &app,
        &format!("/api/articles/{}/original", html["id"].as_str().unwrap()),
    )
    .await;
    assert_eq!(answer.status, StatusCode::OK);
    assert_eq!(answer.content_type, "text/plain; charset=utf-8");
    let expected =
        std::fs::read(api_support::examples_dir().join("meridian-post-geneva-talks-open.html")).unwrap();
    assert_eq!(answer.body, expected);

    let gz = all["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["source_path"] == "harbourline-daily-minsk-proposal.html.gz")
        .expect("the gzipped example is stored");
    let answer = get(
        &app,
        &format!("/api/articles/{}/original", gz["id"].as_str().unwrap()),
    )
    .await;
    assert_eq!(answer.content_type, "application/octet-stream");
    assert_eq!(answer.body[..2], [0x1f, 0x8b]);

    assert_error(
        &get(&app, "/api/articles/0000deadbeef/original").await,
        StatusCode::NOT_FOUND,
        "not_found",
    );
}

#[tokio::test]
async fn entities_are_listed_and_detailed() {
    let app = app();
    let listing = get(&app, "/api/entities?limit=5").await.json();
    assert!(listing["total"].as_u64().unwrap() >= 5);
    let counts: Vec<u64> = listing["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["article_count"].as_u64().unwrap())
        .collect();
    assert!(
        counts.windows(2).all(|w| w[0] >= w[1]),
        "most widely reported first: {counts:?}"
    );

    let key = listing["items"][0]["key"].as_str().unwrap();
    let encoded = key.replace(':', "%3A");
    let entity = get(&app, &format!("/api/entities/{encoded}")).await.json();
    assert_eq!(entity["key"], key);
    assert!(!entity["spellings"].as_array().unwrap().is_empty());
    assert!(entity["statements"]["total"].is_u64());
    assert!(entity["events"]["total"].is_u64());
    assert!(!entity["stories"].as_array().unwrap().is_empty());

    assert_error(
        &get(&app, "/api/entities/person%3Anobody-at-all").await,
        StatusCode::NOT_FOUND,
        "not_found",
    );
}

#[tokio::test]
async fn quotes_and_events_are_filtered() {
    let app = app();
    let quotes = get(&app, "/api/quotes?limit=500").await.json();
    let total = quotes["total"].as_u64().unwrap();
    assert!(total > 0);
    let article = quotes["items"][0]["article"].as_str().unwrap();
    let of_article = get(&app, &format!("/api/quotes?article={article}&limit=500"))
        .await
        .json();
    let items = of_article["items"].as_array().unwrap();
    assert!(!items.is_empty() && items.iter().all(|q| q["article"] == article));
    assert!(of_article["total"].as_u64().unwrap() <= total);
    assert!(items[0]["quote"]["text"].is_string());

    let events = get(&app, "/api/events?limit=500").await.json();
    assert!(events["total"].as_u64().unwrap() > 0);
    let root = events["items"][0]["event"]["cameo"]["root"].as_str().unwrap();
    let by_root = get(&app, &format!("/api/events?cameo_root={root}&limit=500"))
        .await
        .json();
    let items = by_root["items"].as_array().unwrap();
    assert!(!items.is_empty() && items.iter().all(|e| e["event"]["cameo"]["root"] == root));

    assert_error(
        &get(&app, "/api/events?cameo_root=99").await,
        StatusCode::BAD_REQUEST,
        "bad_request",
    );
}

#[tokio::test]
async fn search_finds_the_corpus() {
    let app = app();
    let answer = get(&app, "/api/search?q=Geneva&limit=5").await;
    assert_eq!(
        answer.status,
        StatusCode::OK,
        "{}",
        String::from_utf8_lossy(&answer.body)
    );
    let results = answer.json();
    assert!(results["total"].as_u64().unwrap() >= 1);
    assert_eq!(results["limit"], 5);
    assert!(results["hits"][0]["article"].is_string());
    assert_error(
        &get(&app, "/api/search?q=x&kind=videos").await,
        StatusCode::BAD_REQUEST,
        "bad_request",
    );
}

#[tokio::test]
async fn bad_parameters_are_400_json() {
    let app = app();
    for uri in [
        "/api/stories?limit=501",
        "/api/stories?limit=abc",
        "/api/stories?offset=-1",
        "/api/stories?colour=blue",
        "/api/articles?q=x",
        "/api/quotes?speaker=a&speaker=b",
        "/api/events?offset=99999999999999999999999",
        "/api/articles/0000deadbeef?format=xml",
        "/api/search?q=x&offset=10001",
    ] {
        assert_error(&get(&app, uri).await, StatusCode::BAD_REQUEST, "bad_request");
    }
}

#[tokio::test]
async fn unknown_paths_and_wrong_methods_answer_json() {
    let app = app();
    assert_error(
        &get(&app, "/api/nothing/here").await,
        StatusCode::NOT_FOUND,
        "not_found",
    );
    let delete = Request::builder()
        .method(Method::DELETE)
        .uri("/api/stories")
        .body(Body::empty())
        .unwrap();
    let answer = send(&app, delete).await;
    assert_error(&answer, StatusCode::METHOD_NOT_ALLOWED, "method_not_allowed");
    assert_eq!(
        answer.json()["error"]["message"],
        "DELETE is not allowed on /api/stories"
    );
    let get_ingest = get(&app, "/api/ingest").await;
    assert_error(&get_ingest, StatusCode::METHOD_NOT_ALLOWED, "method_not_allowed");
}

fn post(uri: &str, content_type: &str, body: Vec<u8>) -> Request<Body> {
    Request::builder()
        .method(Method::POST)
        .uri(uri)
        .header("content-type", content_type)
        .body(Body::from(body))
        .unwrap()
}

#[tokio::test]
async fn uploads_over_the_limit_are_413() {
    let app = app();
    let (content_type, body) = multipart(&[("huge.txt", &vec![b'a'; UPLOAD_LIMIT + 1])]);
    let answer = send(&app, post("/api/ingest", &content_type, body)).await;
    assert_error(&answer, StatusCode::PAYLOAD_TOO_LARGE, "payload_too_large");
}

#[tokio::test]
async fn malformed_ingest_bodies_are_json_errors() {
    let app = app();
    let answer = send(
        &app,
        post("/api/ingest", "application/json", b"{\"documents\": [".to_vec()),
    )
    .await;
    assert_error(&answer, StatusCode::BAD_REQUEST, "bad_request");
    let answer = send(
        &app,
        post("/api/ingest", "application/json", b"{\"docs\": []}".to_vec()),
    )
    .await;
    assert_error(&answer, StatusCode::UNPROCESSABLE_ENTITY, "unprocessable");
    let answer = send(&app, post("/api/ingest", "text/plain", b"hello".to_vec())).await;
    assert_error(
        &answer,
        StatusCode::UNSUPPORTED_MEDIA_TYPE,
        "unsupported_media_type",
    );
    let answer = send(
        &app,
        post("/api/ingest", "application/json", b"{\"documents\": []}".to_vec()),
    )
    .await;
    assert_error(&answer, StatusCode::BAD_REQUEST, "bad_request");
}

const FIXTURE_TEXT: &str = "Ministers agree to meet again in Vienna\n\nThe foreign ministers of Norland and Suderia met in Vienna on Monday and agreed to hold a second round of talks next month, officials said.\n\n\"We have made progress on the prisoner exchange,\" said Norland's foreign minister Ada Lindqvist.\n";

#[tokio::test]
async fn text_and_binary_files_are_ingested_or_reported() {
    let dir = tempfile::tempdir().unwrap();
    let app = router(AppState::open(dir.path()).unwrap());
    let binary: &[u8] = &[0x00, 0x9f, 0x92, 0x96, 0x00, 0xff, 0x00];
    let (content_type, body) = multipart(&[("vienna.txt", FIXTURE_TEXT.as_bytes()), ("image.bin", binary)]);
    let answer = send(&app, post("/api/ingest", &content_type, body)).await;
    assert_eq!(
        answer.status,
        StatusCode::OK,
        "{}",
        String::from_utf8_lossy(&answer.body)
    );
    let report = answer.json();
    assert_eq!(report["counts"]["new"], 1);
    assert_eq!(report["failed"].as_array().unwrap().len(), 1);
    assert_eq!(report["failed"][0]["name"], "image.bin");
    assert!(report["failed"][0]["reason"].as_str().unwrap().contains("binary"));
    let id = report["articles"][0].as_str().unwrap().to_owned();

    let article = get(&app, &format!("/api/articles/{id}")).await.json();
    assert_eq!(article["source_path"], "vienna.txt");
    let original = get(&app, &format!("/api/articles/{id}/original")).await;
    assert_eq!(original.body, FIXTURE_TEXT.as_bytes());

    // The same text again, as JSON, is a duplicate of the same article.
    let json = serde_json::json!({"documents": [{"name": "vienna.txt", "text": FIXTURE_TEXT}]});
    let answer = send(
        &app,
        post("/api/ingest", "application/json", json.to_string().into_bytes()),
    )
    .await;
    let report = answer.json();
    assert_eq!(report["counts"]["duplicate"], 1, "{report}");
    assert_eq!(report["articles"][0], id.as_str());
    let listing = get(&app, "/api/articles").await.json();
    assert_eq!(listing["total"], 1);
}

/// The components that describe core values (`Article`, `Quote`, `Event`
/// and what they contain) are derived from the core types, so the spec
/// cannot drift from the JSON the API returns. Refresh them with
/// `UPDATE_OPENAPI=1 cargo test -p parallax-serve --test api openapi_core`.
#[test]
fn openapi_core_components_match_the_core_types() {
    use schemars::gen::SchemaSettings;
    let mut generator = SchemaSettings::draft2019_09()
        .with(|settings| settings.definitions_path = "#/components/schemas/".into())
        .into_generator();
    generator.subschema_for::<parallax_core::Article>();
    generator.subschema_for::<parallax_core::Quote>();
    generator.subschema_for::<parallax_core::Event>();
    let derived: serde_json::Map<String, serde_json::Value> = generator
        .definitions()
        .iter()
        .map(|(name, schema)| (name.clone(), serde_json::to_value(schema).unwrap()))
        .collect();
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("openapi.json");
    let mut spec: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    let schemas = spec["components"]["schemas"].as_object_mut().unwrap();
    let stale: Vec<&String> = derived
        .iter()
        .filter(|(name, schema)| schemas.get(*name) != Some(schema))
        .map(|(name, _)| name)
        .collect();
    if stale.is_empty() {
        return;
    }
    if std::env::var_os("UPDATE_OPENAPI").is_some() {
        schemas.extend(derived.clone());
        let text = serde_json::to_string_pretty(&spec).unwrap() + "\n";
        std::fs::write(&path, text).unwrap();
        return;
    }
    panic!("openapi.json components out of date: {stale:?}; run UPDATE_OPENAPI=1 cargo test -p parallax-serve --test api openapi_core");
}

/// A story's id is a hash of its members: when an article joins, the old
/// id answers 308 with the id of the story holding its articles now.
#[tokio::test]
async fn a_story_that_gained_an_article_redirects_from_its_old_id() {
    let dir = tempfile::tempdir().unwrap();
    let app = router(AppState::open(dir.path()).unwrap());
    let examples = api_support::examples_dir();
    let upload = |names: &[&str]| {
        let files: Vec<(String, Vec<u8>)> = names
            .iter()
            .map(|name| (name.to_string(), std::fs::read(examples.join(name)).unwrap()))
            .collect();
        let parts: Vec<(&str, &[u8])> = files.iter().map(|(n, b)| (n.as_str(), b.as_slice())).collect();
        multipart(&parts)
    };
    let (content_type, body) = upload(&[
        "eastbridge-herald-minsk-rejected.txt",
        "ridgeway-radio-venue-row.txt",
    ]);
    let first = send(&app, post("/api/ingest", &content_type, body)).await.json();
    let old = first["stories"][0]
        .as_str()
        .expect("the two articles make a story")
        .to_owned();

    let (content_type, body) = upload(&["meridian-post-geneva-talks-open.html"]);
    let second = send(&app, post("/api/ingest", &content_type, body)).await.json();
    let new = second["stories"][0].as_str().expect("the third joins").to_owned();
    assert_ne!(old, new);

    let answer = get(&app, &format!("/api/stories/{old}")).await;
    assert_eq!(answer.status, StatusCode::PERMANENT_REDIRECT);
    assert_eq!(answer.json()["moved_to"], new.as_str());
    assert_eq!(answer.json()["error"]["code"], "moved");
    assert_eq!(answer.json()["error"]["status"], 308);
    let current = get(&app, &format!("/api/stories/{new}")).await;
    assert_eq!(current.status, StatusCode::OK);
}
