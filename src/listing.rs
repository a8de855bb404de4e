//! Finding and paging regions in lists that grow with the locality: a district's three streets
//! fit on a screen, a city's hundreds do not. The streets' cards, their small charts and the
//! region pickers share these rules, so a filter shows the same streets everywhere.

use crate::model::Region;

/// Streets shown per page of cards and small charts.
pub const PAGE: usize = 24;

/// Whether a region matches what was typed: every word of `query` occurs in its name (either
/// language) or its id, ignoring ASCII case (Chinese has none; English names are ASCII, and the
/// full Unicode case tables would cost the download more than they give) and surrounding
/// spaces. An empty query matches all.
pub fn matches(query: &str, names: &[&str], id: &str) -> bool {
    query.split_whitespace().all(|word| {
        let word = word.to_ascii_lowercase();
        names
            .iter()
            .chain(std::iter::once(&id))
            .any(|n| n.to_ascii_lowercase().contains(&word))
    })
}

/// The region a search names: the one whose id or name (either language) is exactly `text`,
/// else the first whose names and id hold every typed word; `None` for an empty search.
pub fn find<'a>(
    regions: impl Iterator<Item = &'a Region> + Clone,
    text: &str,
) -> Option<&'a Region> {
    let text = text.trim();
    if text.is_empty() {
        return None;
    }
    let exact = |r: &&Region| r.id == text || r.name == text || r.name_en.as_deref() == Some(text);
    regions.clone().find(exact).or_else(|| {
        regions.into_iter().find(|r| {
            let names = [r.name.as_str(), r.name_en.as_deref().unwrap_or("")];
            matches(text, &names, &r.id)
        })
    })
}

/// One page of a list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Page<T> {
    pub items: Vec<T>,
    /// The page shown, from 0 (the requested one, brought inside the pages).
    pub page: usize,
    /// How many pages there are (at least 1).
    pub pages: usize,
    /// How many items matched in all.
    pub total: usize,
}

/// Page `page` of `items`, `per` to a page; a page past the end shows the last one, so a
/// filter that leaves fewer items never shows an empty page.
pub fn page<T>(items: Vec<T>, page: usize, per: usize) -> Page<T> {
    let per = per.max(1);
    let total = items.len();
    let pages = total.div_ceil(per).max(1);
    let page = page.min(pages - 1);
    let items = items.into_iter().skip(page * per).take(per).collect();
    Page {
        items,
        page,
        pages,
        total,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_query_matches_names_in_either_language_and_ids_by_every_word() {
        let names = ["西兴街道", "Xixing"];
        assert!(matches("", &names, "xixing"));
        assert!(matches("  西兴 ", &names, "xixing"));
        assert!(matches("XIX", &names, "xixing"));
        assert!(matches("s0 xing", &names, "s07"));
        assert!(!matches("浦沿", &names, "xixing"));
        assert!(!matches("xixing puyan", &names, "xixing"));
    }

    #[test]
    fn a_search_takes_an_exact_id_or_name_first_then_every_word() {
        use crate::model::RegionKind;
        let regions = [
            Region::new("s1", RegionKind::Street, "西兴街道", Some("d")).with_en("Xixing"),
            Region::new("s10", RegionKind::Street, "长河街道", Some("d")).with_en("Changhe"),
            Region::new("s10c1", RegionKind::Community, "东冠社区", Some("s10")),
        ];
        let id = |t: &str| find(regions.iter(), t).map(|r| r.id.as_str());
        assert_eq!(
            id("s10"),
            Some("s10"),
            "the exact id, not the first containing it"
        );
        assert_eq!(id(" 长河街道 "), Some("s10"));
        assert_eq!(id("changhe"), Some("s10"));
        assert_eq!(id("东冠"), Some("s10c1"));
        assert_eq!(id("s1"), Some("s1"));
        assert_eq!(id("浦沿"), None);
        assert_eq!(id("  "), None);
    }

    #[test]
    fn pages_cover_every_item_once_and_a_page_past_the_end_shows_the_last() {
        let all: Vec<usize> = (0..50).collect();
        let p = page(all.clone(), 0, PAGE);
        assert_eq!((p.page, p.pages, p.total, p.items.len()), (0, 3, 50, 24));
        let mut seen = Vec::new();
        for i in 0..3 {
            seen.extend(page(all.clone(), i, PAGE).items);
        }
        assert_eq!(seen, all);
        let last = page(all.clone(), 9, PAGE);
        assert_eq!((last.page, last.items), (2, vec![48, 49]));
        let none = page(Vec::<usize>::new(), 3, PAGE);
        assert_eq!((none.page, none.pages, none.total), (0, 1, 0));
        assert_eq!(page(all, 0, 0).items, vec![0]);
    }
}
