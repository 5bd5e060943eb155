//! End-to-end test of the demo corpus (`examples/articles/`, fictional
//! articles in every input format) against the "must" items of
//! `examples/expected.md`.

mod common;

use std::process::Command;

use common::examples;

use serde_json::Value;

/// Every article `parallax inspect --json` makes of the corpus.
fn inspect_corpus() -> Vec<Value> {
    let output = Command::new(env!("CARGO_BIN_EXE_parallax"))
        .args(["--quiet", "inspect", "--json"])
        .arg(examples())
        .output()
        .expect("run parallax");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let stdout = String::from_utf8(output.stdout).unwrap();
    serde_json::Deserializer::from_str(&stdout)
        .into_iter::<Value>()
        .map(Result::unwrap)
        .collect()
}

fn by_title<'a>(articles: &'a [Value], title: &str) -> &'a Value {
    articles
        .iter()
        .find(|a| a["title"].as_str().is_some_and(|t| t.ends_with(title)))
        .unwrap_or_else(|| panic!("no article titled {title:?}"))
}

fn strings(value: &Value) -> Vec<&str> {
    value
        .as_array()
        .map(|a| a.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default()
}

fn body(article: &Value) -> &str {
    article["body"].as_str().unwrap()
}

/// A compact check of one article's metadata.
struct Expect<'a> {
    title: &'a str,
    /// `None`: must be null. Ignored when `outlet_optional`.
    outlet: Option<&'a str>,
    /// The spec allows the name to be found or not.
    outlet_optional: bool,
    domain: Option<&'a str>,
    authors: &'a [&'a str],
    agencies: &'a [&'a str],
    date: Option<&'a str>,
    provenance: Option<&'a str>,
    body_starts: &'a str,
}

fn check(articles: &[Value], e: Expect) {
    let a = by_title(articles, e.title);
    let name = e.title;
    if !e.outlet_optional {
        assert_eq!(a["outlet"]["name"].as_str(), e.outlet, "{name}: outlet name");
    }
    assert_eq!(a["outlet"]["domain"].as_str(), e.domain, "{name}: outlet domain");
    for author in e.authors {
        assert!(
            strings(&a["authors"]).contains(author),
            "{name}: author {author} in {:?}",
            a["authors"]
        );
    }
    assert_eq!(strings(&a["agencies"]), e.agencies.to_vec(), "{name}: agencies");
    assert_eq!(a["published"]["date"].as_str(), e.date, "{name}: date");
    assert_eq!(
        a["published"]["provenance"].as_str(),
        e.provenance,
        "{name}: date provenance"
    );
    assert!(
        body(a).starts_with(e.body_starts),
        "{name}: body starts {:?}",
        &body(a)[..80.min(body(a).len())]
    );
}

#[test]
fn every_input_format_yields_its_articles() {
    let articles = inspect_corpus();
    assert_eq!(
        articles.len(),
        12,
        "9 inputs, 12 articles (WARC 2 responses, feeds 2 items each)"
    );
    let formats: Vec<&str> = articles.iter().filter_map(|a| a["format"].as_str()).collect();
    for format in ["text", "html", "warc", "feed", "jsonl"] {
        assert!(formats.contains(&format), "no {format} article");
    }
    for article in &articles {
        let body = body(article);
        for paragraph in article["paragraphs"].as_array().unwrap() {
            let [start, end] = [
                paragraph["span"][0].as_u64().unwrap(),
                paragraph["span"][1].as_u64().unwrap(),
            ];
            assert!(
                body.get(start as usize..end as usize).is_some(),
                "span on char boundaries"
            );
        }
    }
}

