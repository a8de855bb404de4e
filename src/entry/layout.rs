//! The grid's columns (regions) and rows (months).

use crate::model::{Dataset, Region};
use crate::month::Month;
use std::collections::{HashMap, HashSet};
use std::ops::Range;

/// Up to this many regions the district's grid shows every region; above it (a large district,
/// a city), the district and its streets, and a street's communities with that street chosen:
/// one parent's children at a time.
pub const ALL_COLUMNS_UP_TO: usize = 120;

/// Regions in column order: the district, then each street followed by its communities; with
/// `street`, that street and its communities only (a street clerk's view). Above
/// [`ALL_COLUMNS_UP_TO`] regions the district's view lists the streets without their
/// communities.
pub fn column_regions(data: &Dataset, street: Option<&str>) -> Vec<Region> {
    let kids = children_by_parent(data);
    let of = |id: &str| kids.get(id).map_or(&[][..], Vec::as_slice);
    if let Some(s) = street.and_then(|id| data.region(id)) {
        let mut out = vec![s.clone()];
        out.extend(of(&s.id).iter().map(|r| (*r).clone()));
        return out;
    }
    let whole = data.regions.len() <= ALL_COLUMNS_UP_TO;
    let mut out: Vec<Region> = Vec::new();
    if let Some(d) = data.district() {
        out.push(d.clone());
        for s in of(&d.id) {
            out.push((*s).clone());
            if whole {
                out.extend(of(&s.id).iter().map(|r| (*r).clone()));
            }
        }
    }
    // Regions whose parent chain is broken (and, in the whole view, any deeper region) still
    // get a column, so no data is hidden.
    let shown: HashSet<String> = out.iter().map(|r| r.id.clone()).collect();
    let reached = if whole {
        HashSet::new()
    } else {
        reachable(data, &kids)
    };
    let mut extra: HashSet<&str> = HashSet::new();
    for r in &data.regions {
        let id = r.id.as_str();
        if !shown.contains(id) && !reached.contains(id) && extra.insert(id) {
            out.push(r.clone());
        }
    }
    out
}

/// Whether the district's grid lists only the streets (see [`ALL_COLUMNS_UP_TO`]).
pub fn streets_only(data: &Dataset) -> bool {
    data.regions.len() > ALL_COLUMNS_UP_TO
}

fn children_by_parent(data: &Dataset) -> HashMap<&str, Vec<&Region>> {
    let mut kids: HashMap<&str, Vec<&Region>> = HashMap::new();
    for r in &data.regions {
        if let Some(p) = r.parent.as_deref() {
            kids.entry(p).or_default().push(r);
        }
    }
    kids
}

/// The ids below (and including) the district, walked without recursion.
fn reachable<'a>(data: &'a Dataset, kids: &HashMap<&str, Vec<&'a Region>>) -> HashSet<&'a str> {
    let mut seen: HashSet<&str> = HashSet::new();
    let mut stack: Vec<&str> = data.district().map(|d| d.id.as_str()).into_iter().collect();
    while let Some(id) = stack.pop() {
        if seen.insert(id) {
            stack.extend(kids.get(id).into_iter().flatten().map(|r| r.id.as_str()));
        }
    }
    seen
}

/// The regions whose figures are entered rather than summed, for the columns shown: each
/// column's region where it has no child in the data (a community; a street without
/// communities), else the entered regions below it — so a streets-only grid still counts every
/// community of the district.
pub fn leaf_regions<'a>(data: &'a Dataset, columns: &[Region]) -> Vec<&'a Region> {
    let kids = children_by_parent(data);
    let mut out: Vec<&Region> = Vec::new();
    let mut seen: HashSet<&str> = HashSet::new();
    for c in columns {
        // Depth-first below each column, in dataset order; ids already counted are skipped
        // (a column and its parent's column both being shown).
        let Some(root) = data.region(&c.id) else {
            continue;
        };
        let mut stack = vec![root];
        while let Some(r) = stack.pop() {
            if !seen.insert(r.id.as_str()) {
                continue;
            }
            match kids.get(r.id.as_str()) {
                Some(k) if !k.is_empty() => stack.extend(k.iter().rev()),
                _ => out.push(r),
            }
        }
    }
    out
}

/// The rows the grid draws: with more than [`WINDOW_ABOVE`] cells, only the rows in view
/// (`scroll` and `viewport` in pixels, rows of `row` pixels) and `OVERSCAN` rows either side;
/// otherwise every row.
pub fn drawn_rows(
    rows: usize,
    columns: usize,
    scroll: f64,
    viewport: f64,
    row: f64,
) -> Range<usize> {
    if rows.saturating_mul(columns.max(1)) <= WINDOW_ABOVE || row.is_nan() || row <= 0.0 {
        return 0..rows;
    }
    let per_screen = (viewport.max(0.0) / row).ceil() as usize + 1;
    let top = (scroll.max(0.0) / row).floor() as usize;
    let first = top
        .saturating_sub(OVERSCAN)
        .min(rows.saturating_sub(per_screen + OVERSCAN));
    let last = (top + per_screen + OVERSCAN).min(rows);
    first.min(last)..last
}

/// Grids with more cells than this draw only the rows in view (a street of a hundred
/// communities over twenty years would be 24 000 inputs).
pub const WINDOW_ABOVE: usize = 1_000;

/// Rows drawn beyond the visible ones on each side, so Tab, Enter and arrows reach a drawn
/// row before the window moves.
pub const OVERSCAN: usize = 8;

/// The first and last month with an observation (events do not make grid rows).
fn observed_span(data: &Dataset) -> Option<(Month, Month)> {
    let mut months = data.observations.iter().map(|o| o.month);
    let first = months.next()?;
    Some(months.fold((first, first), |(a, b), m| (a.min(m), b.max(m))))
}

/// The month a clerk enters next: the one after the latest month with data (`today` when there
/// is none). The grid pins it when it opens, so filling it never adds or shifts a row.
pub fn entry_month(data: &Dataset, today: Month) -> Month {
    match observed_span(data) {
        Some((_, last)) => last.succ().unwrap_or(last),
        None => today,
    }
}

/// The grid's rows, oldest first: every month with data up to `through` (the pinned entry
/// month or a month the user added; later data extends it), at least the twelve months up to
/// the last row, and with `recent` only that many months before the last row (plus the last).
pub fn grid_months(data: &Dataset, through: Month, recent: Option<usize>) -> Vec<Month> {
    let last = match observed_span(data) {
        Some((_, l)) => l.max(through),
        None => through,
    };
    let year_before = last.plus(-11).unwrap_or(last);
    let first = match observed_span(data) {
        Some((f, _)) => f.min(year_before),
        None => year_before,
    };
    let first = match recent {
        Some(n) => first.max(last.plus_saturating(-i64::try_from(n).unwrap_or(i64::MAX))),
        None => first,
    };
    first.through(last).collect()
}
