//! The endpoint classes measured, and the latency target the issue sets
//! for each.

use std::time::Duration;

use serde::Serialize;

/// A kind of request, reported on its own line: the API and the HTML page
/// of the same content are measured apart because their costs differ
/// (JSON serialisation versus template rendering).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum EndpointClass {
    /// `GET /api/stories/{id}`: the stored story report as JSON.
    ApiStory,
    /// `GET /stories/{id}`: the story page.
    PageStory,
    /// `GET /api/search?q=…`: search results as JSON.
    ApiSearch,
    /// `GET /search?q=…`: the search page.
    PageSearch,
}

impl EndpointClass {
    /// Every class, in the order requests rotate through them and rows are
    /// printed.
    pub const ALL: [EndpointClass; 4] = [
        EndpointClass::ApiStory,
        EndpointClass::PageStory,
        EndpointClass::ApiSearch,
        EndpointClass::PageSearch,
    ];

    /// The name used in the table and the JSON report.
    pub fn name(self) -> &'static str {
        match self {
            EndpointClass::ApiStory => "api_story",
            EndpointClass::PageStory => "page_story",
            EndpointClass::ApiSearch => "api_search",
            EndpointClass::PageSearch => "page_search",
        }
    }

    /// Whether the class reads a story (as opposed to running a search).
    pub fn is_story(self) -> bool {
        matches!(self, EndpointClass::ApiStory | EndpointClass::PageStory)
    }

    /// The p99 latency the issue asks for: 50 ms for story pages, 100 ms
    /// for search ("Load: 50 concurrent clients … target ≤ 50 ms for story
    /// pages, ≤ 100 ms for search").
    pub fn target_p99(self) -> Duration {
        if self.is_story() {
            Duration::from_millis(50)
        } else {
            Duration::from_millis(100)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn story_classes_have_the_tighter_target() {
        assert_eq!(EndpointClass::PageStory.target_p99(), Duration::from_millis(50));
        assert_eq!(EndpointClass::ApiStory.target_p99(), Duration::from_millis(50));
        assert_eq!(EndpointClass::ApiSearch.target_p99(), Duration::from_millis(100));
        assert_eq!(EndpointClass::PageSearch.target_p99(), Duration::from_millis(100));
    }

    #[test]
    fn names_are_distinct() {
        let mut names: Vec<_> = EndpointClass::ALL.iter().map(|class| class.name()).collect();
        names.sort();
        names.dedup();
        assert_eq!(names.len(), EndpointClass::ALL.len());
    }
}
