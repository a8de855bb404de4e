//! The one i18n layer: a typed message table, Chinese first, English second.
//!
//! A typed table instead of a crate (leptos_i18n, fluent): each message is an enum variant that
//! must carry both languages, so a missing translation is a compile error, lookups cost a `match`,
//! and nothing is parsed at start-up or added to the wasm beyond the strings themselves.
//! Plan texts carry their own two languages ([`crate::plan::Text`]).

use crate::plan::Text;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    #[default]
    Zh,
    En,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Zh, Lang::En];

    /// BCP 47 tag for `<html lang>`.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::Zh => "zh-CN",
            Lang::En => "en",
        }
    }

    pub fn from_tag(tag: &str) -> Option<Lang> {
        match tag {
            "zh-CN" | "zh" => Some(Lang::Zh),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// One of two short texts by language (punctuation, a unit): `lang.pick("：", ": ")`.
    pub fn pick<'a>(self, zh: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }

    /// The language's own name, as the switch shows it.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::Zh => "中文",
            Lang::En => "English",
        }
    }
}

impl Text {
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Zh => &self.zh,
            Lang::En => &self.en,
        }
    }
}

/// A message with parameters in the language asked for — the one way to write bilingual text
/// that cannot be a [`Msg`] (which has no parameters):
///
/// ```
/// # use uew::{i18n::Lang, tr};
/// let (region, n) = ("西兴街道", 3);
/// assert_eq!(tr!(Lang::En, "{region}：{n} 个月", "{region}: {n} months"), "西兴街道: 3 months");
/// // With arguments, each language's `format!` arguments in brackets:
/// assert_eq!(tr!(Lang::Zh, ["{}个", n], ["{} of them", n]), "3个");
/// ```
#[macro_export]
macro_rules! tr {
    ($lang:expr, $zh:literal, $en:literal $(,)?) => {
        match $lang {
            $crate::i18n::Lang::Zh => format!($zh),
            $crate::i18n::Lang::En => format!($en),
        }
    };
    ($lang:expr, [$($zh:tt)+], [$($en:tt)+] $(,)?) => {
        match $lang {
            $crate::i18n::Lang::Zh => format!($($zh)+),
            $crate::i18n::Lang::En => format!($($en)+),
        }
    };
}

/// Both languages of a message with parameters, as a [`Text`] kept or shown later (the same
/// forms as [`tr!`]).
#[macro_export]
macro_rules! both {
    ($zh:literal, $en:literal $(,)?) => {
        $crate::plan::Text {
            zh: format!($zh),
            en: format!($en),
        }
    };
    ([$($zh:tt)+], [$($en:tt)+] $(,)?) => {
        $crate::plan::Text {
            zh: format!($($zh)+),
            en: format!($($en)+),
        }
    };
}

/// The running end offsets of texts of the given lengths. Evaluated at compile time only
/// (`i < N` bounds every index; a wrong one would fail the build, never a page).
#[allow(clippy::indexing_slicing)]
const fn ends<const N: usize>(lens: [usize; N]) -> [u32; N] {
    let mut out = [0u32; N];
    let (mut i, mut acc) = (0, 0);
    while i < N {
        acc += lens[i];
        out[i] = acc as u32;
        i += 1;
    }
    out
}

macro_rules! messages {
    ($($key:ident => $zh:literal, $en:literal;)*) => {
        /// Every user-visible string of the app's own chrome.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum Msg { $($key),* }

        impl Msg {
            pub const ALL: &'static [Msg] = &[$(Msg::$key),*];

            /// One text per language with the end offset of each message: a slice of a table
            /// rather than a match of ≈ 1 300 arms, which compiled to ≈ 20 KB of code.
            pub fn text(self, lang: Lang) -> &'static str {
                const ZH: &str = concat!($($zh),*);
                const EN: &str = concat!($($en),*);
                const ZH_ENDS: [u32; Msg::ALL.len()] = ends([$($zh.len()),*]);
                const EN_ENDS: [u32; Msg::ALL.len()] = ends([$($en.len()),*]);
                let (all, ends) = match lang {
                    Lang::Zh => (ZH, &ZH_ENDS),
                    Lang::En => (EN, &EN_ENDS),
                };
                let i = self as usize;
                let end = ends.get(i).map_or(0, |e| *e as usize);
                let start = i
                    .checked_sub(1)
                    .and_then(|j| ends.get(j))
                    .map_or(0, |e| *e as usize);
                all.get(start..end).unwrap_or("")
            }

            /// Both languages, for what is kept or shown later (a dialog, a notice).
            pub fn both(self) -> Text {
                Text::new(self.text(Lang::Zh), self.text(Lang::En))
            }
        }
    };
}

