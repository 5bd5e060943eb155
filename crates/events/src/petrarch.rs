//! Test mode: codes plain sentences against PETRARCH-format actor, agent and
//! verb dictionaries (the fictional world of PETRARCH's unit tests), so the
//! coder can be measured on that suite. Actors come from dictionary phrases
//! here instead of the entity layer; everything else is the shared coder.

use crate::coder::code_sentence;
use crate::dictionary::actors::{ActorDictionary, AgentCode, AgentDictionary};
use crate::dictionary::verbs::VerbDictionary;

/// A coder over PETRARCH-format dictionaries.
pub struct PetrarchCoder {
    verbs: VerbDictionary,
    actors: ActorDictionary,
    agents: AgentDictionary,
    discards: Vec<Vec<String>>,
}

/// One coded event as PETRARCH reports it: source, target, code.
pub type Triple = (String, String, String);

/// Words that attach an agent to the actor after it ("ambassadors of Arnor").
const AGENT_LINKS: &[&str] = &["OF", "IN", "FROM", "FOR"];

impl PetrarchCoder {
    /// Builds a coder from dictionary texts.
    pub fn new(verbs: &str, actors: &str, agents: &str) -> PetrarchCoder {
        let mut dict = VerbDictionary::default();
        dict.add(verbs);
        PetrarchCoder {
            verbs: dict,
            actors: ActorDictionary::parse(actors),
            agents: AgentDictionary::parse(agents),
            discards: Vec::new(),
        }
    }

    /// Adds a discard list (one phrase a line, `+` for story-level): a
    /// sentence containing one of the phrases (sports, weather) codes nothing.
    pub fn with_discards(mut self, text: &str) -> PetrarchCoder {
        self.discards = text
            .lines()
            .map(|l| l.split('#').next().unwrap_or("").trim().trim_start_matches('+'))
            .filter(|l| !l.is_empty() && !l.starts_with('<'))
            .map(crate::words::upper_words)
            .filter(|w| !w.is_empty())
            .collect();
        self
    }

    /// Codes one sentence dated `date` (`YYYYMMDD`); like PETRARCH with
    /// `require_dyad`, only events with both a source and a target.
    pub fn code(&self, sentence: &str, date: u32) -> Vec<Triple> {
        let words = crate::words::upper_words(sentence);
        if self
            .discards
            .iter()
            .any(|d| words.windows(d.len()).any(|w| w == d.as_slice()))
        {
            return Vec::new();
        }
        let slots = self.actor_slots(&words, date);
        let ranges: Vec<(usize, usize)> = slots.iter().map(|s| (s.0, s.1)).collect();
        let mut triples = Vec::new();
        for event in code_sentence(&self.verbs, &words, &ranges) {
            for &s in &event.sources {
                for &t in &event.targets {
                    for sc in &slots[s].2 {
                        // An actor does not act on itself.
                        for tc in slots[t].2.iter().filter(|tc| *tc != sc) {
                            if let Some(code) = &event.forward {
                                triples.push((sc.clone(), tc.clone(), code.clone()));
                            }
                            if let Some(code) = &event.reverse {
                                triples.push((tc.clone(), sc.clone(), code.clone()));
                            }
                        }
                    }
                }
            }
        }
        triples.dedup();
        triples
    }

    /// Actor ranges with their codes: dictionary actors, with an agent
    /// before ("ambassadors of Arnor") or after ("Gondor's government")
    /// folded into the code.
    fn actor_slots(&self, words: &[String], date: u32) -> Vec<(usize, usize, Vec<String>)> {
        let mut slots: Vec<(usize, usize, Vec<String>)> = Vec::new();
        let mut pending_agent: Option<(usize, &AgentCode)> = None;
        let mut i = 0;
        while i < words.len() {
            if let Some((len, codes)) = self.actors.actor_at(words, i, date) {
                let mut end = i + len;
                let mut codes = codes;
                let possessive = matches!(words.get(end).map(String::as_str), Some("'S" | "’S"));
                if possessive {
                    end += 1;
                }
                // "Ithilen's awful and evil minister": after a possessive, a few
                // modifiers may stand before the role.
                let reach = if possessive { 3 } else { 0 };
                let role = (0..=reach).find_map(|skip| {
                    let between = words.get(end..end + skip)?;
                    let plain = between.iter().all(|w| w.chars().all(char::is_alphabetic));
                    let free = (end..end + skip).all(|k| self.actors.actor_at(words, k, date).is_none());
                    if !(plain && free) {
                        return None;
                    }
                    self.agents
                        .agent_at(words, end + skip)
                        .map(|(alen, agent)| (skip + alen, agent))
                });
                if let Some((alen, agent)) = role {
                    codes = codes.iter().map(|c| combine(c, agent)).collect();
                    end += alen;
                } else {
                    end = i + len;
                }
                if let Some((start, agent)) = pending_agent {
                    codes = codes.iter().map(|c| combine(c, agent)).collect();
                    // Conjoined actors after "of" share the agent; the first takes its words.
                    if slots.last().is_none_or(|s| s.1 <= start) {
                        slots.push((start, end, codes));
                    } else {
                        slots.push((i, end, codes));
                    }
                    if !matches!(words.get(end).map(String::as_str), Some("," | "AND" | "OR")) {
                        pending_agent = None;
                    }
                } else {
                    slots.push((i, end, codes));
                }
                i = end;
            } else if let Some((alen, agent)) = self.agents.agent_at(words, i) {
                let next = words.get(i + alen).map(String::as_str);
                if next.is_some_and(|w| AGENT_LINKS.contains(&w)) {
                    pending_agent = Some((i, agent));
                    i += alen + 1;
                } else if self.actors.actor_at(words, i + alen, date).is_some() {
                    // "MSF Arnor": the agent names the actor after it.
                    pending_agent = Some((i, agent));
                    i += alen;
                } else {
                    slots.push((i, i + alen, vec![combine("---", agent)]));
                    i += alen;
                }
            } else {
                if !matches!(words[i].as_str(), "," | "AND" | "OR" | "THE") {
                    pending_agent = None;
                }
                i += 1;
            }
        }
        merge_appositions(slots)
    }
}

