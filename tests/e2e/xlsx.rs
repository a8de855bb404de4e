//! Excel in the browser: the street report template downloaded from the data page, filled in
//! by another program, imported through the page, shows on the dashboard; the .xlsx export
//! reads back natively as the data the app holds.

use crate::support::Harness;
use calamine::{Data, Reader};
use rust_xlsxwriter::Workbook;
use std::io::Cursor;
use uew::model::Dataset;
use uew::snapshot::Snapshot;

/// Copies every sheet of `template` cell by cell and writes `value` into the report sheet's
/// column `col` on the row of `region`, as a clerk's spreadsheet program would save it.
fn fill(template: &[u8], region: &str, col: u16, value: f64) -> Vec<u8> {
    let mut src = calamine::open_workbook_auto_from_rs(Cursor::new(template.to_vec())).unwrap();
    let mut out = Workbook::new();
    let mut filled = false;
    for name in src.sheet_names() {
        let range = src.worksheet_range(&name).unwrap();
        let ws = out.add_worksheet();
        ws.set_name(&name).unwrap();
        let (r0, c0) = range.start().unwrap_or((0, 0));
        for (i, row) in range.rows().enumerate() {
            let r = r0 + i as u32;
            for (j, cell) in row.iter().enumerate() {
                let c = (c0 as usize + j) as u16;
                match cell {
                    Data::String(s) => {
                        ws.write_string(r, c, s).unwrap();
                    }
                    Data::Float(f) => {
                        ws.write_number(r, c, *f).unwrap();
                    }
                    _ => {}
                }
            }
            if name == "月报 report" && matches!(row.first(), Some(Data::String(s)) if s == region)
            {
                ws.write_number(r, col, value).unwrap();
                filled = true;
            }
        }
    }
    assert!(filled, "no row for {region} in the template");
    out.save_to_buffer().unwrap()
}

#[tokio::test]
#[ignore = "needs dist/ and chromedriver: run by scripts/test.sh"]
async fn a_filled_report_template_imports_and_shows_on_the_dashboard() {
    let h = Harness::start().await;
    h.open("#/dashboard").await;
    h.wait_for_css("#month-select").await;
    let before = h
        .js("return document.querySelector('#month-select').value;")
        .await;
    assert_eq!(before.as_str(), Some("2026-10"));

    h.open("#/data").await;
    h.wait_for_css("#template-street option[value='xixing']")
        .await;
    h.js("const s = document.querySelector('#template-street'); s.value = 'xixing'; s.dispatchEvent(new Event('change')); return true;").await;
    h.wait_for_js("document.querySelector('#template-month').value === '2026-11'")
        .await;
    h.click("#download-template").await;
    let template = std::fs::read(h.wait_for_download("xixing-2026-11-report.xlsx").await).unwrap();

    // The street's own registered rate (column D) for the month.
    let filled = fill(&template, "xixing", 3, 4.6);
    let path = h.downloads.join("filled-by-the-street.xlsx");
    std::fs::write(&path, filled).unwrap();
    let input = h.wait_for_css("#import-xlsx").await;
    input.send_keys(path.to_str().unwrap()).await.unwrap();
    h.wait_for_css("#xlsx-preview").await;
    let preview = h.text("#xlsx-preview").await;
    assert!(preview.contains("filled-by-the-street.xlsx"), "{preview}");
    h.wait_for_js("document.querySelector('#xlsx-preview [data-count=add]').textContent === '1'")
        .await;
    h.screenshot("xlsx-template-preview").await;
    h.click("#xlsx-apply").await;
    h.wait_for_css("#xlsx-message").await;

    h.open("#/dashboard").await;
    h.wait_for_js("document.querySelector('#month-select') && document.querySelector('#month-select').value === '2026-11'")
        .await;
    h.screenshot("xlsx-dashboard-after-report").await;

    // What the app stores has the street's month.
    let snap =
        Snapshot::from_json(&std::fs::read_to_string(h.export_snapshot().await).unwrap()).unwrap();
    let o = snap
        .dataset
        .observations
        .iter()
        .find(|o| o.region == "xixing" && o.month.to_string() == "2026-11")
        .expect("the street's month is stored");
    assert_eq!(
        o.registered_rate.map(|p| p.to_string()),
        Some("4.6".to_owned())
    );

    // The .xlsx export reads back natively as the same data.
    h.open("#/data").await;
    h.click("#export-xlsx").await;
    let bytes = std::fs::read(h.wait_for_download("uew-data.xlsx").await).unwrap();
    let book = uew::xlsx::read_book(&bytes).unwrap();
    let mut back = Dataset {
        regions: snap.dataset.regions.clone(),
        ..Dataset::default()
    };
    let m = book.import_monthly(&back, None).unwrap();
    assert!(m.errors().is_empty(), "{:?}", m.errors());
    m.preview.to_edit(false).unwrap().apply(&mut back).unwrap();
    let e = book.import_events(&back, None).unwrap();
    e.preview.to_edit(false).unwrap().apply(&mut back).unwrap();
    let key = |d: &Dataset| {
        let mut v: Vec<String> = d.observations.iter().map(|o| format!("{o:?}")).collect();
        v.sort();
        v
    };
    assert_eq!(key(&back), key(&snap.dataset));
    assert_eq!(back.closures, snap.dataset.closures);
    assert_eq!(back.layoffs, snap.dataset.layoffs);
    h.assert_no_errors().await;
    h.finish().await;
}