messages! {
    AppTitle => "失业预警", "Unemployment Early Warning";
    AppSubtitle => "滨江区失业应急预案", "Binjiang District Unemployment Emergency Plan";
    SkipToContent => "跳到正文", "Skip to content";
    NavPlan => "预案", "Plan";
    Saved => "已保存", "Saved";
    NotSaved => "未保存", "Not saved";
    ReadOnlyShort => "只读", "Read-only";
    ExportSnapshot => "导出快照", "Export snapshot";
    // What-if scenarios (§5.1 on hypothetical data; docs/scenarios.md)
    NavScenarios => "推演", "What-if";
    Print => "打印", "Print";
    Save => "保存", "Save";
    NoWarning => "无预警", "no warning";
    ScList => "推演列表", "Scenarios";
    ScNewName => "新推演名称", "New scenario name";
    ScNewPlaceholder => "如：电子厂关停", "e.g. electronics plant closes";
    ScCreate => "新建推演", "New scenario";
    ScBaseline => "基准（实际数据）", "Baseline (real data)";
    ScDeleted => "已删除推演：", "Deleted scenario: ";
    ScRename => "改名", "Rename";
    ScDuplicate => "复制", "Duplicate";
    ScDelete => "删除", "Delete";
    ScConfirmDelete => "确认删除？", "Really delete?";
    ScCompareThis => "对比", "Compare";
    ScTweaks => "假设条件", "Changes (what if …)";
    ScBaselineHint => "正在看基准（实际数据）。在下面加一项假设，就会新建一个推演；基准数据不会改变。", "You are looking at the baseline (the real data). Adding a change below starts a new scenario; the baseline is never changed.";
    ScNoTweaks => "此推演还没有假设条件，结果与基准相同。", "This scenario has no changes yet: it equals the baseline.";
    ScDoesNotApply => "此推演的假设已不适用于当前数据：", "This scenario no longer applies to the current data: ";
    ScRemoveTweak => "删除假设", "Remove change";
    ScKindClosure => "企业关停破产", "Enterprise closure";
    ScKindLayoff => "一次性裁员", "One-time layoff";
    ScKindTrend => "失业率趋势（每月增减）", "Rate trend (points per month)";
    ScKindExtend => "今后各月失业率", "Future months' rates";
    ScKindSetValue => "修改某月数值", "Change a month's value";
    ScKindThreshold => "预警阈值", "Warning threshold";
    ScKindWindow => "事件统计窗口", "Event window";
    ScKindMultiple => "“多家企业”的家数", "What counts as \"multiple\" enterprises";
    ScKindArt41 => "劳动合同法第41条口径", "Labour Contract Law art. 41 rule";
    ScAddTweak => "加一项假设", "Add a change";
    ScKind => "假设类型", "Kind of change";
    ScEnterprise => "企业", "Enterprise";
    ScEnterpriseHint => "假设企业", "hypothetical enterprise";
    ScStreet => "街道", "Street";
    ScWholeDistrict => "全区", "district as a whole";
    ScRegion => "地区", "Region";
    ScSeries => "失业率口径", "Rate series";
    ScField => "指标", "Figure";
    ScFrom => "起始月份", "First month";
    ScFromHint => "留空：最后一个有数据月份的下个月", "blank: the month after the last value";
    ScMonthHint => "留空：当前月份", "blank: the month shown";
    ScPeopleUnemployed => "造成失业人数", "People left unemployed";
    ScPeopleHint => "如 6000", "e.g. 6000";
    ScWorkforce => "职工总数", "Workforce";
    ScLaidOff => "裁减人数", "Laid off";
    ScStep => "每月变化（百分点）", "Change per month (points)";
    ScStepHint => "如 +0.2", "e.g. +0.2";
    ScMonths => "月数", "Months";
    ScValues => "各月失业率（%）", "Rates by month (%)";
    ScValuesHint => "如 5.6, 5.8, 6.0", "e.g. 5.6, 5.8, 6.0";
    ScValue => "新数值", "New value";
    ScValueHint => "留空：清除该值", "blank: clear the value";
    ScLevel => "等级", "Level";
    ScMinRate => "失业率阈值（%）", "Rate threshold (%)";
    ScSustained => "持续月数", "Sustained months";
    ScMinUnemployed => "关停破产失业人数阈值", "Closures: people threshold";
    ScMinShare => "裁员比例阈值（%）", "Layoffs: share threshold (%)";
    ScUnchangedHint => "留空：不变", "blank: unchanged";
    ScMultipleClosures => "关停破产：至少几家", "Closures: at least how many";
    ScMultipleLayoffs => "裁员：至少几家", "Layoffs: at least how many";
    ScArt41Only => "只计符合第41条规模的裁员", "Count only layoffs of art. 41 size";
    ScAdd => "加入此推演", "Add to this scenario";
    ScAddAsNew => "作为新推演加入", "Add as a new scenario";
    ScEffective => "预警等级", "Warning level";
    ScCriterion => "判定条件", "Criterion";
    ScThisScenario => "此推演", "This scenario";
    ScChange => "变化", "Change";
    ScAnswer => "推演结果", "What-if result";
    ScEvidence => "此推演的判定依据", "This scenario's evidence";
    ScCompare => "对比", "Compare";
    ScCompareHint => "基准与最多 3 个推演并排（在列表中勾选“对比”；未勾选时为当前推演及列表中的前几个）。", "The baseline and up to 3 scenarios side by side (tick \"Compare\" in the list; with none ticked, the scenario shown and the next ones in the list).";
    ScCompareChart => "登记失业率对比", "Registered rate compared";
    ScChartNote => "阈值线与底色为基准的等级；各推演的等级见上方时间轴。", "Threshold lines and shading are the baseline's; each scenario's levels are in the timelines above.";
    ScTimelines => "各月预警等级", "Level by month";
    ScColumn => "方案", "Column";
    ScLevelByMonth => "逐月等级", "Level, month by month";
    ScDiffs => "逐项差异", "Differences by criterion";
    ScNoDiff => "所选月份范围内，推演与基准的等级没有差异。", "In this range the scenarios' levels do not differ from the baseline.";
    ScExportCsv => "导出对比（CSV，推演）", "Export comparison (CSV, exercise)";
    ScWhatItTakes => "需要什么才会…", "What it takes";
    ScWhatItTakesHint => "由规则引擎计算：达到各级预警所需的最小变化，以及回到无预警所需的变化；每条都已代入引擎验证。", "Computed by the rules engine: the smallest change that reaches each level, and what brings the level back to normal; each one has been applied and checked by the engine.";
    ScEngineSays => "引擎验证", "Engine result in";
    ScUncertain => "（缺数据，可能更高）", "(missing data: could be higher)";
    ScGoToMonth => "转到该月", "Go to that month";
    ScApply => "应用为推演", "Apply as scenario";
    ScAlready => "已处于此等级或更高。", "Already at this level or higher.";
    ScBackToNormal => "回到无预警", "Back to normal";
    ScAlreadyNormal => "当前无预警。", "There is no warning now.";
    ScExerciseNote => "以下为假设推演，不是正式数据，不得作为预警发布依据。", "What follows is a hypothetical exercise, not official data, and must never be the basis of a warning.";
    ScShortcuts => "快捷键", "Shortcuts";
    ScToolbar => "推演工具栏", "What-if toolbar";
    ScPresenter => "演示模式", "Presenter mode";
    ScKeyMonth => "上个月 / 下个月", "previous / next month";
    ScKeyScenario => "上一个 / 下一个推演（含基准）", "previous / next scenario (baseline included)";
    ScKeyPick => "0 基准，1–9 第几个推演", "0 the baseline, 1–9 a scenario by position";
    ScKeyCompare => "显示 / 隐藏对比", "show / hide the comparison";
    ScKeyReach => "显示 / 隐藏“需要什么才会…”", "show / hide \"what it takes\"";
    ScKeyPresenter => "演示模式（全屏、大字、高对比度）；Esc 退出", "presenter mode (full screen, large type, high contrast); Esc leaves";
    ScKeyNew => "新建推演（转到名称）", "new scenario (to the name field)";
    ScKeyAdd => "加一项假设（转到类型）", "add a change (to the kind field)";
    ScKeyHelp => "显示 / 隐藏本帮助", "show / hide this help";
    CorruptTitle => "浏览器中保存的数据无法读取：", "The data stored in this browser cannot be read:";
    CorruptBody => "原数据保持不变，不会被覆盖。请先下载原文本留存，再决定是否用示例数据替换。", "It is left untouched and will not be overwritten. Download the stored text first, then decide whether to replace it with the sample.";
    DownloadStored => "下载原始存储文本", "Download the stored text";
    ReplaceWithSample => "用示例数据替换", "Replace with the sample";
    ConflictTitle => "另一个标签页保存了较新的数据。", "Another tab saved newer data.";
    ConflictBody => "本标签页的修改尚未保存，也不会自动覆盖对方。请选择：", "This tab's changes are not saved and will not overwrite it silently. Choose:";
    LoadTheirs => "载入较新数据（放弃本页修改）", "Load the newer data (discard this tab's changes)";
    KeepMine => "保留本页数据（覆盖）", "Keep this tab's data (overwrite)";
    LoadingWorkspace => "正在读取浏览器中保存的数据…", "Reading the data stored in this browser…";
    StorageBlocked => "本应用的另一个标签页（旧版本）占用着浏览器存储，暂时无法打开。请关闭本应用的其他标签页；关闭后本页会自动继续。", "Another tab of this app (an older version) is holding the browser storage open. Close the app's other tabs; this page continues by itself once they are closed.";
    StorageTakenOver => "本应用的新版本已在另一个标签页中打开并正在升级浏览器存储；本页不再保存。请重新载入本页，以新版本继续。", "A newer version of the app was opened in another tab and is upgrading the browser storage; this page no longer saves. Reload it to continue with the newer version.";
    ReloadPage => "重新载入本页", "Reload this page";
    SaveFailedTitle => "数据未能保存到浏览器：", "The data could not be saved in this browser:";
    SaveFailedBody => "数据仍在本页内存中，请立即导出快照以免丢失。", "It is still in this tab's memory: export a snapshot now so nothing is lost.";
    TryAgain => "重试保存", "Try saving again";
    SampleData => "示例数据", "Sample data";
    SampleBody => "当前显示的是内置示例数据（滨江区 2022-01 至 2026-10，虚构），用于熟悉操作。", "You are looking at the built-in sample (Binjiang, 2022-01 to 2026-10, fictitious), for getting to know the app.";
    StartEmpty => "清空，开始录入", "Start empty";
    ResetToSample => "恢复示例数据", "Reset to sample";
    ExportReminder => "已有一段时间未导出快照。浏览器可能清除网站数据，请定期导出备份。", "No snapshot has been exported for a while. Browsers may clear site data: export a backup regularly.";
    Dismiss => "关闭", "Dismiss";
    MonthlyData => "月度监测数据", "Monthly monitoring data";
    Figure => "指标", "Figure";
    ShowAllMonths => "显示全部月份", "Show all months";
    Undo => "撤销", "Undo";
    Redo => "重做", "Redo";
    ConfirmReset => "用示例数据替换当前全部数据？此操作不能撤销，请先导出快照。", "Replace all current data with the sample? This cannot be undone: export a snapshot first.";
    GridHelp => "选中单元格后直接输入即替换原值；Tab 移到同月下一个地区，回车确认并移到下一个月；F2 或回车在原值上修改；Esc 恢复已保存的值；Ctrl+Z / Ctrl+Y 撤销、重做；可直接粘贴从 Excel 复制的区域。灰色数值由下级社区合计或由人数计算得出。", "Typing into a selected cell replaces its value; Tab moves to the next region of the month, Enter commits and moves to the next month; F2 or Enter edits the value in place; Esc puts back what is stored; Ctrl+Z / Ctrl+Y undo and redo; paste a block copied from Excel. Grey values are the communities' totals or computed from counts.";
    EntryGrid => "数据录入表", "Data entry grid";
    GridEntered => "已录入", "Entered";
    GridStreet => "范围", "Regions";
    GridWholeDistrict => "全区（所有街道和社区）", "Whole district (every street and community)";
    GridAddMonth => "添加月份", "Add month";
    GridNothingEntered => "未录入", "nothing entered";
    GridReadOnly => "只读：此处显示的数据不能修改，录入已停用。", "Read-only: the data shown here cannot be changed; entry is switched off.";
    GridReadOnlyShared => "这是分享链接中的数据。要录入，请先点上方的“另存为我的副本”。", "This is the data of a share link. To enter data, first choose \"Save as my copy\" above.";
    PasteRefused => "粘贴未执行，以下单元格有误：", "Nothing was pasted; these cells are wrong: ";
    CsvTitle => "CSV 导入导出", "CSV import and export";
    ExportMonthlyCsv => "导出月度数据 CSV", "Export monthly data CSV";
    ExportEventsCsv => "导出企业事件 CSV", "Export events CSV";
    ImportMonthlyCsv => "导入月度数据 CSV…", "Import monthly data CSV…";
    ImportEventsCsv => "导入企业事件 CSV…", "Import events CSV…";
    CsvHelp => "CSV 为 UTF-8（带 BOM，Excel 可直接打开中文）。导入前先预览；有错误的行按行号列出。", "CSV files are UTF-8 with a BOM (Excel opens Chinese correctly). Imports are previewed first; bad rows are listed by row number.";
    XlsxTitle => "Excel 工作簿", "Excel workbooks";
    ImportXlsx => "导入 Excel…", "Import Excel…";
    ExportXlsx => "导出 Excel", "Export Excel";
    DownloadTemplate => "下载填报模板", "Download the report template";
    TemplateStreet => "街道", "Street";
    TemplateMonth => "月份", "Month";
    XlsxHelp => "读取 .xlsx、.xls、.ods：表头可在标题行之下，数字可为文本，失业率可为百分比格式，日期可为 Excel 日期。错误按单元格列出（如 Sheet1!D14）。首次使用时加载工作簿组件，之后离线可用。", "Reads .xlsx, .xls and .ods: the header may sit under title rows, numbers may be text, rates may be percentages, dates Excel dates. Errors name the cell (Sheet1!D14). The workbook component loads on first use and then works offline.";
    XlsxSheet => "工作表", "Sheet";
    XlsxHiddenSheet => "（隐藏）", "(hidden)";
    XlsxLoading => "正在处理工作簿…", "Working on the workbook…";
    TemplatePreview => "街道月报", "Street report";
    TemplateConflicts => "与现有数据冲突的项：", "Items that conflict with the data: ";
    TemplateKeepMine => "保留本地数据", "Keep mine";
    TemplateTakeTheirs => "采用月报数据", "Take the report's";
    ImportDone => "已导入。可用“撤销”撤回。", "Imported. Use Undo to take it back.";
    IgnoredColumns => "未识别的列（忽略）", "Unrecognised columns (ignored)";
    ImportPreview => "导入预览", "Import preview";
    RowsAdd => "行新增", "rows to add";
    RowsChange => "行修改", "rows to change";
    RowsSame => "行不变", "rows unchanged";
    SkipBadRows => "跳过错误行，只导入正确的行", "Skip bad rows and import the good ones";
    ImportApply => "导入", "Import";
    Cancel => "取消", "Cancel";
    EventsTitle => "企业关停破产与一次性裁员", "Enterprise closures and one-time layoffs";
    AddClosure => "登记关停破产", "Record a closure";
    AddLayoff => "登记一次性裁员", "Record a one-time layoff";
    Enterprise => "企业", "Enterprise";
    Industry => "行业", "Industry";
    Street => "街道", "Street";
    Date => "日期", "Date";
    Workforce => "职工总数", "Workforce";
    PeopleUnemployed => "失业人数", "People left unemployed";
    PeopleLaidOff => "裁员人数", "People laid off";
    PeopleCol => "人数", "People";
    EventKindCol => "类型", "Kind";
    Add => "添加", "Add";
    Remove => "删除", "Remove";
    Required => "必填", "required";
    BadDate => "请填写有效日期（YYYY-MM-DD）", "enter a valid date (YYYY-MM-DD)";
    FarFromData => "以下月份远离其余数据（可能是年份输入错误），导入前请核对：", "These months lie years away from the rest of the data (a typo'd year?); check them before importing:";
    YearOutsideSpan => "年份超出合理范围 1990–2100（可能是输入错误）", "year outside the plausible span 1990–2100 (a typo?)";
    EventAdded => "已添加。", "Added.";
    RegionsTitle => "地区（区—街道—社区）", "Regions (district — street — community)";
    NewStreetName => "新街道名称：", "Name of the new street:";
    NewCommunityName => "新社区名称：", "Name of the new community:";
    RenamePrompt => "新名称：", "New name:";
    Rename => "改名", "Rename";
    AddStreet => "添加街道", "Add street";
    AddCommunity => "添加社区", "Add community";
    RateTrend => "失业率走势", "Unemployment rate trend";
    PerMonth => "当月", "in the month";
    Charts => "趋势图", "Charts";
    Projected => "预测", "projected";
    SharedTitle => "共享快照（只读）。", "Shared snapshot (read-only).";
    SharedBody => "这是通过链接打开的数据，您浏览器中保存的数据未受影响。", "This data came with a link; the data saved in your browser is untouched.";
    SaveAsMyCopy => "保存为我的数据（先备份现有数据）", "Save as my copy (backs up my data first)";
    BackToMine => "返回我的数据", "Back to my data";
    NavSnapshots => "快照与共享", "Snapshots";
    SnapExportTitle => "导出快照", "Export a snapshot";
    SnapExportHelp => "快照是一个 JSON 文件，包含预案参数与全部数据，可通过邮件或聊天发送；也是浏览器数据被清除时的备份。", "A snapshot is one JSON file with the plan parameters and all data, to send by mail or chat; it is also your backup should the browser clear its data.";
    ExportWhole => "导出全区快照", "Export the whole district";
    ExportStreet => "导出本街道快照", "Export one street";
    SnapImportTitle => "导入快照", "Import a snapshot";
    SnapImportHelp => "选择文件或拖放到此处。导入前完整检查并预览；冲突逐项由您决定；导入前的数据自动备份，可一键恢复。", "Choose a file or drop it here. It is checked in full and previewed first; you decide every conflict; the data before the import is backed up and can be restored in one click.";
    ChooseFile => "选择快照文件…", "Choose a snapshot file…";
    DropHere => "或将文件拖放到这里", "or drop a file here";
    Replace => "替换全部数据", "Replace all data";
    Merge => "合并", "Merge";
    SideMine => "本地", "Mine";
    SideTheirs => "导入", "Imported";
    RegionWord => "地区", "Region";
    NameWord => "名称", "Name";
    OwnThresholds => "街道自有标准", "own thresholds";
    ChoiceMine => "保留本地", "Keep mine";
    ChoiceTheirs => "采用导入", "Take theirs";
    AllKeepMine => "全部保留本地", "Keep mine for all";
    AllTakeTheirs => "全部采用导入", "Take theirs for all";
    Conflicts => "冲突", "Conflicts";
    Added => "新增", "added";
    Changed => "补充/修改", "changed";
    Identical => "相同", "identical";
    Conflicting => "冲突", "conflicting";
    ReplaceLoses => "替换将删除本地独有的", "Replacing removes what only you have";
    OpenReadOnly => "只读打开", "Open read-only";
    Warnings => "提示", "Warnings";
    BackupTitle => "自动备份", "Automatic backup";
    RestoreBackup => "恢复备份", "Restore the backup";
    NoBackup => "尚无备份（导入、合并或保存共享数据前会自动备份）。", "No backup yet (one is made before every import, merge or saved shared copy).";
    ShareTitle => "共享链接", "Share link";
    ShareHelp => "数据压缩后放在链接的 # 之后，不经过任何服务器。打开链接的人看到只读副本。", "The data is compressed into the part of the link after #, which never reaches any server. Whoever opens it sees a read-only copy.";
    MakeLink => "生成链接", "Create link";
    MakeStreetLink => "生成本街道链接", "Create a link for one street";
    CopyLink => "复制链接", "Copy link";
    Copied => "已复制。", "Copied.";
    LinkChars => "字符", "characters";
    ImportedMerged => "已合并。导入前的数据已备份。", "Merged. The data before it is backed up.";
    ImportReading => "正在读取文件…", "Reading the file…";
    ImportComparing => "正在与当前数据比较…", "Comparing with the current data…";
    ImportCancelled => "已取消导入，数据未改动。", "Import cancelled; nothing changed.";
    ImportedReplaced => "已替换。导入前的数据已备份。", "Replaced. The data before it is backed up.";
    MigratedFrom => "已从旧版本格式升级：版本", "Migrated from format version";
    ImportStale => "数据在预览后已改变，请重新选择文件。", "The data changed after the preview; choose the file again.";
    NavDashboard => "总览", "Dashboard";
    NavData => "数据", "Data";
    NoDataYet => "还没有监测数据。请在“数据”页录入或导入。", "No monitoring data yet. Enter or import it on the Data page.";
    Scope => "范围", "Scope";
    Month => "月份", "Month";
    PrevMonth => "上个月", "Previous month";
    NextMonth => "下个月", "Next month";
    ThresholdsDistrict => "采用区预案标准（§5.1）", "Using the district plan's thresholds (§5.1)";
    ThresholdsStreetOwn => "采用本街道预案标准（§9）", "Using the street's own thresholds (§9)";
    SpecialInForce => "特殊认定生效", "Special determination in force";
    SpecialPending => "特殊认定待批", "Special determination pending";
    CityWarningInForce => "市级预警生效", "City warning in force";
    IndicatorLevel => "指标等级", "Indicator level";
    Missing => "缺", "missing";
    SourceEntered => "录入值", "entered";
    Evidence => "依据", "Evidence";
    PeopleInWindow => "人失业，统计窗口", "people unemployed, window";
    Enterprises => "家企业", "enterprise(s)";
    ExcludedArt41 => "未达第四十一条规模，不计入", "below art. 41 size; not counted";
    StreetsSideBySide => "各街道", "Streets side by side";
    StreetsNote => "街道等级按街道范围评估，不单独提高全区等级（§9）。点击查看该街道。", "Street levels are evaluated for the street alone and never raise the district level by themselves (§9). Click to view a street.";
    StreetFind => "查找街道", "Find a street";
    StreetFindHint => "街道名称或编号", "Street name or id";
    WarnedOnly => "只看有预警的", "Warnings only";
    PagePrev => "上一页", "Previous page";
    PageNext => "下一页", "Next page";
    NoStreetMatches => "没有符合条件的街道。", "No street matches.";
    RegionFind => "查找地区", "Find a region";
    RegionFindHint => "街道或社区名称、编号，回车跳转", "Street or community name or id; Enter to go";
    RegionNotFound => "没有找到该地区。", "No region by that name or id.";
    GridStreetsOnly => "地区较多：此处只列全区和各街道（社区数为合计）；选择街道即可逐个社区录入。", "Many regions: this view lists the district and its streets (their figures are the communities' sums); choose a street to enter its communities.";
    LevelTimeline => "等级时间线", "Level timeline";
    TrRaised => "发布预警", "warning raised";
    TrEscalated => "升级", "escalated";
    TrDeEscalated => "降级", "de-escalated";
    TrBackToNormal => "恢复正常", "back to normal";
    KeyGroups => "重点群体", "Key groups";
    Graduates => "高校毕业生", "College graduates";
    Difficulty => "就业困难人员", "People with employment difficulties";
    Migrants => "农民工", "Migrant workers";
    Language => "语言", "Language";
    PlanIssued => "印发日期", "Issued";
    PlanContents => "目录", "Contents";
    OriginalText => "原文", "Original";
    SecScope => "适用范围与工作原则", "Scope and principles";
    SecLevels => "预警等级", "Warning levels";
    SecParameters => "解释参数", "Interpretation parameters";
    SecHq => "指挥部", "Headquarters";
    SecDuties => "成员单位职责", "Member units and duties";
    SecMonitoring => "失业监测", "Monitoring";
    SecReporting => "报告时限", "Reporting deadlines";
    SecBulletin => "预警信息发布", "Warning bulletin";
    SecMeasures => "应急处置措施", "Response measures";
    SecEnd => "应急结束", "End of the emergency";
    SecRequirements => "工作要求与附则", "Requirements and supplementary provisions";
    LevelCol => "等级", "Level";
    ColourCol => "颜色", "Colour";
    RateCol => "失业率", "Unemployment rate";
    ClosuresCol => "关停破产", "Closures";
    LayoffsCol => "一次性裁员", "One-time layoffs";
    OtherCriteriaCol => "其他条件", "Other criteria";
    PlanFile => "预案文件：检查、预设、导出与导入", "Plan file: check, presets, export and import";
    PlanNoProblems => "预案检查：无问题。", "Plan check: no problems.";
    PlanDifferences => "与预设的差异", "Differences from the preset";
    PlanSameAsPreset => "与预设相同。", "Same as the preset.";
    PlanPreset => "预设", "Preset";
    PlanUsePreset => "改用此预设", "Use this preset";
    PlanConfirmPreset => "工作区的预案将被所选预设替换；可以撤销。", "The workspace's plan will be replaced by the chosen preset; this can be undone.";
    PlanExport => "导出预案（JSON）", "Export plan (JSON)";
    PlanImport => "导入预案", "Import plan";
    PlanImportHasErrors => "预案文件有错误，未导入：", "The plan file has errors and was not imported:";
    PeTitle => "编辑预案", "Edit the plan";
    PeHelp => "每项修改在按回车或离开输入框时保存，可以撤销（Ctrl+Z）；会使预案无法判定的修改不予接受，并说明是哪一项。", "Each change is saved on Enter or on leaving the field and can be undone (Ctrl+Z); a change that would leave the plan unevaluable is refused, naming the item.";
    PeSaved => "已保存：", "Saved: ";
    PeWhose => "编辑哪一级的预案", "Whose plan";
    PeWhoseDistrict => "区级预案", "The district's plan";
    PeOwnLevels => "（自有分级标准）", " (own levels)";
    PeStreetFollows => "该街道沿用区级分级标准。在下面修改任何一项，即为该街道建立自己的分级标准（§9），只用于评估该街道；指挥部、措施和参数沿用区级预案。", "This street follows the district's levels. Changing anything below gives the street its own levels (§9), used to evaluate it alone; the HQ, measures and parameters stay the district's.";
    PeStreetOwn => "该街道有自己的分级标准（§9），只用于评估该街道；指挥部、措施和参数沿用区级预案。", "This street has its own levels (§9), used to evaluate it alone; the HQ, measures and parameters stay the district's.";
    PeStreetFollow => "删除自有分级标准，改用区级", "Drop its own levels, follow the district's";
    PeHasWarnings => "（有提醒，见下方预案检查）", " (with warnings: see the plan check below)";
    PeLevels => "预警等级与判定条件", "Levels and criteria";
    PeName => "名称", "Name";
    PeLabel => "简称", "Short label";
    PeClause => "条款编号", "Clause label";
    PeClauseText => "条款内容", "Clause text";
    PeColour => "颜色", "Colour";
    PeByNumber => "按编号（默认）", "by number (default)";
    PeUp => "上移", "Move up";
    PeDown => "下移", "Move down";
    PeRemove => "删除", "Remove";
    PeAddLevel => "添加等级", "Add a level";
    PeAddCriterion => "添加判定条件", "Add a criterion";
    PeAdd => "添加", "Add";
    PeThreshold => "阈值", "Threshold";
    PeComparison => "比较", "Comparison";
    PeMonths => "持续月数", "Sustained months";
    PeSeries => "失业率序列", "Rate series";
    PeSeriesPlan => "按解释参数", "the plan's parameter";
    PeSeriesRegistered => "登记失业率", "registered";
    PeSeriesSurveyed => "调查失业率", "surveyed";
    PeSeriesEither => "任一", "either";
    PePeople => "人数", "People";
    PeShare => "比例 %", "Share %";
    PeWorkforce => "企业从业人员下限（可空）", "Least workforce (optional)";
    PeIndicator => "指标", "Indicator";
    PeIndicators => "自定指标", "Own indicators";
    PeUnit => "单位", "Unit";
    PeZh => "中文", "Chinese";
    PeEn => "英文", "English";
    PeHq => "指挥部", "Headquarters";
    PeCommander => "总指挥（一级以外）", "Commander (levels other than 1)";
    PeCommanderL1 => "总指挥（一级）", "Commander at level 1";
    PeUnits => "单位", "Units";
    PeDuties => "成员单位职责", "Member units' duties";
    PeText => "内容", "Text";
    PeTitleField => "标题", "Title";
    PeStart => "起算", "Counted from";
    PeStartEvent => "突发事件发生", "the event";
    PeStartLevel => "达到预警等级", "the level being reached";
    PeLevelsField => "适用等级（不选即全部）", "Levels (none selected: all)";
    PeHours => "时限（小时）", "Within (hours)";
    PlanReplaced => "预案已替换并保存；可以撤销。", "The plan was replaced and saved; this can be undone.";
    AnyOneSuffices => "满足任一条件即达到该等级；“以上”含本数（§9）。", "Any one condition suffices; \"以上\" (at or above) includes the number (§9).";
    SustainedMonths => "持续", "sustained";
    MonthsUnit => "个月以上", "months or more";
    PeopleUnit => "人以上失业", "or more unemployed";
    OfWorkforce => "以上（占企业职工总数）", "or more of the workforce";
    SpecialDetermination => "特殊认定", "Special determination";
    ParamName => "参数", "Parameter";
    ParamValue => "取值", "Value";
    ParamReason => "理由", "Reason";
    OpenPoint => "待解释点", "Open point";
    Commander => "总指挥", "Commander";
    Deputies => "副总指挥", "Deputy commanders";
    Members => "成员", "Members";
    HqOffice => "指挥部办公室", "HQ office";
    HqSetup => "成立条件", "When set up";
    DeadlineTask => "事项", "Task";
    DeadlineBy => "责任方", "By";
    DeadlineTo => "报告对象", "Report to";
    DeadlineWithin => "时限", "Within";
    Hours => "小时", "hours";
    Simultaneous => "同时", "at the same time";
    AllLevels => "各级", "all levels";
    BulletinFields => "预警信息应包括", "A bulletin must contain";
    FilterUnit => "按责任单位筛选", "Filter by responsible unit";
    FilterLevel => "按等级筛选", "Filter by level";
    AllUnits => "全部单位", "All units";
    MeasuresShown => "条措施", "measures shown";
    ResponsibleUnits => "责任单位", "Responsible units";
    StartProcedure => "启动程序", "Start procedure";
    ControlPolicy => "失业调控", "Control policy";
    EmergencyMeasures => "应急措施", "Emergency measures";
    MayAdd => "可加选", "May add";
    PackageOf => "级措施包", "level package";
    PrintPage => "打印", "Print";
    StreetDuties => "街道失业应急指挥机构", "Street emergency bodies";
    ClauseLabel => "条款", "Clause";
    PrincipalLeadersAtL1 => "一级时由各单位主要负责人担任成员", "At level 1 the principal leaders are members";
    NoMeasuresForFilter => "该单位在此等级没有责任措施。", "This unit has no measures at this level.";
    StorageUnavailable => "浏览器存储不可用，语言设置不会被记住。", "Browser storage is unavailable; the language choice will not be remembered.";
    // Response playbook (§3, §4.4, §5.2–§5.4, §6, §7)
    PbNav => "应急响应", "Response";
    PbTitle => "应急响应 · Response", "Response · 应急响应";
    PbIntro => "按预案启动和处置失业应急响应：启动审批、指挥部、应急措施、报告时限、预警信息、分析报告、应急结束，全程留痕。", "Run an unemployment emergency response by the plan: approval to start, HQ, measures, reporting deadlines, bulletins, analysis reports, the end of the emergency, all recorded.";
    PbSections => "应急响应各部分", "Response sections";
    PbSecStatus => "响应状态与启动", "Status and activation";
    PbSecHq => "应急指挥部", "HQ roster";
    PbSecMeasures => "应急措施", "Measures";
    PbSecDeadlines => "报告时限", "Deadlines";
    PbSecBulletins => "预警信息发布", "Bulletins";
    PbSecReports => "分析报告", "Analysis reports";
    PbSecEnd => "应急结束", "End of emergency";
    PbSecAudit => "操作记录", "Audit trail";
    PbClockAndUser => "时钟与记录人", "Clock and recorder";
    PbNow => "当前时间", "Now";
    PbCst => "北京时间", "CST, UTC+8";
    PbUser => "记录人（您的姓名）", "Recorded by (your name)";
    PbNeedUser => "请先填写记录人姓名，每条记录都会写明由谁记录。", "Enter your name first: every record says who made it.";
    PbDrillClock => "演练时钟", "Exercise/drill clock";
    PbDrillClockHelp => "设置固定时间用于演练或复盘；设置后所有记录和倒计时都按此时间，直到清除。", "Set a fixed time for an exercise or a review; every record and countdown uses it until cleared.";
    PbDrillClockApply => "使用演练时钟", "Use drill clock";
    PbDrillClockClear => "恢复真实时间", "Back to real time";
    PbDrillClockOn => "演练时钟已启用：显示和记录的时间是设定的固定时间，不是真实时间。", "Drill clock on: the time shown and recorded is the fixed time set, not the real time.";
    PbDrillClockSet => "演练时钟已设置", "Drill clock set";
    PbDrillClockCleared => "已恢复真实时间", "Back to real time";
    PbNoResponse => "尚无应急响应记录。", "No response has been recorded yet.";
    PbClosedTag => "已结束 · 只读", "Closed · read-only";
    PbPhaseActive => "响应中", "Active";
    PbPhaseEnding => "结束程序中", "Ending";
    PbPhaseClosed => "已结束（只读）", "Closed (read-only)";
    PbResponseNo => "响应", "Response";
    PbExerciseMark => "推演 · EXERCISE", "EXERCISE · 推演";
    PbApprovedBy => "批准人", "Approved by";
    PbLevelReachedAt => "达到等级时间", "Level reached at";
    PbEventTime => "突发事件发生时间", "Event time";
    PbEventTimeOptional => "突发事件发生时间（如有）", "Event time (if any)";
    PbEventTimeHelp => "因重大突发事件达到等级时填写，§5.3 的 12 小时到达现场、24 小时先期处置报告由此起算；因失业率等连续监测达到等级时留空。", "Fill in when a sudden major event reached the level: the §5.3 clocks (on site in 12 h, first report in 24 h) start there. Leave empty when the level was reached by the monitored indicators.";
    PbBasisMonth => "依据月份", "Basis month";
    PbRecordedBy => "记录人", "Recorded by";
    PbLevelChanges => "等级调整", "Level changes";
    PbActivatable => "按该月评估，可启动：", "On this month's evaluation a response may start at:";
    PbEvaluationOf => "区级评估", "District evaluation";
    PbStartTitle => "启动应急响应", "Start a response";
    PbLevel => "响应等级", "Response level";
    PbStartProcedure => "启动程序（请在总指挥批准前阅读）", "Start procedure (read before the commander approves)";
    PbCommanderApproval => "批准启动的总指挥", "Commander who approved";
    PbApprovalTime => "批准时间", "Approval time";
    PbExercise => "演练（推演响应，预警信息状态为 Exercise）", "Exercise (a drill: bulletins carry status Exercise)";
    PbBasisData => "数据依据", "Data";
    PbBasisReal => "实际数据", "Real data";
    PbOnScenarioNote => "按推演数据演练：评估、预警信息和分析报告均依据该推演，所发信息一律标为演练（Exercise）。", "An exercise on the scenario's data: evaluations, bulletins and reports rest on that scenario, and everything issued is marked Exercise.";
    PbActivate => "记录总指挥批准并启动响应", "Record the commander's approval and start";
    PbActivated => "应急响应已启动", "Response started";
    PbChangeLevel => "升级或降级", "Escalate or de-escalate";
    PbChangeLevelHelp => "按所选月份的评估调整响应等级，需记录总指挥批准；降至三级以下即为应急结束（§7）。", "Change the level to what the chosen month's evaluation supports, with the commander's approval; below level 3 is the end of the emergency (§7).";
    PbReason => "理由", "Reason";
    PbRecordLevelChange => "记录等级调整", "Record the level change";
    PbLevelChanged => "响应等级已调整", "Level changed";
    PbAllResponses => "全部响应记录", "All responses";
    PbShow => "查看", "Show";
    PbHqFilled => "已填写", "Filled";
    PbPost => "职务", "Post";
    PbUnit => "单位", "Unit";
    PbName => "姓名", "Name";
    PbContact => "联系方式", "Contact";
    PbSave => "保存", "Save";
    PbSaved => "已保存", "Saved";
    PbDecision => "指挥部决定", "HQ decision";
    PbRecordDecision => "记录决定", "Record decision";
    PbDecisionRecorded => "决定已记录", "Decision recorded";
    PbProgress => "措施完成进度", "Measures progress";
    PbPackagesAdded => "已加选措施包", "Packages added";
    PbAddPackage => "加选措施包", "Add package";
    PbPackageAdded => "措施包已加选", "Package added";
    PbUnitTasks => "按单位查看任务", "Tasks of unit";
    PbAllUnits => "全部单位", "All units";
    PbMeasure => "措施", "Measure";
    PbStatus => "状态", "Status";
    PbOwner => "具体负责人", "Owner";
    PbNote => "备注", "Note";
    PbDates => "日期", "Dates";
    PbStarted => "开始", "Started";
    PbDone => "完成", "Done";
    PbResponsibleUnits => "责任单位", "Responsible units";
    PbProgressByUnit => "各单位进度", "Progress by unit";
    PbDoneOfTotal => "完成 / 总数", "Done / total";
    PbOverdueAlert => "已超时的报告时限", "Deadlines overdue";
    PbNoDeadlines => "本响应没有报告时限。", "This response has no deadlines.";
    PbDeadlinesHelp => "时限自突发事件发生时间（§5.3）或达到等级时间（§5.2）起算，均为北京时间；倒计时每 30 秒刷新。", "Deadlines run from the event time (§5.3) or the time the level was reached (§5.2), in China Standard Time; countdowns refresh every 30 s.";
    PbTask => "事项", "Task";
    PbFrom => "起算", "From";
    PbDue => "截止", "Due";
    PbCompletion => "完成情况", "Completion";
    PbWithinHours => "时限", "within";
    PbDoneAt => "完成时间", "Done at";
    PbSameTime => "与等级报告同时", "at the same time as the level report";
    PbMarkDone => "记录完成", "Record as done";
    PbDeadlineDone => "完成情况已记录", "Completion recorded";
    PbBulletinHelp => "预警信息由评估自动起草七项内容（中英文），可修改；须经指挥部批准后发布；发布后可变更（CAP Update）或解除（CAP Cancel）。", "A bulletin is drafted from the evaluation with the seven fields in both languages, editable; the HQ approves before issue; once issued it can be changed (CAP Update) or cancelled (CAP Cancel).";
    PbNoBulletins => "尚未起草预警信息。", "No bulletin drafted yet.";
    PbDraftBulletin => "根据评估起草预警信息", "Draft a bulletin from the evaluation";
    PbBulletinDrafted => "预警信息草稿已生成", "Bulletin drafted";
    PbBulletinApproved => "指挥部批准已记录", "HQ approval recorded";
    PbBulletinIssued => "预警信息已发布", "Bulletin issued";
    PbBulletinWithdrawn => "草稿已撤回", "Draft withdrawn";
    PbBulletinChangeDrafted => "变更稿已生成（发布后为 CAP Update）", "Change drafted (a CAP Update once issued)";
    PbBulletinCancelled => "预警信息已解除", "Bulletin cancelled";
    PbCapExported => "已导出 CAP 1.2 文件", "CAP 1.2 file exported";
    PbHqApproval => "指挥部批准", "HQ approval";
    PbHqApprover => "批准人（指挥部）", "Approved by (HQ)";
    PbIssued => "发布", "Issued";
    PbCancelledAt => "已解除", "Cancelled";
    PbSupersedes => "变更自", "Supersedes";
    PbDrafted => "起草", "Drafted";
    PbPrintPreview => "打印预览", "Print preview";
    PbExportCap => "导出 CAP 1.2", "Export CAP 1.2";
    PbEdit => "修改", "Edit";
    PbWithdraw => "撤回草稿", "Withdraw draft";
    PbIssue => "发布", "Issue";
    PbDraftChange => "起草变更", "Draft a change";
    PbApprove => "记录批准", "Record approval";
    PbCancelBulletin => "解除预警信息", "Cancel the bulletin";
    PbEditBulletin => "修改预警信息", "Edit bulletin";
    PbBulletinTitle => "标题", "Title";
    PbInChinese => "中文", "Chinese";
    PbInEnglish => "英文", "English";
    PbClose => "关闭", "Close";
    PbPrintHelp => "打印时只输出此文件（A4）；可在打印对话框中另存为 PDF。", "Printing prints this document alone (A4); the print dialog can save it as PDF.";
    PbNotIssuedMark => "未发布", "Not issued";
    PbDocDate => "日期", "Date";
    PbReportHelp => "按月或按季度生成分析报告（形势、等级及依据、街道对比、图表、趋势与预测、措施进度），可打印，可保存到本响应记录。", "Generate a monthly or quarterly report (situation, level and evidence, streets, charts, trend and projection, measures' progress); print it, or save it to the response record.";
    PbReportKind => "报告类型", "Report type";
    PbMonthly => "月度", "Monthly";
    PbQuarterly => "季度", "Quarterly";
    PbReportMonth => "月份（季度取所在季度）", "Month (a quarter takes its quarter)";
    PbGenerateReport => "生成报告", "Generate report";
    PbSaveReport => "保存到响应记录", "Save to the response";
    PbReportSaved => "分析报告已保存", "Report saved";
    PbNoReports => "尚未保存分析报告。", "No report saved yet.";
    PbSavedReports => "已保存的分析报告", "Saved reports";
    PbEndConditions => "结束条件", "End conditions";
    PbAsOf => "截至月份", "As of month";
    PbEndMonths => "连续低于三级的月数", "Months below level 3 required";
    PbEffectiveLevel => "实际等级", "Effective level";
    PbEndEvaluation => "应急处置评估", "Evaluation of the response";
    PbEndCause => "起因", "Cause";
    PbEndNature => "性质", "Nature";
    PbEndImpact => "影响", "Impact";
    PbEndResponsibility => "责任", "Responsibility";
    PbEndLessons => "经验教训", "Lessons";
    PbRecordEndEvaluation => "记录评估（附结束条件核查）", "Record the evaluation (with the conditions check)";
    PbEndEvaluationRecorded => "评估已记录", "Evaluation recorded";
    PbEndCheckRecorded => "结束条件核查", "Conditions check";
    PbDistrictApproval => "区政府同意", "District government's consent";
    PbCityApproval => "市失业应急办批准", "City office's approval";
    PbEndNotice => "通知成员单位", "Notice to member units";
    PbClosedAt => "响应关闭", "Closed";
    PbPending => "待办", "Pending";
    PbDistrictApprover => "区政府（批准人）", "District government (approver)";
    PbCityApprover => "市失业应急办（批准人）", "City office (approver)";
    PbRecordDistrictApproval => "记录区政府同意", "Record the district's consent";
    PbRecordCityApproval => "记录市失业应急办批准", "Record the city's approval";
    PbNoticeHelp => "向指挥部报告并通知全体成员单位应急结束。", "Report to the HQ and notify every member unit of the end.";
    PbNotifyEnd => "记录已报告指挥部并通知成员单位", "Record the report to the HQ and the notice";
    PbNoticeSent => "通知已记录", "Notice recorded";
    PbCloseHelp => "关闭后本响应只读，不能再修改；新情况须另行启动响应。", "Once closed the response is read-only; a new situation is a new response.";
    PbCloseResponse => "关闭响应", "Close the response";
    PbResponseClosed => "响应已关闭（只读）", "Response closed (read-only)";
    ScProjectionMonth => "推演月份（尚无实际数据）", "Projected month (no data yet)";
    ScDataUntil => "实际数据截至", "Real data up to";
    ShareLinkLong => "此链接超过约 2 000 个字符，许多聊天工具会把它截断，对方打开的将是不完整的数据。请改为发送快照文件：", "This link is longer than about 2,000 characters; many chat tools cut such links, and the other side would open incomplete data. Send the snapshot file instead:";
    ShareLinkLabel => "分享链接", "Share link";
    ChartDownloadSvg => "下载 SVG 图", "Download SVG chart";
    ChartDownloadPng => "下载 PNG 图", "Download PNG chart";
    BackupBeforeImport => "导入前的状态", "the state before an import";
    BackupBeforeMerge => "合并前的状态", "the state before a merge";
    BackupBeforeShare => "保存共享数据前的状态", "the state before saving shared data";
    BackupBeforeRestore => "恢复备份前的状态", "the state before a restore";
    PbConfirmBack => "返回，不执行", "Back, do nothing";
    PbConfirmWhat => "请确认：此步骤不可撤销", "Please confirm: this step cannot be undone";
    PbConfirmStart => "确认启动", "Confirm the start";
    PbConfirmStartReal => "将启动实际（非演练）响应：报告时限开始计时，生成措施清单，预警信息将以实际状态（CAP Actual）发布。启动记录不可删除。", "This starts a real (not exercise) response: the reporting clocks start, the measures list is created, and bulletins go out as real (CAP Actual). The start cannot be deleted.";
    PbConfirmStartExercise => "将启动演练响应：报告时限开始计时，所发信息一律标为演练（CAP Exercise）。启动记录不可删除。", "This starts an exercise response: the reporting clocks start and everything issued is marked as an exercise (CAP Exercise). The start cannot be deleted.";
    PbConfirmIssue => "确认发布", "Confirm issue";
    PbConfirmIssueReal => "将向公众发布实际预警信息（CAP Actual）。发布后不可撤回，只能经指挥部批准发布解除公告。", "This issues a real public warning (CAP Actual). It cannot be taken back; only a cancellation approved by the HQ ends it.";
    PbConfirmIssueExercise => "将发布演练预警信息（CAP Exercise）。发布后不可撤回。", "This issues an exercise warning (CAP Exercise). It cannot be taken back.";
    PbConfirmWithdraw => "确认撤回", "Confirm withdrawal";
    PbConfirmWithdrawText => "草稿将被撤回，不能再批准或发布。", "The draft is withdrawn and can no longer be approved or issued.";
    PbConfirmCancelBulletin => "确认解除", "Confirm cancellation";
    PbConfirmCancelText => "将发布解除公告（CAP Cancel），该预警信息即时失效，不可恢复。", "This issues a cancellation (CAP Cancel): the warning ends at once and cannot be restored.";
    PbConfirmLevel => "确认调整", "Confirm the level change";
    PbConfirmLevelText => "将记录响应级别调整，新级别的报告时限随即开始。调整记录不可删除。", "This records the level change; the new level's reporting clocks start. The change cannot be deleted.";
    PbConfirmApproval => "确认记录批准", "Confirm the approval";
    PbConfirmApprovalText => "批准记录进入审计记录，不可删除。", "The approval goes into the audit trail and cannot be deleted.";
    PbConfirmNotify => "确认已通知", "Confirm the notice";
    PbConfirmNotifyText => "将记录已报告指挥部并通知全部成员单位；此后响应级别不能再调整。", "This records the report to the HQ and the notice to every member unit; the level can then no longer change.";
    PbConfirmClose => "确认关闭", "Confirm closing";
    PbConfirmCloseText => "响应关闭后只读，不能再作任何更改；新的情况须启动新的响应。", "Once closed the response is read-only; a new situation needs a new response.";
    PbConfirmComplete => "确认完成", "Confirm completion";
    PbConfirmCompleteText => "将按所填时间记录该项已完成，记录不可删除。", "This records the task as done at the time entered; the record cannot be deleted.";
    PbSaveSection => "保存本节", "Save this section";
    PbNothingToSave => "没有未保存的修改。", "Nothing to save.";
    PbRowState => "保存状态", "Saved?";
    PbAllSaved => "全部已保存", "All saved";
    PbUnsavedRows => "未保存的行", "Rows not saved";
    PbUnsaved => "未保存", "Not saved";
    PbDiscard => "放弃未保存的修改", "Discard unsaved changes";
    PbDraftsKept => "回车即保存；未保存的修改在离开本页后仍保留（本标签页内）。", "Enter saves; unsaved changes stay when you leave this page (in this tab).";
    PbConfirmPackage => "确认增加", "Confirm adding";
    PbConfirmPackageText => "该级别的措施将加入清单，加入后不能移除。", "That level's measures join the checklist and cannot be removed.";
    PbConfirmDecision => "确认记录决定", "Confirm the decision";
    PbConfirmDecisionText => "决定记入审计记录，不可删除。", "The decision goes into the audit trail and cannot be deleted.";
    PbConfirmReport => "确认保存报告", "Confirm saving the report";
    PbConfirmReportText => "报告保存到响应记录中，不可删除。", "The report is saved in the response record and cannot be deleted.";
    PbConfirmEndEvaluation => "确认记录评估", "Confirm the evaluation";
    PbConfirmEndEvaluationText => "将记录结束评估，并进入应急结束审批流程；记录不可删除。", "This records the end evaluation and starts the approval to end the emergency; the record cannot be deleted.";
    PbEarlierReason => "依据较早月份的理由（记入审计记录）", "Reason for acting on an earlier month (recorded in the audit trail)";
    PbIssueReason => "发布理由（最新数据已不支持该级别，记入审计记录）", "Reason to issue (the latest data no longer support the level; recorded in the audit trail)";
    PbUseLatest => "改用最新数据月份", "Use the latest month with data";
    PbAuditHelp => "每项操作按时间记录（北京时间）及记录人，只增不改，随快照导出。", "Every operation with its time (CST) and who recorded it; append-only; part of the exported snapshot.";
    PbOrder => "排序", "Order";
    PbNewestFirst => "最新在前", "Newest first";
    PbOldestFirst => "最早在前", "Oldest first";
    PbExportCsv => "导出 CSV", "Export CSV";
    PbExported => "已导出", "Exported";
}

