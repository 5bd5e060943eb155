//! Calls for action in someone's words: "It's time to hit the Russian war
//! machine with severe new sanctions," Sybiha said; "Russia must withdraw
//! its troops," Zelenskyy said. The speaker demands the action, so the event
//! is the demand (CAMEO 10): made by the speaker, aimed at the doer the call
//! names, else at the action's target. The action itself is not coded: a
//! call for sanctions is not an act of sanctioning.

/// Modals that make an action a call ("must withdraw", "should stop").
const CALL_MODALS: &[&str] = &["MUST", "SHOULD"];

/// Verbs that make an action a call with "to" ("needs to", "has to").
const CALL_NEEDS: &[&str] = &["NEED", "NEEDS", "HAVE", "HAS"];

/// Negations: "must not attack" is a call too, but for restraint, which
/// the action's code does not say; it is left as a negated action.
const NEGATIONS: &[&str] = &["NOT", "N'T", "NEVER"];

/// True when the verb group `[group_start, verb_start)` (in a clause
/// starting at `lo`) calls for the action: "it's time to", "must", "should",
/// "needs to", "has to".
pub fn is_call(words: &[String], group_start: usize, verb_start: usize, lo: usize) -> bool {
    let group = words.get(group_start..verb_start).unwrap_or(&[]);
    if group.iter().any(|w| NEGATIONS.contains(&w.as_str())) {
        return false;
    }
    let lead = words
        .get(group_start.saturating_sub(2).max(lo)..group_start)
        .unwrap_or(&[]);
    let time_to = lead.last().is_some_and(|w| w == "TIME") && group.first().is_some_and(|w| w == "TO");
    let modal = group.iter().any(|w| CALL_MODALS.contains(&w.as_str()));
    let needs_to = group
        .windows(2)
        .any(|p| CALL_NEEDS.contains(&p[0].as_str()) && p[1] == "TO");
    time_to || modal || needs_to
}

/// The CAMEO demand for an action: a meeting (04, 036) → 108 (demand meeting,
/// negotiation), de-escalation or a ceasefire → 1056, aid → 103, yielding →
/// 105, anything else → 100 (make a demand).
pub fn demand_code(action: &str) -> &'static str {
    if action.starts_with("087") {
        "1056"
    } else if action.starts_with("04") || action.starts_with("036") {
        "108"
    } else if action.starts_with("07") {
        "103"
    } else if action.starts_with("08") {
        "105"
    } else {
        "100"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<String> {
        text.split_whitespace().map(str::to_uppercase).collect()
    }

    #[test]
    fn calls_and_their_demands() {
        let w = words("It 's time to hit the Russian war machine");
        assert!(is_call(&w, 3, 4, 0));
        let w = words("Russia must withdraw");
        assert!(is_call(&w, 1, 2, 0));
        let w = words("Russia must not attack");
        assert!(!is_call(&w, 1, 3, 0));
        let w = words("Russia has agreed to withdraw");
        assert!(!is_call(&w, 1, 4, 0), "'has agreed to' is no call");
        let w = words("Russia launched drones");
        assert!(!is_call(&w, 1, 1, 0));
        assert_eq!(
            (demand_code("163"), demand_code("0871"), demand_code("036")),
            ("100", "1056", "108")
        );
    }
}
