//! The request mix: which URLs the clients ask for, in which order.
//!
//! Story ids come from the server (`GET /api/stories?limit=…`); search
//! queries from a fixed list (`bench/load/queries.tsv`) so that runs on
//! different days ask the same questions. Requests are dealt from one
//! shared ticket counter: ticket `t` is class `t mod 4` and target
//! `⌊t / 4⌋ mod n`, so every class gets the same share and every story and
//! query is visited in turn, whatever the number of clients.

use std::fmt;

use percent_encoding::{utf8_percent_encode, AsciiSet, CONTROLS};
use serde::Deserialize;

use crate::classes::EndpointClass;

/// Characters escaped in a path segment (RFC 3986 `pchar` keeps the rest).
const PATH_SEGMENT: &AsciiSet = &CONTROLS
    .add(b' ')
    .add(b'"')
    .add(b'#')
    .add(b'%')
    .add(b'/')
    .add(b'<')
    .add(b'>')
    .add(b'?')
    .add(b'`');

/// One search request from the query list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchQuery {
    /// What the query exercises: `name`, `place`, `common`, `rare`,
    /// `phrase`, `facet`… (free text, for the report).
    pub category: String,
    /// The `q` parameter.
    pub q: String,
    /// Further parameters (facets, paging), in order.
    pub params: Vec<(String, String)>,
}

impl SearchQuery {
    /// The URL query string (`q=…&outlet=…`), form-encoded.
    pub fn query_string(&self) -> String {
        let mut serializer = url::form_urlencoded::Serializer::new(String::new());
        serializer.append_pair("q", &self.q);
        for (name, value) in &self.params {
            serializer.append_pair(name, value);
        }
        serializer.finish()
    }
}

/// A problem with the query list or the server's story list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanError(pub String);

impl fmt::Display for PlanError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for PlanError {}

/// Parses the query list: one query per line, `category<TAB>q` with an
/// optional third column of further parameters written `name=value&…`
/// (unencoded). Blank lines and lines starting with `#` are skipped.
pub fn parse_queries(text: &str) -> Result<Vec<SearchQuery>, PlanError> {
    let mut queries = Vec::new();
    for (index, line) in text.lines().enumerate() {
        let line_number = index + 1;
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let mut columns = line.split('\t');
        let category = columns.next().unwrap_or_default().trim();
        let q = columns.next().map(str::trim).unwrap_or_default();
        if category.is_empty() || q.is_empty() {
            return Err(PlanError(format!(
                "query list line {line_number}: expected `category<TAB>query[<TAB>name=value&…]`"
            )));
        }
        let params = match columns.next().map(str::trim) {
            None | Some("") => Vec::new(),
            Some(extra) => parse_params(extra)
                .map_err(|reason| PlanError(format!("query list line {line_number}: {reason}")))?,
        };
        if columns.next().is_some() {
            return Err(PlanError(format!(
                "query list line {line_number}: more than three columns"
            )));
        }
        queries.push(SearchQuery {
            category: category.to_owned(),
            q: q.to_owned(),
            params,
        });
    }
    if queries.is_empty() {
        return Err(PlanError("the query list has no queries".to_owned()));
    }
    Ok(queries)
}

fn parse_params(text: &str) -> Result<Vec<(String, String)>, String> {
    text.split('&')
        .map(|pair| match pair.split_once('=') {
            Some((name, value)) if !name.is_empty() => Ok((name.to_owned(), value.to_owned())),
            _ => Err(format!("parameter `{pair}` is not `name=value`")),
        })
        .collect()
}

/// The ids in a `GET /api/stories` page (`{"items": [{"id": …}, …]}`).
/// Ids may be strings or numbers.
pub fn parse_story_ids(json: &[u8]) -> Result<Vec<String>, PlanError> {
    #[derive(Deserialize)]
    struct Page {
        items: Vec<Item>,
    }
    #[derive(Deserialize)]
    struct Item {
        id: serde_json::Value,
    }
    let page: Page = serde_json::from_slice(json).map_err(|error| {
        PlanError(format!(
            "story list is not `{{\"items\": [{{\"id\": …}}]}}`: {error}"
        ))
    })?;
    page.items
        .into_iter()
        .map(|item| {
            id_text(&item.id)
                .ok_or_else(|| PlanError(format!("story id {} is neither a string nor a number", item.id)))
        })
        .collect()
}

/// An id from a JSON response as text: ids are strings or numbers.
pub fn id_text(value: &serde_json::Value) -> Option<String> {
    match value {
        serde_json::Value::String(id) => Some(id.clone()),
        serde_json::Value::Number(id) => Some(id.to_string()),
        _ => None,
    }
}

/// The URLs to visit: story ids and search queries.
#[derive(Debug, Clone)]
pub struct Plan {
    story_ids: Vec<String>,
    queries: Vec<SearchQuery>,
    /// The classes requested: those with at least one target (a store
    /// without stories yet can still have its search measured).
    classes: Vec<EndpointClass>,
}

/// One request to make: its class, which story or query (index into the
/// plan's list), and the path with query string.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlannedRequest {
    pub class: EndpointClass,
    pub target: usize,
    pub path: String,
}

