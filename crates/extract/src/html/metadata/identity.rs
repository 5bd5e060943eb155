//! Which page this is and who publishes it: the canonical URL
//! (`<link rel=canonical>`, `og:url`, JSON-LD `url`, else the URL the page
//! was fetched from) and the outlet (`og:site_name`, JSON-LD publisher,
//! else the outlet table's entry for the domain).

use parallax_core::Outlet;

use super::json_ld::JsonLdFacts;
use super::meta_tags::MetaTags;
use crate::metadata::domain_of;
use crate::outlets::{outlet_by_name, outlet_for_domain_with_home};

/// The page's canonical absolute http(s) URL, resolving relative links
/// against the fetch URL.
pub fn canonical_url(meta: &MetaTags, json_ld: &JsonLdFacts, fetched: Option<&str>) -> Option<String> {
    let base = fetched.and_then(|u| url::Url::parse(u).ok());
    let declared = [
        meta.canonical(),
        meta.first(&["og:url"]).map(|(_, v)| v),
        json_ld.url.as_deref(),
    ];
    declared
        .into_iter()
        .flatten()
        .chain(fetched)
        .find_map(|candidate| absolute_http_url(candidate, base.as_ref()))
}

fn absolute_http_url(candidate: &str, base: Option<&url::Url>) -> Option<String> {
    let parsed = match url::Url::parse(candidate.trim()) {
        Ok(url) => url,
        Err(url::ParseError::RelativeUrlWithoutBase) => base?.join(candidate.trim()).ok()?,
        Err(_) => return None,
    };
    matches!(parsed.scheme(), "http" | "https").then(|| parsed.to_string())
}

/// The outlet: a name the page states (canonicalised when the outlet table
/// knows it), else the table's outlet for the domain; the domain from the
/// URL, else from the table.
pub fn page_outlet(meta: &MetaTags, json_ld: &JsonLdFacts, url: Option<&str>) -> Outlet {
    let url_domain = url.and_then(domain_of);
    let by_domain = url_domain.as_deref().and_then(outlet_for_domain_with_home);
    let stated = meta
        .first(&["og:site_name", "application-name", "al:ios:app_name"])
        .map(|(_, name)| (name.to_owned(), "meta"))
        .or_else(|| json_ld.publisher.clone().map(|name| (name, "json-ld")));
    let (name, provenance) = match (stated, by_domain) {
        (Some((name, provenance)), by_domain) => {
            // The table's spelling when the stated name is a known outlet or
            // names the domain's outlet, so that articles of one outlet agree.
            let known = outlet_by_name(&name).map(|(n, _)| n).or_else(|| {
                by_domain
                    .map(|(n, _)| n)
                    .filter(|n| outlet_by_name(&name).is_none() && same_name(n, &name))
            });
            (Some(known.map_or(name, str::to_owned)), provenance)
        }
        (None, Some((name, _))) => (Some(name.to_owned()), "url"),
        (None, None) => (None, "url"),
    };
    let domain = url_domain.or_else(|| {
        name.as_deref()
            .and_then(outlet_by_name)
            .map(|(_, d)| d.to_owned())
    });
    if name.is_none() && domain.is_none() {
        return Outlet::default();
    }
    Outlet {
        name,
        domain,
        provenance: Some(provenance.to_owned()),
    }
}

/// "BBC" and "BBC News" or "The Guardian" and "Guardian" name the same outlet.
fn same_name(a: &str, b: &str) -> bool {
    let simple = |s: &str| s.to_lowercase().trim_start_matches("the ").replace(' ', "");
    let (a, b) = (simple(a), simple(b));
    !a.is_empty() && !b.is_empty() && (a.starts_with(&b) || b.starts_with(&a))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::html::dom::Dom;
    use crate::html::metadata::json_ld::json_ld_facts;

    fn parts(html: &str) -> (MetaTags, JsonLdFacts) {
        let dom = Dom::parse(html);
        (MetaTags::read(&dom), json_ld_facts(&dom))
    }

    #[test]
    fn canonical_link_wins_and_relative_links_resolve() {
        let (meta, ld) = parts(
            r#"<link rel="canonical" href="/world/a"><meta property="og:url" content="https://x.com/b">"#,
        );
        assert_eq!(
            canonical_url(&meta, &ld, Some("https://example.com/amp/a")).as_deref(),
            Some("https://example.com/world/a")
        );
        let (meta, ld) = parts(r#"<link rel="canonical" href="javascript:void(0)">"#);
        assert_eq!(
            canonical_url(&meta, &ld, Some("https://example.com/a")).as_deref(),
            Some("https://example.com/a")
        );
        assert_eq!(canonical_url(&meta, &ld, None), None);
    }

    #[test]
    fn outlet_from_site_name_publisher_or_domain() {
        let (meta, ld) = parts(r#"<meta property="og:site_name" content="BBC">"#);
        let outlet = page_outlet(&meta, &ld, Some("https://www.bbc.co.uk/news/x"));
        assert_eq!(outlet.name.as_deref(), Some("BBC News"));
        assert_eq!(outlet.domain.as_deref(), Some("bbc.co.uk"));
        assert_eq!(outlet.provenance.as_deref(), Some("meta"));

        let (meta, ld) = parts(
            r#"<script type="application/ld+json">{"@type":"NewsArticle","publisher":{"name":"Small Town Gazette"}}</script>"#,
        );
        let outlet = page_outlet(&meta, &ld, Some("https://gazette.example/x"));
        assert_eq!(outlet.name.as_deref(), Some("Small Town Gazette"));
        assert_eq!(outlet.provenance.as_deref(), Some("json-ld"));

        let (meta, ld) = parts("");
        let outlet = page_outlet(&meta, &ld, Some("https://edition.cnn.com/2025/09/04/x"));
        assert_eq!(
            (outlet.name.as_deref(), outlet.provenance.as_deref()),
            (Some("CNN"), Some("url"))
        );
        assert!(page_outlet(&meta, &ld, None).is_unknown());
    }
}
