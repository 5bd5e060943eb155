//! Properties of the API under arbitrary requests: whatever the path,
//! query string, method and body, the server never answers 5xx and every
//! `/api/*` answer has a JSON body.

mod api_support;

use api_support::{corpus, send};
use axum::body::Body;
use axum::http::{Method, Request};
use parallax_serve::api::UPLOAD_LIMIT;
use parallax_serve::router;
use proptest::prelude::*;

/// Path segments: the API's own words, ids of the corpus, and junk
/// (percent-escapes, invalid UTF-8 escapes, dots, unicode).
fn segment() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select(vec![
            "stories",
            "articles",
            "entities",
            "quotes",
            "events",
            "search",
            "ingest",
            "openapi.json",
            "original",
            "person%3Asybiha-andrii",
            "..",
            ".",
            "%",
            "%zz",
            "%ff%fe",
            "%00",
            "a%2Fb",
            "",
            "ünïcödé",
            "0000",
            "abcd",
        ])
        .prop_map(str::to_owned),
        "[a-zA-Z0-9%:._~-]{0,24}",
    ]
}

fn path() -> impl Strategy<Value = String> {
    let corpus_ids = {
        let report = &corpus().report;
        let mut ids: Vec<String> = report.articles.clone();
        ids.extend(report.stories.clone());
        ids
    };
    prop_oneof![
        prop::collection::vec(segment(), 0..4).prop_map(|s| format!("/api/{}", s.join("/"))),
        (
            prop::sample::select(vec!["/api/articles/", "/api/stories/"]),
            prop::sample::select(corpus_ids),
            prop::sample::select(vec!["", "/original", "/x"]),
        )
            .prop_map(|(prefix, id, suffix)| format!("{prefix}{id}{suffix}")),
    ]
}

fn query() -> impl Strategy<Value = String> {
    let key = prop_oneof![
        prop::sample::select(vec![
            "q",
            "offset",
            "limit",
            "outlet",
            "speaker",
            "article",
            "actor",
            "cameo_root",
            "from",
            "to",
            "entity",
            "event",
            "kind",
            "page",
            "",
        ])
        .prop_map(str::to_owned),
        "[a-z%]{1,6}",
    ];
    let value = prop_oneof![
        prop::sample::select(vec![
            "0",
            "1",
            "50",
            "500",
            "501",
            "-1",
            "18446744073709551615",
            "99999999999999999999999",
            "19",
            "all",
            "quotes",
            "2025-09-04",
            "2025-13-45",
            "\"Sybiha\"",
            "-x",
            "%",
            "%ff",
            "a+b",
            "",
        ])
        .prop_map(str::to_owned),
        "[ -~]{0,16}".prop_map(|v| v.replace(['#', '&', ' '], "+")),
    ];
    prop::collection::vec((key, value), 0..4).prop_map(|pairs| {
        pairs
            .into_iter()
            .map(|(k, v)| format!("{k}={v}"))
            .collect::<Vec<_>>()
            .join("&")
    })
}

fn method() -> impl Strategy<Value = Method> {
    prop::sample::select(vec![
        Method::GET,
        Method::POST,
        Method::PUT,
        Method::DELETE,
        Method::PATCH,
        Method::OPTIONS,
    ])
}

/// Bodies with the content type they claim: empty, random bytes, JSON of
/// the ingest shape (sometimes with a wrong shape), multipart, and (rarely)
/// one byte over the upload limit.
fn body() -> impl Strategy<Value = (Option<&'static str>, Vec<u8>)> {
    prop_oneof![
        4 => Just((None, Vec::new())),
        3 => (
            prop::sample::select(vec![
                None,
                Some("application/json"),
                Some("text/plain"),
                Some("multipart/form-data"),
                Some("multipart/form-data; boundary=x"),
            ]),
            prop::collection::vec(any::<u8>(), 0..512),
        ),
        2 => "[ -~\n]{0,200}".prop_map(|text| {
            let json = serde_json::json!({"documents": [{"name": "p.txt", "text": text}]});
            (Some("application/json"), json.to_string().into_bytes())
        }),
        2 => prop::collection::vec(any::<u8>(), 0..256).prop_map(|bytes| {
            let (content_type, body) = api_support::multipart(&[("random.bin", &bytes)]);
            (Some(leak(content_type)), body)
        }),
        1 => Just((Some("text/plain"), vec![b'x'; UPLOAD_LIMIT + 1])),
    ]
}

fn leak(text: String) -> &'static str {
    Box::leak(text.into_boxed_str())
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 200,
        // Failures are reported with their minimal input; nothing is written to the tree.
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn no_request_gets_a_server_error_or_a_non_json_answer(
        path in path(),
        query in query(),
        method in method(),
        (content_type, body) in body(),
    ) {
        let uri = match query.is_empty() {
            true => path.clone(),
            false => format!("{path}?{query}"),
        };
        let mut request = Request::builder().method(method.clone()).uri(&uri);
        if let Some(content_type) = content_type {
            request = request.header("content-type", content_type);
        }
        // Some generated strings are not valid URIs; a client cannot send those.
        let request = match request.body(Body::from(body)) {
            Ok(request) => request,
            Err(_) => return Ok(()),
        };
        let app = router(corpus().state.clone());
        let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
        let answer = runtime.block_on(send(&app, request));
        prop_assert!(
            !answer.status.is_server_error(),
            "{method} {uri} answered {}: {}",
            answer.status,
            String::from_utf8_lossy(&answer.body[..answer.body.len().min(300)])
        );
        let original = answer.status.is_success() && path.ends_with("/original");
        if !original {
            prop_assert!(
                answer.content_type.starts_with("application/json"),
                "{method} {uri}: content type {:?}", answer.content_type
            );
            let parsed: Result<serde_json::Value, _> = serde_json::from_slice(&answer.body);
            prop_assert!(parsed.is_ok(), "{method} {uri}: body is not JSON");
        }
    }
}
