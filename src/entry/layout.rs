//! The grid's columns (regions) and rows (months).

use crate::model::{Dataset, Region};
use crate::month::Month;

/// Regions in column order: the district, then each street followed by its communities; with
/// `street`, that street and its communities only (a street clerk's view).
pub fn column_regions(data: &Dataset, street: Option<&str>) -> Vec<Region> {
    if let Some(s) = street.and_then(|id| data.region(id)) {
        let mut out = vec![s.clone()];
        out.extend(data.children(&s.id).cloned());
        return out;
    }
    let mut out = Vec::new();
    if let Some(d) = data.district() {
        out.push(d.clone());
        for s in data.children(&d.id) {
            out.push(s.clone());
            out.extend(data.children(&s.id).cloned());
        }
    }
    // Regions whose parent chain is broken still get a column, so no data is hidden.
    for r in &data.regions {
        if !out.iter().any(|o| o.id == r.id) {
            out.push(r.clone());
        }
    }
    out
}

/// The regions among `columns` whose figures are entered rather than summed: those without a
/// child among the columns (the communities; a street without communities).
pub fn leaf_regions(columns: &[Region]) -> Vec<&Region> {
    columns
        .iter()
        .filter(|r| {
            !columns
                .iter()
                .any(|c| c.parent.as_deref() == Some(r.id.as_str()))
        })
        .collect()
}

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
