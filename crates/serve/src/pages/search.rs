//! `/search`: full-text search over articles and quotes, with facets that
//! refine the query, ranked hits with the matched words marked, paging,
//! and the entities a query word was expanded to.

use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use maud::{html, Markup};
use parallax_core::Span;
use parallax_search::{FacetCount, HitKind, SearchHit};
use serde::Deserialize;

use super::highlight::snap;
use super::layout::{self, Section};
use super::{links, query, PageResult};
use crate::state::AppState;
use crate::views::search::{search, SearchParams, SearchView};
use crate::views::Paging;

/// Hits per page.
const PER_PAGE: u64 = 20;

/// The page's query string: the API's search parameters (without
/// offset/limit) plus a 1-based `page`.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct SearchPageParams {
    #[serde(default)]
    q: String,
    #[serde(default)]
    outlet: String,
    #[serde(default)]
    from: String,
    #[serde(default)]
    to: String,
    #[serde(default)]
    entity: String,
    #[serde(default)]
    event: String,
    #[serde(default)]
    kind: String,
    page: Option<String>,
}

impl SearchPageParams {
    /// This search's URL with `changes` applied (an empty value removes a
    /// parameter); any change but paging returns to page 1.
    fn url_with(&self, changes: &[(&str, &str)]) -> String {
        let mut params: Vec<(&str, &str)> = vec![
            ("q", &self.q),
            ("outlet", &self.outlet),
            ("from", &self.from),
            ("to", &self.to),
            ("entity", &self.entity),
            ("event", &self.event),
            ("kind", &self.kind),
        ];
        for (name, value) in changes {
            match params.iter_mut().find(|(n, _)| n == name) {
                Some(param) => param.1 = value,
                None => params.push((name, value)),
            }
        }
        links::with_query("/search", &params)
    }

    fn has_filters(&self) -> bool {
        [&self.outlet, &self.from, &self.to, &self.entity, &self.event]
            .iter()
            .any(|value| !value.trim().is_empty())
    }
}

pub async fn search_page(
    State(state): State<AppState>,
    params: Result<Query<SearchPageParams>, QueryRejection>,
) -> PageResult {
    let params = query(params)?;
    let page = layout::page_number(params.page.as_deref())?;
    let paging = Paging::page_number(page, PER_PAGE)?;
    let asked = !params.q.trim().is_empty() || params.has_filters();
    let view = match asked {
        true => {
            let owned = |value: &str| Some(value.to_owned());
            Some(
                search(
                    &state,
                    &SearchParams {
                        q: owned(&params.q),
                        outlet: owned(&params.outlet),
                        from: owned(&params.from),
                        to: owned(&params.to),
                        entity: owned(&params.entity),
                        event: owned(&params.event),
                        kind: owned(&params.kind),
                        offset: Some(paging.offset),
                        limit: Some(paging.limit),
                    },
                )
                .await?,
            )
        }
        false => None,
    };
    let title = match params.q.trim() {
        "" => "Search".to_owned(),
        q => format!("Search: {q}"),
    };
    Ok(layout::page(
        &title,
        Section::Search,
        render_search(&params, view.as_ref()),
    ))
}

fn render_search(params: &SearchPageParams, view: Option<&SearchView>) -> Markup {
    html! {
        h1 { "Search" }
        form.search-form role="search" action="/search" method="get" {
            div.input-row {
                label.visually-hidden for="search-input" { "Words or \"a phrase\"; -word excludes" }
                input #search-input type="search" name="q" value=(params.q) placeholder="Words, \"a phrase\", -excluded";
                button type="submit" { "Search" }
            }
            div.filter-row {
                label for="search-kind" { "In" }
                select #search-kind name="kind" {
                    @for (value, label) in [("all", "articles and quotes"), ("articles", "articles"), ("quotes", "quotes")] {
                        option value=(value) selected[params.kind == value || (params.kind.is_empty() && value == "all")] { (label) }
                    }
                }
                label for="search-from" { "from" }
                input #search-from type="text" name="from" value=(params.from) placeholder="YYYY-MM-DD" inputmode="numeric" size="10";
                label for="search-to" { "to" }
                input #search-to type="text" name="to" value=(params.to) placeholder="YYYY-MM-DD" inputmode="numeric" size="10";
                @for (name, value) in [("outlet", &params.outlet), ("entity", &params.entity), ("event", &params.event)] {
                    @if !value.is_empty() { input type="hidden" name=(name) value=(value); }
                }
            }
        }
        (active_filters(params))
        @if let Some(view) = view {
            (results(params, view))
        } @else {
            p.hint { "Search article text and quotes. A name also finds its other spellings (Sybiha, Sybiga)." }
        }
    }
}

/// The filters in force, each with a link removing it.
fn active_filters(params: &SearchPageParams) -> Markup {
    let filters = [
        ("outlet", "outlet", &params.outlet),
        ("from", "from", &params.from),
        ("to", "to", &params.to),
        ("entity", "entity", &params.entity),
        ("event", "event", &params.event),
    ];
    html! {
        @if params.has_filters() {
            ul.active-filters aria-label="Filters in force" {
                @for (name, label, value) in filters {
                    @if !value.trim().is_empty() {
                        li { (label) ": " strong { (value) } " " a.remove-filter href=(params.url_with(&[(name, "")])) aria-label=(format!("Remove filter {label} {value}")) { "×" } }
                    }
                }
            }
        }
    }
}