/// A forecasting method's name, short (chart legend) or with what it does.
pub fn method_name(method: crate::forecast::Method, long: bool, lang: Lang) -> &'static str {
    use crate::forecast::Method as M;
    match (method, long, lang) {
        (M::Naive, false, Lang::Zh) => "朴素预测",
        (M::Naive, false, Lang::En) => "naive",
        (M::Naive, true, Lang::Zh) => "朴素预测（此后各月 = 本月）",
        (M::Naive, true, Lang::En) => "naive (next months = this month)",
        (M::SeasonalNaive, false, Lang::Zh) => "季节朴素",
        (M::SeasonalNaive, false, Lang::En) => "seasonal naive",
        (M::SeasonalNaive, true, Lang::Zh) => "季节朴素（= 去年同月）",
        (M::SeasonalNaive, true, Lang::En) => "seasonal naive (= same month last year)",
        (M::SeasonalSteps, false, Lang::Zh) => "季节增量",
        (M::SeasonalSteps, false, Lang::En) => "seasonal steps",
        (M::SeasonalSteps, true, Lang::Zh) => "季节增量（本月 + 往年同期变化的平均）",
        (M::SeasonalSteps, true, Lang::En) => {
            "seasonal steps (this month + the mean change of past years over the same months)"
        }
        (M::DampedTrend, false, Lang::Zh) => "阻尼趋势平滑",
        (M::DampedTrend, false, Lang::En) => "damped trend",
        (M::DampedTrend, true, Lang::Zh) => "阻尼趋势指数平滑",
        (M::DampedTrend, true, Lang::En) => "damped-trend exponential smoothing",
        (M::HoltWinters, false, Lang::Zh) => "Holt–Winters 季节平滑",
        (M::HoltWinters, false, Lang::En) => "Holt–Winters",
        (M::HoltWinters, true, Lang::Zh) => "加法 Holt–Winters 季节指数平滑",
        (M::HoltWinters, true, Lang::En) => {
            "additive Holt–Winters (seasonal exponential smoothing)"
        }
    }
}

