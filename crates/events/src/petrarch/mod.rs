//! Test mode: codes plain sentences against PETRARCH-format actor, agent and
//! verb dictionaries (the fictional world of PETRARCH's unit tests), so the
//! coder can be measured on that suite. Actors come from dictionary phrases
//! here instead of the entity layer; everything else is the shared coder.

mod slots;

use std::collections::HashSet;

use crate::coder::code_sentence;
use crate::dictionary::actors::{ActorDictionary, AgentDictionary};
use crate::dictionary::verbs::VerbDictionary;
use slots::SlotReader;

/// A coder over PETRARCH-format dictionaries.
pub struct PetrarchCoder {
    verbs: VerbDictionary,
    actors: ActorDictionary,
    agents: AgentDictionary,
    discards: Vec<Vec<String>>,
}

/// One coded event as PETRARCH reports it: source, target, code.
pub type Triple = (String, String, String);

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
        // Underscores join the words of a dictionary phrase ("Dol_Amroth"): split them.
        let words: Vec<String> = crate::words::upper_words(sentence)
            .iter()
            .flat_map(|w| {
                w.split('_')
                    .filter(|p| !p.is_empty())
                    .map(str::to_owned)
                    .collect::<Vec<_>>()
            })
            .collect();
        if self
            .discards
            .iter()
            .any(|d| words.windows(d.len()).any(|w| w == d.as_slice()))
        {
            return Vec::new();
        }
        let slots = SlotReader {
            actors: &self.actors,
            agents: &self.agents,
            words: &words,
            date,
        }
        .slots();
        let ranges: Vec<(usize, usize)> = slots.iter().map(|s| (s.start, s.end)).collect();
        let mut triples = Vec::new();
        for event in code_sentence(&self.verbs, &words, &[], &ranges) {
            for &s in &event.sources {
                for &t in &event.targets {
                    for sc in &slots[s].codes {
                        // An actor does not act on itself.
                        for tc in slots[t].codes.iter().filter(|tc| *tc != sc) {
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
        let mut seen = HashSet::new();
        triples.retain(|t| seen.insert(t.clone()));
        triples
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

    #[test]
    fn former_dangling_and_shared_agents() {
        let agents = "OFFICIAL [~GOV]\nSTUDENT [~EDU]\nMEDIA {} [~MED]\nGOVERNMENT [~GOV]\nLAWMAKER [~LEG]\n";
        let c = PetrarchCoder::new(VERBS, ACTORS, agents);
        assert_eq!(
            c.code("Arnor former officials urged former Gondor students.", 19950101),
            vec![t("ARNELI", "GONELI", "102")]
        );
        assert_eq!(
            c.code("Arnor officials urged students in Minas Tirith.", 19950101),
            vec![t("ARNGOV", "---EDU", "102")],
            "an agent whose 'in' leads to no actor stands alone"
        );
        let mut got = c.code("Arnor media and government urged Gondor.", 19950101);
        got.sort();
        assert_eq!(got, vec![t("ARNGOV", "GON", "102"), t("ARNMED", "GON", "102")]);
        let mut got = c.code(
            "Lawmakers and officials in Arnor and Gondor urged Eriador.",
            19950101,
        );
        got.sort();
        assert_eq!(
            got,
            vec![
                t("ARNGOV", "ERI", "102"),
                t("ARNLEG", "ERI", "102"),
                t("GONGOV", "ERI", "102"),
                t("GONLEG", "ERI", "102")
            ]
        );
    }
}