impl Plan {
    /// A plan over the stories and queries given; classes without targets
    /// (no stories listed yet) are left out, and a plan with no target at
    /// all is an error.
    pub fn new(story_ids: Vec<String>, queries: Vec<SearchQuery>) -> Result<Self, PlanError> {
        let classes: Vec<EndpointClass> = EndpointClass::ALL
            .into_iter()
            .filter(|class| {
                if class.is_story() {
                    !story_ids.is_empty()
                } else {
                    !queries.is_empty()
                }
            })
            .collect();
        if classes.is_empty() {
            return Err(PlanError(
                "no stories listed by the server and no search queries".to_owned(),
            ));
        }
        Ok(Plan {
            story_ids,
            queries,
            classes,
        })
    }

    /// The classes this plan requests.
    pub fn classes(&self) -> &[EndpointClass] {
        &self.classes
    }

    /// The request for ticket number `ticket`.
    pub fn request(&self, ticket: u64) -> PlannedRequest {
        let class = self.classes[(ticket % self.classes.len() as u64) as usize];
        let round = ticket / self.classes.len() as u64;
        let target = (round % self.target_count(class) as u64) as usize;
        PlannedRequest {
            class,
            target,
            path: self.path(class, target),
        }
    }

    /// How many distinct targets `class` rotates through.
    pub fn target_count(&self, class: EndpointClass) -> usize {
        if class.is_story() {
            self.story_ids.len()
        } else {
            self.queries.len()
        }
    }

    /// The path (and query string) of target `target` of `class`.
    pub fn path(&self, class: EndpointClass, target: usize) -> String {
        match class {
            EndpointClass::ApiStory => format!("/api/stories/{}", self.story_segment(target)),
            EndpointClass::PageStory => format!("/stories/{}", self.story_segment(target)),
            EndpointClass::ApiSearch => format!("/api/search?{}", self.queries[target].query_string()),
            EndpointClass::PageSearch => format!("/search?{}", self.queries[target].query_string()),
        }
    }

    /// The query behind search target `target`.
    pub fn query(&self, target: usize) -> &SearchQuery {
        &self.queries[target]
    }

    fn story_segment(&self, target: usize) -> String {
        utf8_percent_encode(&self.story_ids[target], PATH_SEGMENT).to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const QUERIES: &str =
        "# category\tq\tparams\nname\tSybiha\n\nphrase\t\"peace talks\"\tkind=quote&from=2025-01-01\n";

    #[test]
    fn query_list_parses_columns_and_skips_comments() {
        let queries = parse_queries(QUERIES).unwrap();
        assert_eq!(queries.len(), 2);
        assert_eq!(
            queries[0],
            SearchQuery {
                category: "name".into(),
                q: "Sybiha".into(),
                params: vec![]
            }
        );
        assert_eq!(
            queries[1].params,
            vec![
                ("kind".to_owned(), "quote".to_owned()),
                ("from".to_owned(), "2025-01-01".to_owned())
            ]
        );
    }

    #[test]
    fn query_string_encodes_quotes_and_spaces() {
        let queries = parse_queries(QUERIES).unwrap();
        assert_eq!(
            queries[1].query_string(),
            "q=%22peace+talks%22&kind=quote&from=2025-01-01"
        );
    }

    #[test]
    fn bad_query_lines_name_their_line() {
        let error = parse_queries("name\tPutin\nplace\n").unwrap_err();
        assert!(error.0.contains("line 2"), "{error}");
        let error = parse_queries("facet\tPutin\toutlet").unwrap_err();
        assert!(
            error.0.contains("line 1") && error.0.contains("`outlet`"),
            "{error}"
        );
        assert!(parse_queries("# only a comment\n").is_err());
    }

    #[test]
    fn story_ids_are_read_as_strings_or_numbers() {
        let ids =
            parse_story_ids(br#"{"total": 2, "items": [{"id": "s-1", "size": 3}, {"id": 7}]}"#).unwrap();
        assert_eq!(ids, vec!["s-1".to_owned(), "7".to_owned()]);
        assert!(parse_story_ids(br#"{"items": [{"id": null}]}"#).is_err());
        assert!(parse_story_ids(b"<html>").is_err());
    }

    #[test]
    fn tickets_rotate_classes_then_targets() {
        let queries = parse_queries(QUERIES).unwrap();
        let plan = Plan::new(vec!["a b".into(), "c/d".into(), "e".into()], queries).unwrap();
        let requests: Vec<_> = (0..12).map(|ticket| plan.request(ticket)).collect();
        assert_eq!(requests[0].path, "/api/stories/a%20b");
        assert_eq!(requests[1].path, "/stories/a%20b");
        assert_eq!(requests[2].path, "/api/search?q=Sybiha");
        assert_eq!(requests[3].path, "/search?q=Sybiha");
        assert_eq!(requests[4].path, "/api/stories/c%2Fd");
        assert_eq!(requests[6].class, EndpointClass::ApiSearch);
        assert_eq!(requests[6].target, 1);
        // Third round: stories go on to the third id, queries wrap round.
        assert_eq!(requests[8].target, 2);
        assert_eq!(requests[10].target, 0);
    }

    #[test]
    fn a_store_without_stories_still_gets_searched() {
        let queries = parse_queries(QUERIES).unwrap();
        let plan = Plan::new(Vec::new(), queries).unwrap();
        assert_eq!(
            plan.classes(),
            &[EndpointClass::ApiSearch, EndpointClass::PageSearch]
        );
        assert_eq!(plan.request(0).path, "/api/search?q=Sybiha");
        assert_eq!(plan.request(1).path, "/search?q=Sybiha");
        assert_eq!(
            plan.request(2).path,
            "/api/search?q=%22peace+talks%22&kind=quote&from=2025-01-01"
        );
        assert!(Plan::new(Vec::new(), Vec::new()).is_err());
    }
}