/// Chart legend: "预测（季节增量）" and "预测区间（80%）".
pub fn projection_legend(method: crate::forecast::Method, level: f64, lang: Lang) -> [String; 2] {
    let name = method_name(method, false, lang);
    let p = (level * 100.0).round();
    match lang {
        Lang::Zh => [format!("预测（{name}）"), format!("预测区间（{p}%）")],
        Lang::En => [
            format!("projection ({name})"),
            format!("projection band ({p} %)"),
        ],
    }
}

fn percent(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        0.0
    } else {
        (part as f64 * 100.0 / whole as f64).round()
    }
}

/// Why no projection is shown.
pub fn no_forecast(why: &crate::forecast::NoForecast, lang: Lang) -> String {
    let crate::forecast::NoForecast::TooFewMonths { have, need } = why;
    match lang {
        Lang::Zh => format!("数据不足，无法预测：需要至少 {need} 个月的数据，现有 {have} 个月"),
        Lang::En => format!(
            "Not enough data for a projection: at least {need} months are needed, {have} available"
        ),
    }
}

/// The projection's method and record: its backtest error beside the naive one, the band's
/// measured coverage, and the methods the history is too short for.
pub fn forecast_record(f: &crate::forecast::Forecast, lang: Lang) -> String {
    use crate::forecast::{Assessed, Method};
    let horizon = f.settings.horizon;
    let w = f.window;
    let name = method_name(f.method, true, lang);
    let mean = |r: Option<&crate::forecast::Record>| r.and_then(|r| r.mean()).unwrap_or(f64::NAN);
    let (own, naive) = (mean(f.record()), mean(f.naive()));
    let cov = f.record().map(|r| r.coverage).unwrap_or_default();
    let level = (f.settings.level * 100.0).round();
    let short: Vec<(&str, usize)> = f
        .selection
        .candidates
        .iter()
        .filter_map(|(m, a)| match a {
            Assessed::TooShort { need, .. } => Some((method_name(*m, false, lang), *need)),
            Assessed::Judged(_) => None,
        })
        .collect();
    let mut out = match (lang, f.method == Method::Naive) {
        (Lang::Zh, false) => format!(
            "预测方法：{name}。近{w}个月回测（提前 1–{horizon} 个月）：平均误差 {own:.2} 个百分点，朴素预测 {naive:.2}。"
        ),
        (Lang::Zh, true) => format!(
            "预测方法：{name}，其他方法回测均未优于它。近{w}个月回测（提前 1–{horizon} 个月）：平均误差 {own:.2} 个百分点。"
        ),
        (Lang::En, false) => format!(
            "Method: {name}. Backtest over the last {w} months (1–{horizon} months ahead): mean error {own:.2} points, naive {naive:.2}."
        ),
        (Lang::En, true) => format!(
            "Method: {name}; no other method beat it in the backtest. Backtest over the last {w} months (1–{horizon} months ahead): mean error {own:.2} points."
        ),
    };
    if cov.checked > 0 {
        let c = percent(cov.inside, cov.checked);
        out.push_str(&match lang {
            Lang::Zh => format!(
                " 阴影为 {level}% 区间，回测实测覆盖 {c}%（{} 次中 {} 次）。",
                cov.checked, cov.inside
            ),
            Lang::En => format!(
                " The band is {level} %; in the backtest it held {c} % of outcomes ({} of {}).",
                cov.inside, cov.checked
            ),
        });
    }
    if !short.is_empty() {
        let list: Vec<String> = short
            .iter()
            .map(|(n, need)| match lang {
                Lang::Zh => format!("{n}（需 {need} 个月）"),
                Lang::En => format!("{n} (needs {need} months)"),
            })
            .collect();
        out.push_str(&match lang {
            Lang::Zh => format!(
                " 数据月数不足、未参与比较：{}；现有 {} 个月。",
                list.join("、"),
                f.observed_months
            ),
            Lang::En => format!(
                " Not compared, too few months: {}; {} available.",
                list.join(", "),
                f.observed_months
            ),
        });
    }
    out.push_str(match lang {
        Lang::Zh => " 仅供参考，不参与等级判定。",
        Lang::En => " A projection only: it never decides a level.",
    });
    out
}

