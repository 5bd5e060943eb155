//! Metadata of a scraped text with provenance: the header's statements
//! first, then what the page's chrome said (masthead, byline, bio, credit
//! and date lines, gathered by the boilerplate rules as [`Findings`]).
//! Nothing is guessed: a field nobody stated stays empty.

use parallax_core::{Outlet, PublishedDate};

use super::boilerplate::Findings;
use super::header::Header;
use crate::credits::split_credits;
use crate::metadata::{domain_of, PageMetadata};
use crate::outlets::{outlet_by_name, outlet_for_domain};

/// Combines header statements and chrome findings into page metadata.
pub fn text_metadata(header: &Header, findings: &Findings) -> PageMetadata {
    let (mut authors, mut agencies) = match &header.byline {
        Some(byline) => {
            let credits = split_credits(byline);
            (credits.authors, credits.agencies)
        }
        None => (Vec::new(), Vec::new()),
    };
    if authors.is_empty() {
        authors = findings.authors.clone();
    }
    for agency in &findings.agencies {
        if !agencies.iter().any(|a| a.eq_ignore_ascii_case(agency)) {
            agencies.push(agency.clone());
        }
    }
    PageMetadata {
        title: header.title.clone().or_else(|| findings.title.clone()),
        url: header.url.clone(),
        outlet: outlet(header, findings),
        authors,
        agencies,
        published: header
            .published
            .clone()
            .or_else(|| findings.published.clone())
            .unwrap_or_else(PublishedDate::unknown),
        language: None,
    }
}

/// The outlet from the `source` header, else the `url` header's domain,
/// else a masthead or bio in the text. The domain comes from the URL when
/// there is one, else from the outlet lexicon.
fn outlet(header: &Header, findings: &Findings) -> Outlet {
    let url_domain = header.url.as_deref().and_then(domain_of);
    let (name, provenance) = if let Some(source) = &header.source {
        (Some(source.clone()), "header")
    } else if let Some(domain) = &url_domain {
        (outlet_for_domain(domain).map(str::to_owned), "url")
    } else if let Some(name) = findings.outlet_names.first() {
        (Some(name.clone()), "text")
    } else {
        return Outlet::default();
    };
    let known = name.as_deref().and_then(outlet_by_name);
    let name = known.as_ref().map(|(name, _)| name.to_string()).or(name);
    let domain = url_domain.or_else(|| known.map(|(_, domain)| domain.to_string()));
    Outlet {
        name,
        domain,
        provenance: Some(provenance.to_owned()),
    }
}
