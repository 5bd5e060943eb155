//! `paywall-promo`: subscription and app promos, and the sign-up prompt that
//! stands where a paywalled article continues (which flags the article
//! [`Flag::Paywalled`](parallax_core::Flag::Paywalled)).

use super::lexicon::{classify, Section};
use super::Page;

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

/// Records a paywall when a gate prompt comes after the last line of the
/// article. A prompt before the article (a promo banner at the top) is not
/// evidence that the article is cut.
pub fn detect_paywall_gate(page: &mut Page) {
    let last_open = (0..page.len()).rev().find(|&i| page.is_open(i));
    let gate_after_body = (0..page.len()).any(|i| {
        page.removal(i) == Some(RULE)
            && classify(page.text(i)) == Some(Section::PaywallGate)
            && last_open.is_some_and(|last| i > last)
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

    #[test]
    fn a_promo_banner_before_the_article_is_no_paywall() {
        let text =
            "Subscribe to continue reading\n\nThe harbour authority approved the timetable on Tuesday.";
        let (page, _) = run(text);
        assert!(!page.findings.paywall_gate);
    }
}
