//! The institutions of a list together with their search index.

use std::collections::HashMap;

use aggcat_types::Institution;

use super::search::{Hit, SearchIndex, SearchItem};

/// A list of institutions with its [`SearchIndex`]: what
/// [`InstitutionsCache::load`](super::InstitutionsCache::load) returns (inside
/// [`CachedInstitutions`](super::CachedInstitutions)), or built from any list with
/// [`InstitutionIndex::new`]. Immutable; cheap to share between threads behind an `Arc`.
///
/// ```
/// use aggcat_client::institutions::InstitutionIndex;
/// use aggcat_types::Institution;
///
/// let institution = |id, name: &str, url: &str| Institution {
///     institution_id: id,
///     institution_name: name.into(),
///     home_url: Some(url.into()),
///     ..Default::default()
/// };
/// let index = InstitutionIndex::new(vec![
///     institution(13718, "Fox Chase Bank", "https://www.foxchasebank.com/"),
///     institution(13278, "JP Morgan Chase Bank", "https://www.chase.com/"),
/// ]);
/// let hits = index.search("chse", 5); // a typo
/// assert_eq!(hits[0].institution.institution_name, "JP Morgan Chase Bank");
/// assert!(hits[0].score > hits[1].score);
/// assert_eq!(index.get(13718).unwrap().institution_name, "Fox Chase Bank");
/// ```
#[derive(Debug, Clone)]
pub struct InstitutionIndex {
    institutions: Vec<Institution>,
    index: SearchIndex,
    /// Position in `institutions` of each id (the first one when an id repeats).
    positions: HashMap<i64, usize>,
}

/// One search result of [`InstitutionIndex::search`].
#[derive(Debug, Clone, Copy, PartialEq)]
#[non_exhaustive]
pub struct InstitutionHit<'a> {
    /// The institution.
    pub institution: &'a Institution,
    /// Rank score, higher is better (see [`Hit::score`]: `score / Hit::TIER` is the number of
    /// query words matched).
    pub score: u32,
    /// Number of distinct query words this institution matched.
    pub matched_words: usize,
    /// Number of distinct query words.
    pub query_words: usize,
}

impl InstitutionIndex {
    /// Indexes `institutions` by name and home URL (their order is kept for
    /// [`InstitutionIndex::institutions`]). An id listed more than once is searched and found
    /// by [`InstitutionIndex::get`] as its first entry.
    pub fn new(institutions: Vec<Institution>) -> Self {
        let mut positions = HashMap::with_capacity(institutions.len());
        let mut first = Vec::with_capacity(institutions.len());
        for (position, institution) in institutions.iter().enumerate() {
            if let std::collections::hash_map::Entry::Vacant(slot) =
                positions.entry(institution.institution_id)
            {
                slot.insert(position);
                first.push(institution);
            }
        }
        let index = SearchIndex::build(first.into_iter().map(|i| {
            SearchItem::new(
                i.institution_id,
                i.institution_name.clone(),
                i.home_url.as_deref(),
            )
        }));
        InstitutionIndex {
            institutions,
            index,
            positions,
        }
    }

    /// The best `limit` institutions for the free-text `query`, best first: prefixes, typos and
    /// accents tolerated, brands ranked before places of the same name (see
    /// [`SearchIndex::search`]). An empty query and a query matching nothing give nothing.
    pub fn search(&self, query: &str, limit: usize) -> Vec<InstitutionHit<'_>> {
        self.index
            .search(query, limit)
            .into_iter()
            .filter_map(|hit: Hit| {
                let institution = &self.institutions[*self.positions.get(&hit.id)?];
                Some(InstitutionHit {
                    institution,
                    score: hit.score,
                    matched_words: hit.matched_words,
                    query_words: hit.query_words,
                })
            })
            .collect()
    }

    /// The institution with this id, if listed.
    pub fn get(&self, institution_id: i64) -> Option<&Institution> {
        self.positions
            .get(&institution_id)
            .map(|&p| &self.institutions[p])
    }

    /// Every institution, in the order of the list.
    pub fn institutions(&self) -> &[Institution] {
        &self.institutions
    }

    /// The institutions, without the index.
    pub fn into_institutions(self) -> Vec<Institution> {
        self.institutions
    }

    /// The underlying search index (ids, scores and match counts only).
    pub fn search_index(&self) -> &SearchIndex {
        &self.index
    }

    /// Number of institutions.
    pub fn len(&self) -> usize {
        self.institutions.len()
    }

    /// Whether the list is empty.
    pub fn is_empty(&self) -> bool {
        self.institutions.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn institution(id: i64, name: &str, url: Option<&str>) -> Institution {
        Institution {
            institution_id: id,
            institution_name: name.into(),
            home_url: url.map(Into::into),
            ..Default::default()
        }
    }

    #[test]
    fn hits_point_at_their_institutions_and_keep_the_index_order() {
        let index = InstitutionIndex::new(vec![
            institution(3, "Fox Chase Bank", Some("https://www.foxchasebank.com/")),
            institution(1, "JP Morgan Chase Bank", Some("https://www.chase.com/")),
            institution(2, "Wells Fargo", None),
        ]);
        assert_eq!(index.len(), 3);
        let hits = index.search("chase", 10);
        let plain = index.search_index().search("chase", 10);
        assert_eq!(hits.len(), plain.len());
        for (hit, plain) in hits.iter().zip(&plain) {
            assert_eq!(hit.institution.institution_id, plain.id);
            assert_eq!(hit.score, plain.score);
            assert_eq!(hit.matched_words, plain.matched_words);
            assert_eq!(hit.query_words, plain.query_words);
        }
        assert_eq!(hits[0].institution.institution_id, 1);
        assert_eq!(
            index.search("wels fargo", 1)[0].institution.institution_id,
            2
        );
        assert!(index.search("zzzz", 10).is_empty());
        assert_eq!(index.get(2).unwrap().institution_name, "Wells Fargo");
        assert!(index.get(4).is_none());
        let ids: Vec<i64> = index
            .into_institutions()
            .iter()
            .map(|i| i.institution_id)
            .collect();
        assert_eq!(ids, [3, 1, 2]);
    }

    #[test]
    fn a_repeated_id_resolves_to_its_first_entry() {
        let index = InstitutionIndex::new(vec![
            institution(7, "Twin Bank", None),
            institution(7, "Twin Bank Copy", None),
        ]);
        assert_eq!(index.get(7).unwrap().institution_name, "Twin Bank");
        let hits = index.search("twin", 10);
        assert_eq!(hits.len(), 1);
        assert_eq!(hits[0].institution.institution_name, "Twin Bank");
        assert!(index.search("copy", 10).is_empty());
        assert_eq!(index.len(), 2);
        assert!(InstitutionIndex::new(Vec::new()).is_empty());
    }
}