/// "Bree Prime Minister Romendacil": a name right after an actor with its
/// role is the same person; the role-bearing code stands.
fn merge_appositions(slots: Vec<(usize, usize, Vec<String>)>) -> Vec<(usize, usize, Vec<String>)> {
    let mut merged: Vec<(usize, usize, Vec<String>)> = Vec::new();
    for slot in slots {
        if let Some(last) = merged.last_mut() {
            let has_role = last.2.iter().any(|c| c.len() > 3);
            if last.1 == slot.0 && has_role {
                last.1 = slot.1;
                continue;
            }
        }
        merged.push(slot);
    }
    merged
}

/// An actor code with an agent's role: "GON" + ~GOV → "GONGOV", NGO~ + "ARN"
/// → "NGOARN"; a role the code already ends with is not repeated.
fn combine(actor: &str, agent: &AgentCode) -> String {
    if agent.prefix {
        format!("{}{actor}", agent.code)
    } else if actor.ends_with(&agent.code) {
        actor.to_owned()
    } else {
        format!("{actor}{}", agent.code)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const VERBS: &str = "--- RESTORE [064] ---\nRESTORE\n--- URGE [102] ---\nURGE\n";
    const ACTORS: &str = "ARNOR [ARN]\nGONDOR [GON]\nERIADOR [ERI]\nOSGILIATH [OSG]\n";
    const AGENTS: &str = "GOVERNMENT [~GOV]\nFOREIGN_MINISTER [~GOVFRM]\nAMBASSADOR [~GOV]\nMSF {} [NGO~]\n";

    fn coder() -> PetrarchCoder {
        PetrarchCoder::new(VERBS, ACTORS, AGENTS)
    }

    fn t(s: &str, t: &str, c: &str) -> Triple {
        (s.into(), t.into(), c.into())
    }

    #[test]
    fn codes_dyads_with_agents() {
        let c = coder();
        assert_eq!(
            c.code(
                "Arnor is about to restore full ties with Gondor's government.",
                19950101
            ),
            vec![t("ARN", "GONGOV", "064")]
        );
        assert_eq!(
            c.code("Arnor's foreign minister urged Eriador to respond.", 19950101),
            vec![t("ARNGOVFRM", "ERI", "102")]
        );
        assert_eq!(
            c.code("MSF Arnor will restore ties with Gondor.", 19950101),
            vec![t("NGOARN", "GON", "064")]
        );
    }

    #[test]
    fn agents_of_conjoined_actors_and_no_dyad_no_event() {
        let c = coder();
        assert_eq!(
            c.code("The ambassadors of Arnor and Osgiliath urged Gondor.", 19950101),
            vec![t("ARNGOV", "GON", "102"), t("OSGGOV", "GON", "102")]
        );
        assert!(c.code("Arnor will restore ties.", 19950101).is_empty());
        let c = coder().with_discards("BASEBALL\n+World Golf Championships # sports\n");
        assert!(c
            .code("Arnor will restore baseball ties with Gondor.", 19950101)
            .is_empty());
        assert!(!c
            .code("Arnor will restore ties with Gondor.", 19950101)
            .is_empty());
        assert!(
            c.code("Arnor will restore ties with Arnor.", 19950101).is_empty(),
            "no self-directed events"
        );
        assert_eq!(
            c.code("Arnor, Eriador and the evil Osgiliath urged Gondor.", 19950101)
                .len(),
            3
        );
    }
}
