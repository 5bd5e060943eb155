//! The actors of a test-mode sentence: dictionary actors with the agents
//! (roles) that attach to them, the way PETRARCH combines actor and agent
//! codes. An agent after an actor ("Gondor's government", "Arnor former
//! officials") or before it through "of / in / from / for" ("ambassadors of
//! Arnor and Osgiliath", "lawmakers and officials in Fornost") joins its
//! code; an agent conjoined to an actor with a role shares that actor's
//! country ("Danish media and government"); an agent with no actor stands
//! alone ("---EDU"); "former" turns the role into ELI (elite).

use crate::dictionary::actors::{ActorDictionary, AgentCode, AgentDictionary};

/// An actor at words `[start, end)` with its codes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Slot {
    /// First word.
    pub start: usize,
    /// One past the last word.
    pub end: usize,
    /// Its codes (several for a group actor or shared agents).
    pub codes: Vec<String>,
    /// The actor codes before any role was added; empty for an agent alone.
    countries: Vec<String>,
}

/// Words that attach an agent to the actor after it ("ambassadors of Arnor").
const AGENT_LINKS: &[&str] = &["OF", "IN", "FROM", "FOR"];

/// Words that conjoin actors or agents.
const CONJOINING: &[&str] = &[",", "AND", "OR"];

/// Words that make the role that follows a former one.
const FORMER: &[&str] = &["FORMER", "EX"];

/// Most modifiers between a possessive and its role ("Ithilen's awful and evil minister").
const MAX_POSSESSIVE_MODIFIERS: usize = 3;

/// The elite role CAMEO gives former office holders.
fn elite() -> AgentCode {
    AgentCode {
        code: "ELI".to_owned(),
        prefix: false,
    }
}

/// An actor code with an agent's role: "GON" + ~GOV → "GONGOV", NGO~ + "ARN"
/// → "NGOARN"; a role the code already ends with is not repeated.
pub fn combine(actor: &str, agent: &AgentCode) -> String {
    if agent.prefix {
        format!("{}{actor}", agent.code)
    } else if actor.ends_with(&agent.code) {
        actor.to_owned()
    } else {
        format!("{actor}{}", agent.code)
    }
}

/// Agents waiting for the actor they attach to.
#[derive(Default)]
struct Pending {
    start: usize,
    agents: Vec<(usize, usize, AgentCode)>,
    used: bool,
}

/// Reads the actor slots of one sentence.
pub struct SlotReader<'a> {
    pub actors: &'a ActorDictionary,
    pub agents: &'a AgentDictionary,
    pub words: &'a [String],
    pub date: u32,
}

