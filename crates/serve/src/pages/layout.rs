//! What every page shares: the HTML shell (head, skip link, header with the
//! navigation and a search box, footer), pagination, and the small pieces
//! several pages draw the same way (dates and their precision, page numbers).

use maud::{html, Markup, DOCTYPE};
use parallax_core::DatePrecision;

use super::assets;

/// Which navigation entry is the current page (marked `aria-current`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    Stories,
    Search,
    Ingest,
    /// A page not reached from the navigation (an article, an entity, an error).
    Other,
}

/// A whole page: `title` for the tab, `content` inside `<main id="main">`.
pub fn page(title: &str, section: Section, content: Markup) -> Markup {
    let nav = [
        (Section::Stories, "/", "Stories"),
        (Section::Search, "/search", "Search"),
        (Section::Ingest, "/ingest", "Ingest"),
    ];
    html! {
        (DOCTYPE)
        html lang="en" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (title) " — Parallax" }
                link rel="stylesheet" href=(assets::STYLE.url());
                script defer src=(assets::SCRIPT.url()) {}
            }
            body {
                a.skip-link href="#main" { "Skip to content" }
                header.site-header {
                    a.brand href="/" { "Parallax" }
                    nav aria-label="Main" {
                        ul {
                            @for (entry, href, label) in nav {
                                li {
                                    a href=(href) aria-current=[(entry == section).then_some("page")] { (label) }
                                }
                            }
                        }
                    }
                    form.header-search role="search" action="/search" method="get" {
                        label.visually-hidden for="header-search" { "Search articles" }
                        input #header-search type="search" name="q" placeholder="Search articles…";
                        button type="submit" { "Search" }
                    }
                }
                main #main tabindex="-1" { (content) }
                footer.site-footer {
                    p {
                        "Parallax — every line cites the articles it comes from. "
                        a href="/api/openapi.json" { "JSON API" }
                    }
                }
            }
        }
    }
}

/// A date with its precision spelt out when it is not a full day, and a
/// marker when it is only a guess (a publication date standing in).
pub fn date(date: Option<&str>, precision: Option<DatePrecision>, guessed: bool) -> Markup {
    html! {
        @match date {
            Some(date) => {
                time datetime=(date) { (date) }
                @if let Some(precision @ (DatePrecision::Year | DatePrecision::Month)) = precision {
                    " " span.precision { "(" (precision_name(precision)) ")" }
                }
                @if guessed {
                    " " span.guess title="No sentence states this date: it is the publication date." { "(publication date)" }
                }
            }
            None => span.unknown { "undated" }
        }
    }
}

/// `day`, `month` or `year`.
pub fn precision_name(precision: DatePrecision) -> &'static str {
    match precision {
        DatePrecision::Day => "day",
        DatePrecision::Month => "month",
        DatePrecision::Year => "year",
    }
}

/// The span of dates of a listing line ("2025-06-01 – 2025-06-04").
pub fn date_range(first: Option<&str>, last: Option<&str>) -> Markup {
    html! {
        @match (first, last) {
            (Some(first), Some(last)) if first != last => {
                time datetime=(first) { (first) } " – " time datetime=(last) { (last) }
            }
            (Some(date), _) | (None, Some(date)) => time datetime=(date) { (date) },
            (None, None) => span.unknown { "undated" },
        }
    }
}

/// One page of a listing: where it stands, previous/next links and the
/// page numbers around the current one. `url(n)` links page `n` (1-based).
/// `at_least`: `total` is a lower bound (a search that stopped counting),
/// so the last page is the last one counted.
pub fn pagination(
    total: u64,
    at_least: bool,
    offset: u64,
    per_page: u64,
    url: impl Fn(u64) -> String,
) -> Markup {
    if per_page == 0 || total <= per_page {
        return html! {};
    }
    let pages = total.div_ceil(per_page);
    let current = offset / per_page + 1;
    let window = current.saturating_sub(2).max(1)..=(current + 2).min(pages);
    html! {
        nav.pagination aria-label="Pages" {
            @if current > 1 {
                a rel="prev" href=(url(current - 1)) { "← Previous" }
            }
            @if *window.start() > 1 {
                a href=(url(1)) { "1" }
                @if *window.start() > 2 { span.gap { "…" } }
            }
            @for n in window.clone() {
                @if n == current {
                    span.current aria-current="page" { (n) }
                } @else {
                    a href=(url(n)) { (n) }
                }
            }
            @if *window.end() < pages {
                @if *window.end() + 1 < pages { span.gap { "…" } }
                a href=(url(pages)) { (pages) }
            }
            @if current < pages {
                a rel="next" href=(url(current + 1)) { "Next →" }
            }
            span.page-status {
                "page " (current) " of " (pages) @if at_least { "+" }
                " (" (total) @if at_least { "+" } " in all)"
            }
        }
    }
}

/// "1 article", "3 articles": a count with its noun in the right number.
pub fn count(n: impl Into<u64>, singular: &str, plural: &str) -> String {
    let n = n.into();
    format!("{n} {}", if n == 1 { singular } else { plural })
}

/// The 1-based page number of a `?page=` parameter (absent or blank = 1).
pub fn page_number(page: Option<&str>) -> Result<u64, crate::ApiError> {
    match page.map(str::trim).filter(|page| !page.is_empty()) {
        None => Ok(1),
        Some(text) => text.parse::<u64>().ok().filter(|&n| n >= 1).ok_or_else(|| {
            crate::ApiError::bad_request(format!("page must be a number from 1 (got {text:?})"))
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pagination_links_neighbours_and_ends() {
        let html = pagination(200, false, 100, 20, |n| format!("/?page={n}")).into_string();
        assert!(html.contains("rel=\"prev\" href=\"/?page=5\""), "{html}");
        assert!(html.contains("rel=\"next\" href=\"/?page=7\""), "{html}");
        assert!(html.contains("href=\"/?page=1\""));
        assert!(html.contains("href=\"/?page=10\""));
        assert!(html.contains("aria-current=\"page\">6<"));
        assert!(html.contains("page 6 of 10 (200 in all)"));
        let counted = pagination(10_000, true, 0, 20, |n| format!("/?page={n}")).into_string();
        assert!(counted.contains("page 1 of 500+ (10000+ in all)"), "{counted}");
    }

    #[test]
    fn one_page_needs_no_pagination() {
        assert!(pagination(20, false, 0, 20, |n| n.to_string())
            .into_string()
            .is_empty());
    }

    #[test]
    fn page_numbers_are_checked() {
        assert_eq!(page_number(None).unwrap(), 1);
        assert_eq!(page_number(Some("")).unwrap(), 1);
        assert_eq!(page_number(Some("3")).unwrap(), 3);
        assert!(page_number(Some("0")).is_err());
        assert!(page_number(Some("x")).is_err());
    }

    #[test]
    fn counts_agree_in_number() {
        assert_eq!(count(1u64, "article", "articles"), "1 article");
        assert_eq!(count(0u64, "article", "articles"), "0 articles");
        assert_eq!(count(12u64, "story", "stories"), "12 stories");
    }

    #[test]
    fn coarse_and_guessed_dates_say_so() {
        let html = date(Some("2025-06"), Some(DatePrecision::Month), true).into_string();
        assert!(html.contains("<time datetime=\"2025-06\">2025-06</time>"));
        assert!(html.contains("(month)"));
        assert!(html.contains("(publication date)"));
        assert!(date(None, None, false).into_string().contains("undated"));
    }
}