/// Whether and when a level's rate criterion may be reached, as a probability.
pub fn forecast_reach(
    level: crate::plan::Level,
    min_rate: crate::num::Pct,
    months: u32,
    outlook: &crate::forecast::Outlook,
    horizon: usize,
    lang: Lang,
) -> String {
    let name = level_name(level, lang);
    let what = match lang {
        Lang::Zh => format!("{name}（失业率 ≥ {min_rate}%，持续 {months} 个月）"),
        Lang::En => format!("{name} (rate ≥ {min_rate} % for {months} months)"),
    };
    let n = outlook.paths;
    if n == 0 {
        return match lang {
            Lang::Zh => format!("{what}：回测误差路径不足，无法估计达到的概率"),
            Lang::En => format!("{what}: too few backtest error paths to estimate a probability"),
        };
    }
    let within = outlook.within();
    let q = percent(within, n);
    match (outlook.likely(), lang) {
        (Some((m, k)), Lang::Zh) => format!(
            "{what}：按预测，{m} 前达到的概率约 {}%（{n} 条回测误差路径中 {k} 条），{horizon} 个月内约 {q}%",
            percent(k, n)
        ),
        (Some((m, k)), Lang::En) => format!(
            "{what}: reached by {m} with a probability of about {} % ({k} of {n} backtest error paths); within {horizon} months about {q} %",
            percent(k, n)
        ),
        (None, Lang::Zh) => format!(
            "{what}：未来 {horizon} 个月内达到的概率约 {q}%（{n} 条回测误差路径中 {within} 条）"
        ),
        (None, Lang::En) => format!(
            "{what}: probability of reaching it within {horizon} months about {q} % ({within} of {n} backtest error paths)"
        ),
    }
}

