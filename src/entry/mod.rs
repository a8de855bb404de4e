//! The monthly entry grid's logic, kept out of the view so it is tested natively (§4.2): which
//! regions and months the grid shows, what a cell shows (entered, or computed from the
//! communities), how complete a month is, and where a key moves the caret.
//!
//! A cell is addressed by (month, region), never by its position, so a re-render can never make
//! a value land in another month or region than the one it was typed into.

mod complete;
mod layout;
mod nav;
mod shown;

pub use complete::{completeness, Completeness, Missing};
pub use layout::{
    column_regions, drawn_rows, entry_month, grid_months, leaf_regions, streets_only,
    ALL_COLUMNS_UP_TO, OVERSCAN, WINDOW_ABOVE,
};
pub use nav::{neighbour, Move};
pub use shown::{CellIndex, Shown};

#[cfg(test)]
mod tests;
