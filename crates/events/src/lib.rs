//! Event coding: from one article's analysis (sentences, entities with their
//! knowledge-base identities, quotes, times) to political events — who did
//! what to whom, when and where — coded in CAMEO and PLOVER, each pointing
//! at its evidence sentence and trigger words.
//!
//! `parallax-events` owns the verb dictionary (PETRARCH2's CAMEO verbs, MIT,
//! vendored with its notice, plus Parallax's additions), the shallow clause
//! reading, actor coding from the entity layer, modality, and the CAMEO →
//! QuadClass / Goldstein / PLOVER tables. It must not re-analyse the text
//! (entities, quotes and times come from `parallax-analyze`), look at other
//! articles, read files at run time outside its test mode, or invent an
//! event the sentence does not support.

pub mod actors;
mod article;
pub mod clause;
pub mod coder;
pub mod codes;
pub mod dictionary;
pub mod modality;
pub mod nouns;
pub mod petrarch;
pub mod setting;
pub mod words;

pub use article::{code_events, verb_dictionary};