fn results(params: &SearchPageParams, view: &SearchView) -> Markup {
    let results = &view.results;
    html! {
        p.result-count {
            @if results.total_is_lower_bound {
                "More than " (layout::count(results.total as u64, "match", "matches"))
                " (counting stops there: the counts under Refine are over the first "
                (results.total) " matches found, not all)"
            } @else {
                (layout::count(results.total as u64, "match", "matches"))
            }
            " (" (format!("{:.1}", results.took_ms)) " ms)"
        }
        @if !results.expanded.is_empty() {
            p #expanded-terms.expanded {
                "Also matching: "
                @for (i, term) in results.expanded.iter().enumerate() {
                    @if i > 0 { "; " }
                    "“" (term.word) "” as " a.entity-link href=(links::entity(&term.key)) { (term.name) } " under every spelling"
                }
            }
        }
        div.search-layout {
            aside #facets aria-label="Refine" {
                (facet_group("Outlet", &results.facets.outlets, |f| params.url_with(&[("outlet", &f.value)]), &params.outlet))
                (facet_group("Year", &results.facets.years, |f| params.url_with(&[("from", &f.value), ("to", &f.value)]),
                    if params.from == params.to { &params.from } else { "" }))
                (facet_group("Entity", &results.facets.entities, |f| params.url_with(&[("entity", &f.value)]), &params.entity))
                (facet_group("Event type", &results.facets.events, |f| params.url_with(&[("event", &f.value)]), &params.event))
            }
            div.search-results {
                @if results.hits.is_empty() {
                    p.empty { "Nothing matches." @if params.has_filters() { " Try removing a filter." } }
                } @else {
                    ol.hit-list start=(view.offset + 1) {
                        @for hit in &results.hits { (search_hit(hit)) }
                    }
                }
                (layout::pagination(results.total as u64, results.total_is_lower_bound, view.offset, PER_PAGE, |n| params.url_with(&[("page", &n.to_string())])))
            }
        }
    }
}

fn facet_group(
    heading: &str,
    facets: &[FacetCount],
    url: impl Fn(&FacetCount) -> String,
    active: &str,
) -> Markup {
    html! {
        @if !facets.is_empty() {
            section.facet {
                h2 { (heading) }
                ul {
                    @for facet in facets {
                        li {
                            @if facet.value == active {
                                span.facet-active aria-current="true" { (facet.label) " (" (facet.count) ")" }
                            } @else {
                                a.facet-link href=(url(facet)) { (facet.label) } " (" (facet.count) ")"
                            }
                        }
                    }
                }
            }
        }
    }
}

fn search_hit(hit: &SearchHit) -> Markup {
    let href = match (hit.kind, hit.span) {
        (HitKind::Quote, Some(span)) => links::article_at(&hit.article, span.start),
        _ => links::article(&hit.article),
    };
    let kind = match hit.kind {
        HitKind::Article => "article",
        HitKind::Quote => "quote",
    };
    html! {
        li class=(format!("search-hit kind-{kind}")) {
            a.hit-article href=(href) { (hit.title.as_deref().unwrap_or(&hit.article)) }
            p.hit-meta {
                span.hit-kind { (kind) }
                @if let Some(speaker) = &hit.speaker { " · " (speaker) }
                " · " (hit.outlet.as_deref().unwrap_or("unknown outlet"))
                @if let Some(date) = &hit.published { " · " time datetime=(date) { (date) } }
            }
            p.hit-snippet { (marked_snippet(&hit.snippet, &hit.highlights)) }
        }
    }
}

/// The snippet with each highlighted byte range in `<mark>`: ranges are
/// snapped to character boundaries, sorted and merged, so bad or
/// overlapping ranges never break the text or the markup.
fn marked_snippet(snippet: &str, highlights: &[[usize; 2]]) -> Markup {
    let mut ranges: Vec<(usize, usize)> = highlights
        .iter()
        .filter(|[start, end]| start <= end)
        .filter_map(|&[start, end]| snap(snippet, Span { start, end }))
        .collect();
    ranges.sort_unstable();
    let mut merged: Vec<(usize, usize)> = Vec::new();
    for (start, end) in ranges {
        match merged.last_mut() {
            Some(last) if start <= last.1 => last.1 = last.1.max(end),
            _ => merged.push((start, end)),
        }
    }
    // (text, marked) pieces in order.
    let mut pieces: Vec<(&str, bool)> = Vec::new();
    let mut at = 0;
    for (start, end) in merged {
        pieces.push((&snippet[at..start], false));
        pieces.push((&snippet[start..end], true));
        at = end;
    }
    pieces.push((&snippet[at..], false));
    html! {
        @for (text, marked) in pieces {
            @if marked { mark { (text) } } @else { (text) }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snippet_marks_merge_and_escape() {
        let html = marked_snippet("<b>Sybiha</b> met Sybiga", &[[3, 9], [18, 24], [5, 7]]).into_string();
        assert_eq!(
            html,
            "&lt;b&gt;<mark>Sybiha</mark>&lt;/b&gt; met <mark>Sybiga</mark>"
        );
    }

    #[test]
    fn snippet_marks_never_split_a_character() {
        // "é" is two bytes (1..3); a range ending inside it is widened.
        let html = marked_snippet("Kévin", &[[0, 2], [40, 50], [4, 2]]).into_string();
        assert_eq!(html, "<mark>Ké</mark>vin");
    }

    #[test]
    fn facet_links_refine_and_reset_the_page() {
        let params = SearchPageParams {
            q: "talks".into(),
            outlet: "Eastbridge Herald".into(),
            page: Some("3".into()),
            ..SearchPageParams::default()
        };
        assert_eq!(
            params.url_with(&[("entity", "person:sybiha-andrii")]),
            "/search?q=talks&outlet=Eastbridge+Herald&entity=person%3Asybiha-andrii"
        );
        assert_eq!(params.url_with(&[("outlet", "")]), "/search?q=talks");
        assert_eq!(
            params.url_with(&[("page", "2")]),
            "/search?q=talks&outlet=Eastbridge+Herald&page=2"
        );
    }
}
