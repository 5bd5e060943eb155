//! `paywall-promo`: subscription and app promos, and the sign-up prompt that
//! stands where a paywalled article continues (which flags the article
//! [`Flag::Paywalled`](parallax_core::Flag::Paywalled)).
//!
//! Promos the lexicon cannot list word for word ("Get the Harbour Gazette
//! app for breaking news alerts", "Harbour Radio app: news on the hour") are
//! recognised by shape, but only at the page's edges (above the first
//! paragraph, below the last), where the article cannot be: an imperative
//! addressed to the reader offering an app, newsletter or alerts, or a named
//! app announced with a colon and a promise of news. The name before "app"
//! is the outlet's.

use once_cell::sync::Lazy;
use regex::Regex;

use super::lexicon::{classify, Section};
use super::{agency, Page};

/// Rule name for promo lines.
pub const RULE: &str = "paywall-promo";

/// Removes every whole line that is a promo or paywall prompt.
pub fn remove_promos(page: &mut Page) {
    for i in 0..page.len() {
        if matches!(
            classify(page.text(i)),
            Some(Section::PaywallGate | Section::PaywallPromo)
        ) {
            page.remove(i, RULE);
        }
    }
}

/// Promos are short; a longer line at the edge is something else.
const MAX_EDGE_PROMO_WORDS: usize = 14;

/// "Download our app", "Sign up for breaking news alerts": an imperative
/// only promos address to the reader, then what is on offer.
static READER_PROMPT: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)^(?:download|install|subscribe|sign\s+up|never\s+miss|turn\s+on|enable)\b.*\b(?:app|apps|newsletters?|alerts|notifications|podcasts?|subscription|edition)\b")
        .expect("reader prompt pattern is valid")
});

/// "Get the Harbour Gazette app …", "Get our morning newsletter": "get"
/// opens headlines too ("Get paid faster with new banking app"), so the
/// offer must be the outlet's own ("the …", "our …").
static GET_OUR_OFFER: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"(?i)^get\s+(?:the|our)\s+(?:[\w'’&.-]+\s+){0,4}(?:app|apps|newsletters?|alerts|notifications|podcasts?)\b")
        .expect("get-our-offer pattern is valid")
});

/// "Harbour Radio app: news on the hour": a named app introduced by a
/// colon or dash and promising news ("TikTok app: what parents need to
/// know" is a headline).
static NAMED_APP: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"^\p{Lu}[\p{L}'’&.-]*(?:\s+\p{Lu}[\p{L}'’&.-]*){0,3}\s+(?i:app)\s*[:–—-]\s*(?i:.*\b(?:news|headlines|updates|bulletins|alerts|breaking|latest|live|podcasts?)\b)")
        .expect("named app pattern is valid")
});

/// The capitalised name directly before "app" ("the Harbour Gazette app").
static APP_OWNER: Lazy<Regex> = Lazy::new(|| {
    Regex::new(r"\b(?P<name>\p{Lu}[\p{L}'’&.-]*(?:\s+\p{Lu}[\p{L}'’&.-]*){0,3})\s+(?i:app)\b")
        .expect("app owner pattern is valid")
});

/// Words that name a platform or address the reader, not a news outlet
/// ("the Apple News app", "Get App").
const NOT_OUTLET_WORDS: &[&str] = &[
    "apple", "google", "android", "ios", "iphone", "ipad", "play", "store", "windows", "get", "download",
    "install", "our", "the", "free", "new", "mobile", "official",
];

/// Removes app, newsletter and alert promos above the first paragraph and
/// below the last one, and records the outlet an app promo names.
pub fn remove_edge_promos(page: &mut Page) {
    let Some(first) = page.first_prose() else {
        return;
    };
    let last = page.last_prose().unwrap_or(first);
    for i in (0..first).chain(last + 1..page.len()) {
        let text = page.text(i);
        let is_promo = page.line(i).word_count() <= MAX_EDGE_PROMO_WORDS
            && [&READER_PROMPT, &GET_OUR_OFFER, &NAMED_APP]
                .iter()
                .any(|p| p.is_match(text));
        if !page.is_open(i) || !is_promo {
            continue;
        }
        if let Some(outlet) = app_owner(text) {
            page.findings.add_outlet(&outlet);
        }
        page.remove(i, RULE);
    }
}

/// The outlet whose app a promo offers, unless the name is a platform's.
fn app_owner(text: &str) -> Option<String> {
    let name = APP_OWNER.captures(text)?.name("name")?.as_str().to_owned();
    let platform = name
        .split_whitespace()
        .any(|w| NOT_OUTLET_WORDS.contains(&w.to_lowercase().as_str()));
    (!platform).then_some(name)
}

