//! Dates embedded in URL paths: "/2025/09/04/", "/2025/sep/04/",
//! "/2025-09-04-slug", "/20250904/", and "/2025/09/" (month precision).
//!
//! Only the path is read (never the host or query, where numbers are IDs),
//! and years outside 1995–2099 are ignored: news URLs with dates in them do
//! not predate the web.

use once_cell::sync::Lazy;
use parallax_core::{DateProvenance, PublishedDate};
use regex::Regex;

use super::months::month_number;

static SLASHED_DAY: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"/((\d{4})/(\d{1,2}|[A-Za-z]{3,9})/(\d{1,2}))(?:/|$|\.html?|[_-][^\d])")
        .expect("valid pattern")
});
static DASHED_DAY: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"(?:^|[/_-])((\d{4})-(\d{2})-(\d{2}))(?:[/_.-]|$)").expect("valid pattern"));
static COMPACT_DAY: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"(?:^|[/_-])((\d{4})(\d{2})(\d{2}))(?:[/_.-]|$)").expect("valid pattern"));
static SLASHED_MONTH: Lazy<Regex> =
    Lazy::new(|| Regex::new(r"/((\d{4})/(\d{1,2}|[A-Za-z]{3,9}))(?:/|$)").expect("valid pattern"));

/// Date in a URL path: /2025/09/04/, /2025-09-04-, /20250904/, /2025/09/ (month precision).
pub fn date_from_url(url: &str) -> Option<PublishedDate> {
    let path = path_of(url);
    for pattern in [&*SLASHED_DAY, &*DASHED_DAY, &*COMPACT_DAY] {
        for caps in pattern.captures_iter(&path) {
            let (Some(raw), Some(year), Some(month), Some(day)) =
                (caps.get(1), caps.get(2), caps.get(3), caps.get(4))
            else {
                continue;
            };
            let (Some(year), Some(month)) = (url_year(year.as_str()), url_month(month.as_str())) else {
                continue;
            };
            let Ok(day) = day.as_str().parse::<u32>() else {
                continue;
            };
            if chrono::NaiveDate::from_ymd_opt(year, month, day).is_some() {
                return Some(
                    PublishedDate::day(year, month, day, DateProvenance::Url).with_raw(raw.as_str()),
                );
            }
        }
    }
    SLASHED_MONTH.captures_iter(&path).find_map(|caps| {
        let year = url_year(caps.get(2)?.as_str())?;
        let month = url_month(caps.get(3)?.as_str())?;
        Some(PublishedDate::month(year, month, DateProvenance::Url).with_raw(caps.get(1)?.as_str()))
    })
}

/// The path of an absolute URL, or the text itself when it is not one.
fn path_of(url: &str) -> String {
    match url::Url::parse(url) {
        Ok(parsed) => parsed.path().to_owned(),
        Err(_) => url.split(['?', '#']).next().unwrap_or_default().to_owned(),
    }
}

fn url_year(text: &str) -> Option<i32> {
    let year: i32 = text.parse().ok()?;
    (1995..=2099).contains(&year).then_some(year)
}

fn url_month(text: &str) -> Option<u32> {
    match text.parse::<u32>() {
        Ok(m) => (1..=12).contains(&m).then_some(m),
        Err(_) => month_number(text),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use parallax_core::DatePrecision;

    fn date(url: &str) -> Option<String> {
        date_from_url(url).and_then(|d| d.date)
    }

    #[test]
    fn reads_day_forms() {
        assert_eq!(
            date("https://example.com/2025/09/04/slug/").as_deref(),
            Some("2025-09-04")
        );
        assert_eq!(
            date("https://example.com/world/2025/sep/04/slug").as_deref(),
            Some("2025-09-04")
        );
        assert_eq!(
            date("https://example.com/news/2025-09-04-slug").as_deref(),
            Some("2025-09-04")
        );
        assert_eq!(
            date("https://example.com/a/20250904/slug.html").as_deref(),
            Some("2025-09-04")
        );
        assert_eq!(date("/2025/9/4/slug").as_deref(), Some("2025-09-04"));
        let d = date_from_url("https://example.com/2025/09/04/x").expect("date");
        assert_eq!(d.provenance, Some(DateProvenance::Url));
        assert_eq!(d.raw.as_deref(), Some("2025/09/04"));
    }

    #[test]
    fn reads_month_form() {
        let d = date_from_url("https://example.com/2025/09/slug").expect("month");
        assert_eq!(d.date.as_deref(), Some("2025-09"));
        assert_eq!(d.precision, Some(DatePrecision::Month));
    }

    #[test]
    fn ignores_ids_hosts_queries_and_impossible_dates() {
        assert_eq!(date("https://example.com/article/123456789/slug"), None);
        assert_eq!(date("https://example.com/story?date=2025-09-04"), None);
        assert_eq!(date("https://2025-09-04.example.com/x"), None);
        assert_eq!(date("https://example.com/2025/13/40/x"), None);
        assert_eq!(date("https://example.com/1800/01/01/x"), None);
        assert_eq!(date("https://example.com/item-20251399"), None);
        assert_eq!(date("not a url"), None);
        assert_eq!(date(""), None);
    }

    proptest::proptest! {
        #[test]
        fn never_panics(url in "\\PC{0,80}") {
            let _ = date_from_url(&url);
        }
    }
}