impl SlotReader<'_> {
    /// The actor slots, left to right, appositions merged.
    pub fn slots(&self) -> Vec<Slot> {
        let words = self.words;
        let mut slots: Vec<Slot> = Vec::new();
        let mut pending = Pending::default();
        let mut former = false;
        let mut i = 0;
        while i < words.len() {
            if let Some((len, countries)) = self.actors.actor_at(words, i, self.date) {
                let (end, mut role) = self.role_after(i + len);
                if former {
                    role = Some((role.map_or(0, |r| r.0), elite()));
                }
                former = false;
                let end = role.as_ref().map_or(i + len, |r| end + r.0);
                let mut codes: Vec<String> = match &role {
                    Some((_, agent)) => countries.iter().map(|c| combine(c, agent)).collect(),
                    None => countries.clone(),
                };
                let mut start = i;
                if !pending.agents.is_empty() {
                    codes = codes
                        .iter()
                        .flat_map(|c| pending.agents.iter().map(move |(_, _, a)| combine(c, a)))
                        .collect();
                    // Conjoined actors after "of" share the agents; the first takes their words.
                    if !pending.used {
                        start = pending.start;
                    }
                    pending.used = true;
                    if !words.get(end).is_some_and(|w| CONJOINING.contains(&w.as_str())) {
                        pending = Pending::default();
                    }
                }
                slots.push(Slot {
                    start,
                    end,
                    codes,
                    countries,
                });
                i = end;
            } else if let Some(run) = self.agent_run(i) {
                let (run_end, last) = (run.last().map_or(i, |a| a.1), run.len());
                let next = words.get(run_end).map(String::as_str);
                let names_actor = last == 1 && self.actors.actor_at(words, run_end, self.date).is_some();
                if next.is_some_and(|w| AGENT_LINKS.contains(&w)) || names_actor {
                    // "ambassadors of Arnor", "MSF Arnor": the agents wait for their actor.
                    pending = Pending {
                        start: i,
                        agents: run,
                        used: false,
                    };
                    i = run_end + usize::from(!names_actor);
                } else {
                    for (start, end, agent) in run {
                        slots.push(self.alone(&slots, start, end, &agent));
                    }
                    i = run_end;
                }
            } else {
                let word = words[i].as_str();
                former = FORMER.contains(&word) && self.actors.actor_at(words, i + 1, self.date).is_some();
                if !CONJOINING.contains(&word) && word != "THE" {
                    self.flush(&mut pending, &mut slots);
                }
                i += 1;
            }
        }
        self.flush(&mut pending, &mut slots);
        slots.sort_by_key(|s| s.start);
        merge_appositions(slots)
    }

    /// Agents that waited for an actor in vain stand alone ("students in Moscow").
    fn flush(&self, pending: &mut Pending, slots: &mut Vec<Slot>) {
        let done = std::mem::take(pending);
        if done.used {
            return;
        }
        for (start, end, agent) in done.agents {
            let slot = self.alone(slots, start, end, &agent);
            slots.push(slot);
        }
    }

    /// An agent with no actor of its own: it shares the country of an actor
    /// with a role conjoined right before it ("Danish media and government"),
    /// else it has none ("---GOV").
    fn alone(&self, slots: &[Slot], start: usize, end: usize, agent: &AgentCode) -> Slot {
        let shared = slots.last().filter(|prev| {
            let between = self.words.get(prev.end..start).unwrap_or(&[]);
            let conjoined = !between.is_empty()
                && between
                    .iter()
                    .all(|w| CONJOINING.contains(&w.as_str()) || w == "THE");
            conjoined && !prev.countries.is_empty() && prev.codes != prev.countries
        });
        let countries: Vec<String> = shared.map_or_else(|| vec!["---".to_owned()], |p| p.countries.clone());
        Slot {
            start,
            end,
            codes: countries.iter().map(|c| combine(c, agent)).collect(),
            countries: shared.map(|p| p.countries.clone()).unwrap_or_default(),
        }
    }

    /// The role after an actor ending at `end`: after a possessive a few
    /// plain modifiers may come first. Returns the position the role search
    /// started from and (role length including skipped words, role).
    fn role_after(&self, end: usize) -> (usize, Option<(usize, AgentCode)>) {
        let words = self.words;
        let possessive = matches!(words.get(end).map(String::as_str), Some("'S" | "’S"));
        let from = end + usize::from(possessive);
        let reach = if possessive { MAX_POSSESSIVE_MODIFIERS } else { 0 };
        let role = (0..=reach).find_map(|skip| {
            let between = words.get(from..from + skip)?;
            let plain = between.iter().all(|w| w.chars().all(char::is_alphabetic));
            let free = (from..from + skip).all(|k| self.actors.actor_at(words, k, self.date).is_none());
            if !(plain && free) {
                return None;
            }
            self.agent_at(from + skip).map(|(len, agent)| (skip + len, agent))
        });
        (from, role)
    }

    /// The agent at `i`, "former" making it an elite role ("former security officials").
    fn agent_at(&self, i: usize) -> Option<(usize, AgentCode)> {
        if self.words.get(i).is_some_and(|w| FORMER.contains(&w.as_str())) {
            if let Some((len, _)) = self.agents.agent_at(self.words, i + 1) {
                return Some((len + 1, elite()));
            }
        }
        self.agents
            .agent_at(self.words, i)
            .map(|(len, a)| (len, a.clone()))
    }

    /// Agents conjoined from `i` ("lawmakers and officials"): (start, end, agent) each.
    fn agent_run(&self, i: usize) -> Option<Vec<(usize, usize, AgentCode)>> {
        let (len, agent) = self.agent_at(i)?;
        let mut run = vec![(i, i + len, agent)];
        let mut at = i + len;
        while self
            .words
            .get(at)
            .is_some_and(|w| CONJOINING.contains(&w.as_str()))
        {
            let next = at + 1 + usize::from(self.words.get(at + 1).is_some_and(|w| w == "THE"));
            let Some((len, agent)) = self.agent_at(next) else {
                break;
            };
            run.push((next, next + len, agent));
            at = next + len;
        }
        Some(run)
    }
}

/// "Bree Prime Minister Romendacil": a name right after an actor with its
/// role is the same person; the role-bearing code stands.
fn merge_appositions(slots: Vec<Slot>) -> Vec<Slot> {
    let mut merged: Vec<Slot> = Vec::new();
    for slot in slots {
        if let Some(last) = merged.last_mut() {
            let has_role = last.codes.iter().any(|c| c.len() > 3);
            if last.end == slot.start && has_role {
                last.end = slot.end;
                continue;
            }
        }
        merged.push(slot);
    }
    merged
}