#[test]
fn metadata_matches_what_each_article_states() {
    let articles = inspect_corpus();
    check(
        &articles,
        Expect {
            title: "Black Sea shipping talks open in Geneva hours after drones strike Odesa port",
            outlet: Some("The Meridian Post"),
            outlet_optional: false,
            domain: Some("meridianpost.example"),
            authors: &["Clara Whitcombe"],
            agencies: &[],
            date: Some("2026-03-03"),
            provenance: Some("json-ld"),
            body_starts: "",
        },
    );
    check(
        &articles,
        Expect {
            title: "Kyiv rejects Minsk as venue as Black Sea talks enter second day",
            outlet: Some("Eastbridge Herald"),
            outlet_optional: false,
            domain: Some("eastbridgeherald.example"),
            authors: &["Martin Ashby"],
            agencies: &["Nordwire"],
            date: Some("2026-03-04"),
            provenance: Some("header"),
            body_starts: "Ukraine on Wednesday rejected a Russian proposal",
        },
    );
    check(
        &articles,
        Expect {
            title: "Russia offers Minsk for shipping talks, Turkey counters with Istanbul",
            outlet: Some("Ridgeway Radio"),
            outlet_optional: false,
            domain: None,
            authors: &["Pete Lannigan"],
            agencies: &["Nordwire"],
            date: None,
            provenance: None,
            body_starts: "Russia has proposed moving the Black Sea shipping talks",
        },
    );
    check(
        &articles,
        Expect {
            title: "Russia proposes Minsk for Black Sea talks; Ukraine says no",
            outlet: Some("Harbourline Daily"),
            outlet_optional: false,
            domain: Some("harbourline.example"),
            authors: &[],
            agencies: &["Nordwire"],
            date: Some("2026-03-04"),
            provenance: Some("meta"),
            body_starts: "GENEVA, March 4 (Nordwire) - Russia on Wednesday proposed",
        },
    );
    check(
        &articles,
        Expect {
            title: "Geneva shipping talks end with working group; next round in Istanbul on Monday",
            outlet: Some("Nordwire"),
            outlet_optional: false,
            domain: Some("nordwire.example"),
            authors: &["Emil Sørensen"],
            agencies: &["Nordwire"],
            date: Some("2026-03-05"),
            provenance: Some("feed"),
            body_starts: "",
        },
    );
    check(
        &articles,
        Expect {
            title: "Turkey offers Istanbul as Russia and Ukraine spar over venue for shipping talks",
            outlet: None,
            outlet_optional: true,
            domain: Some("caspianledger.example"),
            authors: &["Leyla Mammadova"],
            agencies: &["Nordwire"],
            date: Some("2026-03-05"),
            provenance: Some("jsonl"),
            body_starts: "",
        },
    );
    check(
        &articles,
        Expect {
            title: "Second round of Black Sea shipping talks opens in Istanbul",
            outlet: Some("Eastbridge Herald"),
            outlet_optional: false,
            domain: Some("eastbridgeherald.example"),
            authors: &["Oksana Hrytsenko"],
            agencies: &[],
            date: Some("2026-03-09"),
            provenance: Some("json-ld"),
            body_starts: "Ukrainian and Russian negotiators returned to the table in Istanbul on Monday",
        },
    );
}

#[test]
fn captions_promos_and_widgets_are_removed_and_recorded() {
    let articles = inspect_corpus();
    let meridian = by_title(
        &articles,
        "Black Sea shipping talks open in Geneva hours after drones strike Odesa port",
    );
    let text = body(meridian);
    for noise in [
        "Subscribe to continue reading",
        "Already a subscriber",
        "Advertisement",
        "14 August 2023",
    ] {
        assert!(!text.contains(noise), "Meridian body keeps {noise:?}");
    }
    assert!(
        text.ends_with("The talks are scheduled to run until Thursday."),
        "Meridian body end"
    );
    assert!(
        !strings(&meridian["flags"]).contains(&"paywalled"),
        "text continues after the paywall box"
    );

    let eastbridge = by_title(
        &articles,
        "Kyiv rejects Minsk as venue as Black Sea talks enter second day",
    );
    let text = body(eastbridge);
    for noise in [
        "3 min read",
        "27 February 2026",
        "Advertisement",
        "Grain exporters count the cost",
        "Log in",
    ] {
        assert!(!text.contains(noise), "Eastbridge body keeps {noise:?}");
    }
    assert!(
        text.ends_with("than any political declaration."),
        "Eastbridge body end"
    );
    let reasons: Vec<&str> = eastbridge["removed"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|r| r["reason"].as_str())
        .collect();
    for reason in ["paywall-promo", "related-links", "advertisement"] {
        assert!(
            reasons.contains(&reason),
            "Eastbridge removed nothing as {reason}: {reasons:?}"
        );
    }

    let ridgeway = by_title(
        &articles,
        "Russia offers Minsk for shipping talks, Turkey counters with Istanbul",
    );
    let text = body(ridgeway);
    assert!(
        text.ends_with("clearance of drifting mines."),
        "Ridgeway body end: {:?}",
        &text[text.len() - 60..]
    );
    assert!(!text.contains("World news producer"));

    let analysis = by_title(
        &articles,
        "A corridor on paper — what Geneva settled, and what it left for Istanbul",
    );
    assert!(
        strings(&analysis["flags"]).contains(&"transcoded"),
        "windows-1252 page is flagged"
    );
    let text = body(analysis);
    assert!(
        text.contains("“exploring arrangements”") && text.contains("ship’s"),
        "decoded correctly"
    );
    assert!(!text.contains("â€"), "no mojibake");
    assert_eq!(analysis["captured"], "2026-03-06T09:41:37Z");
    assert_eq!(
        analysis["published"]["date"], "2026-03-06",
        "capture date is not publication date"
    );
}
