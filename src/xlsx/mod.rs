//! Excel in, Excel out: workbooks (.xlsx, and .xls / .ods where the reader understands them)
//! read through the same preview → errors → apply path as CSV, the street's monthly report
//! template (下载填报模板), and .xlsx exports of the data, the events and the evaluation
//! timeline.
//!
//! Reading uses calamine and writing rust_xlsxwriter: zip and XML by hand would be a second,
//! worse copy of both. A sheet is turned into the CSV module's records (text per cell, the
//! spreadsheet row number kept), so every column name, value rule and message is the CSV
//! import's; what a workbook adds is found here: the header row under merged title rows,
//! cells typed as numbers, percentages, dates or formulas (their cached values), hidden
//! sheets, and errors that point at a cell (`月报!D14`).

mod legacy;
pub mod read;
pub mod template;
pub mod write;

pub use read::{read_book, Book, BookError, CellError, Sheet, SheetImport, TableKind};
pub use template::{read_template, template, TemplateError, TemplateImport, TemplateInfo};
pub use write::{export_workbook, ExportError};

#[cfg(test)]
mod tests;