/// "一级" / "Level 1".
pub fn level_name(level: crate::plan::Level, lang: Lang) -> String {
    let n = level.number();
    match lang {
        Lang::Zh => format!(
            "{}级",
            match n {
                1 => "一",
                2 => "二",
                3 => "三",
                4 => "四",
                _ => "五",
            }
        ),
        Lang::En => format!("Level {n}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::Level;

    /// The table's last entry as written.
    const LAST: (Msg, &str, &str) = (Msg::PbExported, "已导出", "Exported");

    #[test]
    fn every_message_has_both_languages() {
        for m in Msg::ALL {
            for lang in Lang::ALL {
                assert!(!m.text(lang).trim().is_empty(), "{m:?} in {lang:?}");
            }
            assert_ne!(m.text(Lang::Zh), m.text(Lang::En), "{m:?} untranslated");
        }
    }

    #[test]
    fn each_message_is_its_own_text_from_the_first_to_the_last() {
        assert_eq!(Msg::AppTitle.text(Lang::Zh), "失业预警");
        assert_eq!(Msg::AppTitle.text(Lang::En), "Unemployment Early Warning");
        assert_eq!(Msg::NavPlan.text(Lang::Zh), "预案");
        assert_eq!(Msg::PeSaved.text(Lang::En), "Saved: ");
        let last = Msg::ALL.last().copied().unwrap();
        assert_eq!(last, LAST.0);
        assert_eq!((last.text(Lang::Zh), last.text(Lang::En)), (LAST.1, LAST.2));
    }

    #[test]
    fn language_tags_round_trip() {
        for lang in Lang::ALL {
            assert_eq!(Lang::from_tag(lang.tag()), Some(lang));
        }
        assert_eq!(Lang::from_tag("fr"), None);
    }

    #[test]
    fn level_names() {
        assert_eq!(level_name(Level::L1, Lang::Zh), "一级");
        assert_eq!(level_name(Level::L3, Lang::En), "Level 3");
    }
}
