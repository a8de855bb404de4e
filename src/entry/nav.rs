//! Where a key moves the caret: to a neighbouring cell of the same month (Tab, ←/→) or the same
//! region (Enter, ↑/↓), by address — so the move is right whatever re-rendered in between.

use crate::month::Month;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Move {
    Up,
    Down,
    Left,
    Right,
    /// Tab: the next region of the month, then the first region of the next month.
    Next,
    /// Shift+Tab: the reverse of [`Move::Next`].
    Prev,
}

/// The cell a move leads to from (`month`, `region`); `None` at the grid's edge or when the
/// cell is not in the grid.
pub fn neighbour(
    months: &[Month],
    regions: &[String],
    at: (Month, &str),
    mv: Move,
) -> Option<(Month, String)> {
    let r = months.iter().position(|m| *m == at.0)?;
    let c = regions.iter().position(|id| id == at.1)?;
    let (last_r, last_c) = (months.len().checked_sub(1)?, regions.len().checked_sub(1)?);
    let (r, c) = match mv {
        Move::Up => (r.checked_sub(1)?, c),
        Move::Down => ((r < last_r).then_some(r + 1)?, c),
        Move::Left => (r, c.checked_sub(1)?),
        Move::Right => (r, (c < last_c).then_some(c + 1)?),
        Move::Next if c < last_c => (r, c + 1),
        Move::Next => ((r < last_r).then_some(r + 1)?, 0),
        Move::Prev if c > 0 => (r, c - 1),
        Move::Prev => (r.checked_sub(1)?, last_c),
    };
    Some((*months.get(r)?, regions.get(c)?.clone()))
}