/// Records a paywall when a gate prompt comes after the last line of the
/// article. A prompt before the article (a promo banner at the top) is not
/// evidence that the article is cut, and neither is one below a wire credit
/// ("- AFP", "Additional reporting by …"): the credit is the last line of
/// the full article text, so a prompt past it is a site-wide banner. (An
/// author bio is no such evidence: templates show it on cut pages too.)
pub fn detect_paywall_gate(page: &mut Page) {
    let Some(last_open) = (0..page.len()).rev().find(|&i| page.is_open(i)) else {
        page.findings.paywall_gate = false;
        return;
    };
    let closed_after_body =
        |gate: usize| (last_open + 1..gate).any(|j| matches!(page.removal(j), Some(agency::RULE)));
    let gate_after_body = (last_open + 1..page.len()).any(|i| {
        page.removal(i) == Some(RULE)
            && classify(page.text(i)) == Some(Section::PaywallGate)
            && !closed_after_body(i)
    });
    page.findings.paywall_gate = gate_after_body;
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{reason_for, run};

    const PAYWALLED: &str = "Read every title you love.\nOne app.\n\n\
        The harbour authority approved the new ferry timetable on Tuesday after months of talks.\n\n\
        Ferries will run every 20 minutes at peak times, the authority said.\n\n\
        Sign up to continue reading\nAlready a subscriber? Sign in here\nTry 30 days free";

    #[test]
    fn removes_promos_and_flags_the_gate() {
        let (page, verdicts) = run(PAYWALLED);
        assert_eq!(reason_for(&verdicts, "One app."), Some("paywall-promo"));
        assert_eq!(
            reason_for(&verdicts, "Sign up to continue reading"),
            Some("paywall-promo")
        );
        assert_eq!(reason_for(&verdicts, "Try 30 days free"), Some("paywall-promo"));
        assert!(page.findings.paywall_gate);
    }

    #[test]
    fn keeps_a_paragraph_that_talks_about_subscriptions() {
        let text = "The paper said readers who sign up to read this article online will pay more.\n\n\
            One app was enough, the minister joked, to run the whole ministry.";
        let (page, verdicts) = run(text);
        assert!(verdicts.iter().all(|(_, reason)| reason.is_none()));
        assert!(!page.findings.paywall_gate);
    }

    const STORY: &str =
        "The harbour authority approved the new ferry timetable on Tuesday after months of talks.\n\n\
        Ferries will run every 20 minutes at peak times, the authority said.";

    #[test]
    fn removes_app_and_alert_promos_at_the_edges_and_names_the_outlet() {
        let top = "Harbour Radio app: local news and traffic every ten minutes";
        let bottom = "Get the Harbour Radio app for breaking news alerts";
        let text = format!("{top}\n\nFerry timetable approved after months of talks\n\n{STORY}\n\n{bottom}");
        let (page, verdicts) = run(&text);
        assert_eq!(reason_for(&verdicts, top), Some("paywall-promo"));
        assert_eq!(reason_for(&verdicts, bottom), Some("paywall-promo"));
        assert_eq!(page.findings.outlet_names, ["Harbour Radio"]);
        assert_eq!(
            page.findings.title.as_deref(),
            Some("Ferry timetable approved after months of talks")
        );
    }

    #[test]
    fn keeps_headlines_and_paragraphs_that_mention_apps() {
        let headline = "Get paid faster with the new council app";
        let inside = "Get the app, the mayor told residents, and report every pothole you see";
        let text = format!("{headline}\n\n{STORY}\n\n{inside}\n\n{STORY}");
        let (page, verdicts) = run(&text);
        assert_eq!(reason_for(&verdicts, headline), Some("title"));
        assert_eq!(reason_for(&verdicts, inside), None);
        assert!(page.findings.outlet_names.is_empty());
        let headline = "Harbour Pass app: what parents need to know";
        let (_, verdicts) = run(&format!("{headline}\n\n{STORY}"));
        assert_eq!(reason_for(&verdicts, headline), Some("title"));
    }

    #[test]
    fn a_prompt_below_a_closing_credit_is_no_paywall() {
        let text =
            format!("{STORY}\n\nAdditional reporting by Agence France-Presse\nSubscribe to continue reading");
        let (page, verdicts) = run(&text);
        assert_eq!(
            reason_for(&verdicts, "Subscribe to continue reading"),
            Some("paywall-promo")
        );
        assert!(!page.findings.paywall_gate);
    }

    #[test]
    fn a_promo_banner_before_the_article_is_no_paywall() {
        let text =
            "Subscribe to continue reading\n\nThe harbour authority approved the timetable on Tuesday.";
        let (page, _) = run(text);
        assert!(!page.findings.paywall_gate);
    }
}
