//! §5.4: bulletins — drafted from the evaluation the level rests on with the seven fields in
//! both languages, edited, approved by the HQ, issued; changed (CAP Update) or cancelled (CAP
//! Cancel); printed on A4 and exported as CAP 1.2 XML.

use super::{
    area_input, confirm_step, msg_text, none_yet, now_input, outcome_view, says, section_head,
    text_input, Doc, Outcome, Pb,
};
use crate::i18n::{level_name, Lang, Msg};
use crate::model::Scope;
use crate::plan::Text;
use crate::response::{
    cap_envelope, cap_xml, draft_bulletin, Action, Bulletin, BulletinContent, BulletinFields,
    BulletinStatus, CapId, CapMsgType, LaterData, Response, ResponseError,
};
use crate::rules::Prepared;
use crate::ui::download::download_text;
use crate::ui::i18n_ctx::I18n;
use crate::ui::store::Store;
use crate::ui::widgets::clause_tag;
use leptos::prelude::*;

/// The draft of a bulletin for the response's current level, from the evaluation of the month
/// that level rests on.
fn draft_for(p: &Prepared, r: &Response) -> BulletinContent {
    let month = r
        .level_changes
        .last()
        .map_or(r.activation.basis.month, |c| c.basis.month);
    let e = p.engine().evaluate(&Scope::District, month);
    draft_bulletin(p.plan(), p.dataset(), &e, r)
}

/// Drafts from the evaluation for the active response and records it as `action` (a new
/// bulletin or a change of one).
fn apply_draft(
    s: &mut crate::response::ResponseState,
    p: &Prepared,
    now: crate::response::Timestamp,
    by: &str,
    action: impl FnOnce(Box<BulletinContent>) -> Action,
) -> Result<(), Text> {
    let r = s
        .active()
        .ok_or_else(|| super::rerr(ResponseError::NoResponse))?;
    let content = Box::new(draft_for(p, r));
    s.apply(action(content), now, by).map_err(super::rerr)
}

/// The CAP sender of this app's messages for the plan.
fn sender(r: &Response) -> Result<CapId, Text> {
    CapId::new(&format!("uew.{}", r.procedure.plan_id)).map_err(|e| {
        let t = e.to_string();
        Text::new(&t, &t)
    })
}

/// The CAP message of a bulletin: Alert (or Update when it supersedes one), Cancel once
/// cancelled; `(file name, XML)`.
pub(crate) fn cap_file(r: &Response, b: &Bulletin) -> Result<(String, String), Text> {
    let msg_type = match (b.status(), b.supersedes) {
        (BulletinStatus::Cancelled, _) => CapMsgType::Cancel,
        (_, Some(_)) => CapMsgType::Update,
        (_, None) => CapMsgType::Alert,
    };
    cap_of(r, b, msg_type)
}

fn cap_of(r: &Response, b: &Bulletin, msg_type: CapMsgType) -> Result<(String, String), Text> {
    let env = cap_envelope(r, b.id, msg_type, &sender(r)?).map_err(super::rerr)?;
    let xml = cap_xml(b, &env);
    Ok((format!("{}.xml", env.identifier.as_str()), xml))
}

fn status_key(s: BulletinStatus) -> &'static str {
    match s {
        BulletinStatus::Draft => "draft",
        BulletinStatus::Approved => "approved",
        BulletinStatus::Issued => "issued",
        BulletinStatus::Superseded => "superseded",
        BulletinStatus::Cancelled => "cancelled",
        BulletinStatus::Withdrawn => "withdrawn",
    }
}

#[component]
pub fn BulletinsSection() -> impl IntoView {
    let i18n = I18n::get();
    let pb = Pb::get();
    let out = RwSignal::new(None::<Result<Text, Text>>);
    let editing = RwSignal::new(None::<u32>);
    let draft = move |_| {
        pb.run(out, Msg::PbBulletinDrafted, move |s, p, now, by| {
            apply_draft(s, p, now, by, |content| Action::DraftBulletin { content })
        });
    };
    view! {
        <section id="pb-bulletins" tabindex="-1" class="pb-section">
            {section_head(Msg::PbSecBulletins, &["§5.4"])}
            {move || {
                let lang = i18n.lang();
                let Some(r) = pb.resp.get() else { return none_yet(lang) };
                let cards = r
                    .bulletins
                    .iter()
                    .rev()
                    .map(|b| view! { <BulletinCard b=b.clone() out=out editing=editing/> })
                    .collect_view();
                view! {
                    <p class="muted">{Msg::PbBulletinHelp.text(lang)}</p>
                    {r.bulletins.is_empty().then(|| view! { <p class="muted">{Msg::PbNoBulletins.text(lang)}</p> })}
                    <Show when=move || pb.editable.get()>
                        <div class="pb-actions">
                            <button type="button" id="pb-draft-bulletin" on:click=draft>
                                {i18n.tr(Msg::PbDraftBulletin)}
                            </button>
                        </div>
                    </Show>
                    <div class="pb-bulletins">{cards}</div>
                }
                .into_any()
            }}
            {outcome_view(out)}
            {move || editing.get().map(|id| view! { <Editor id=id out=out editing=editing/> })}
        </section>
    }
}

#[component]
fn BulletinCard(
    b: Bulletin,
    out: RwSignal<Outcome>,
    editing: RwSignal<Option<u32>>,
) -> impl IntoView {
    let i18n = I18n::get();
    let pb = Pb::get();
    let lang = i18n.0.get_untracked();
    let id = b.id;
    let status = b.status();
    let approver = RwSignal::new(String::new());
    let approved_at = RwSignal::new(String::new());
    let reason = RwSignal::new(String::new());
    let c_approver = RwSignal::new(String::new());
    let c_at = RwSignal::new(String::new());
    let locked = Memo::new(move |_| !pb.editable.get());
    let rid = pb
        .resp
        .with_untracked(|r| r.as_ref().map(|r| r.id))
        .unwrap_or(0);

    let approve = move |()| {
        let at = match pb.time_or_now(&approved_at.get_untracked(), Msg::PbApprovalTime) {
            Ok(t) => t,
            Err(e) => return out.set(Some(Err(e))),
        };
        let who = approver.get_untracked();
        pb.run(out, Msg::PbBulletinApproved, move |s, _, now, by| {
            s.apply(
                Action::ApproveBulletin {
                    id,
                    approved_by: who,
                    approved_at: at,
                },
                now,
                by,
            )
            .map_err(super::rerr)
        });
    };
    let simple = move |action: fn(u32) -> Action, done: Msg| {
        pb.run(out, done, move |s, _, now, by| {
            s.apply(action(id), now, by).map_err(super::rerr)
        });
    };
    // A real bulletin is issued against the data after the month its level rests on; when
    // those no longer support the level, only with a reason.
    let issue_reason = RwSignal::new(String::new());
    let exercise = b.exercise
        || pb
            .resp
            .with_untracked(|r| r.as_ref().is_some_and(|r| r.exercise));
    let unsupported = Memo::new(move |_| {
        if exercise {
            return None;
        }
        let (basis, level) = pb
            .resp
            .with(|r| r.as_ref().map(|r| (r.basis_month(), r.level)))?;
        Store::get().snap.with(|s| {
            let later = LaterData::of(&s.plan, &s.dataset, basis);
            (!later.supports(level)).then(|| ResponseError::NotSupportedByLaterData {
                level,
                basis,
                latest: later.latest(),
                levels: Text {
                    zh: later.levels_text(Lang::Zh),
                    en: later.levels_text(Lang::En),
                },
            })
        })
    });
    let issue = Callback::new(move |()| {
        let why = issue_reason.get_untracked();
        pb.run(out, Msg::PbBulletinIssued, move |s, p, now, by| {
            let later = s
                .response(rid)
                .map(|r| LaterData::of(p.plan(), p.dataset(), r.basis_month()));
            s.apply(
                Action::IssueBulletin {
                    id,
                    later,
                    reason: why,
                },
                now,
                by,
            )
            .map_err(super::rerr)
        });
    });
    let issue_what = Callback::new(move |lang: Lang| {
        let text = if exercise {
            Msg::PbConfirmIssueExercise
        } else {
            Msg::PbConfirmIssueReal
        };
        view! {
            <p>{text.text(lang)}</p>
            {move || unsupported.get().map(|e| view! {
                <p class="pb-warning" id=format!("pb-b-{id}-unsupported")>{e.message(lang)}</p>
                {text_input(format!("pb-b-{id}-issue-reason"), Msg::PbIssueReason, issue_reason, locked)}
            })}
        }
        .into_any()
    });
    let no = Signal::from(false);
    let update = move |_| {
        if pb.run(out, Msg::PbBulletinChangeDrafted, move |s, p, now, by| {
            apply_draft(s, p, now, by, |content| Action::UpdateBulletin {
                id,
                content,
            })
        }) {
            editing.set(None);
        }
    };
    let cancel = move |()| {
        let at = match pb.time_or_now(&c_at.get_untracked(), Msg::PbApprovalTime) {
            Ok(t) => t,
            Err(e) => return out.set(Some(Err(e))),
        };
        let (why, who) = (reason.get_untracked(), c_approver.get_untracked());
        pb.run(out, Msg::PbBulletinCancelled, move |s, _, now, by| {
            s.apply(
                Action::CancelBulletin {
                    id,
                    reason: why,
                    approved_by: who,
                    approved_at: at,
                },
                now,
                by,
            )
            .map_err(super::rerr)
        });
    };
    let export = move |_| {
        let store = Store::get();
        let file = store.snap.with_untracked(|s| {
            let r = s
                .response
                .response(rid)
                .ok_or_else(|| super::rerr(ResponseError::NoResponse))?;
            let b = r
                .bulletin(id)
                .ok_or_else(|| super::rerr(ResponseError::UnknownBulletin { id }))?;
            cap_file(r, b)
        });
        match file.and_then(|(name, xml)| {
            download_text(&name, "application/xml", &xml).map_err(|e| Text::new(&e, &e))?;
            Ok(name)
        }) {
            Ok(name) => {
                let done = msg_text(Msg::PbCapExported);
                out.set(Some(Ok(Text {
                    zh: format!("{}：{name}", done.zh),
                    en: format!("{}: {name}", done.en),
                })));
            }
            Err(e) => out.set(Some(Err(e))),
        }
    };
    let open_doc = move |_| {
        pb.doc.set(Some(Doc::Bulletin { response: rid, id }));
        super::focus_later("pb-print-area");
    };
    let approval = b.approval.as_ref().map(|a| {
        view! {
            <li>{Msg::PbHqApproval.text(lang)} {super::colon(lang)} {a.by.clone()} " · " {a.at.format_cst()}</li>
        }
    });
    let issued = b.issued.as_ref().map(|s| {
        view! { <li>{Msg::PbIssued.text(lang)} {super::colon(lang)} {s.at.format_cst()} " · " {s.by.clone()}</li> }
    });
    let cancelled = b.cancelled.as_ref().map(|c| {
        view! {
            <li>
                {Msg::PbCancelledAt.text(lang)} {super::colon(lang)} {c.at.format_cst()} " · " {c.reason.clone()}
                " (" {c.approval.by.clone()} ")"
            </li>
        }
    });
    let supersedes = b.supersedes.map(|p| {
        view! { <li>{Msg::PbSupersedes.text(lang)} " #" {p}</li> }
    });
    let can_edit = matches!(status, BulletinStatus::Draft | BulletinStatus::Approved);
    let can_approve = status == BulletinStatus::Draft;
    let can_issue = status == BulletinStatus::Approved;
    let in_force = status == BulletinStatus::Issued;
    let has_cap = matches!(
        status,
        BulletinStatus::Issued | BulletinStatus::Superseded | BulletinStatus::Cancelled
    );
    view! {
        <article class=format!("pb-bulletin status-{}", status_key(status)) data-id=id data-status=status_key(status)>
            <h3>
                "#" {id} " " {b.headline(lang)} " "
                <span class="pb-tag">{status.name(lang)}</span> " "
                <span class="muted">{level_name(b.level, lang)}</span>
            </h3>
            <ul class="pb-facts-list">
                <li>{Msg::PbDrafted.text(lang)} {super::colon(lang)} {b.drafted.at.format_cst()} " · " {b.drafted.by.clone()}</li>
                {supersedes}
                {approval}
                {issued}
                {cancelled}
            </ul>
            <div class="pb-actions no-print">
                <button type="button" class="pb-open-doc" on:click=open_doc>{Msg::PbPrintPreview.text(lang)}</button>
                {has_cap.then(|| view! {
                    <button type="button" class="pb-export-cap" on:click=export>{Msg::PbExportCap.text(lang)}</button>
                })}
            </div>
            <Show when=move || pb.editable.get()>
                <div class="pb-actions no-print">
                    {can_edit.then(|| view! {
                        <button type="button" class="pb-edit" on:click=move |_| editing.set(Some(id))>{Msg::PbEdit.text(lang)}</button>
                        {confirm_step(format!("pb-b-{id}-withdraw"), "pb-withdraw", Msg::PbWithdraw, Msg::PbConfirmWithdraw, false, no, says(Msg::PbConfirmWithdrawText), Callback::new(move |()| simple(|id| Action::WithdrawBulletin { id }, Msg::PbBulletinWithdrawn)))}
                    })}
                    {can_issue.then(|| view! {
                        {confirm_step(format!("pb-b-{id}-issue"), "pb-issue", Msg::PbIssue, Msg::PbConfirmIssue, true, no, issue_what, issue)}
                    })}
                    {in_force.then(|| view! {
                        <button type="button" class="pb-update" on:click=update>{Msg::PbDraftChange.text(lang)}</button>
                    })}
                </div>
                {can_approve.then(|| view! {
                    <div class="pb-row pb-approve">
                        {text_input(format!("pb-b-{id}-approver"), Msg::PbHqApprover, approver, locked)}
                        {now_input(format!("pb-b-{id}-approved-at"), Msg::PbApprovalTime, approved_at, locked)}
                        {confirm_step(format!("pb-b-{id}-approve"), "pb-approve-btn", Msg::PbApprove, Msg::PbConfirmApproval, false, no, says(Msg::PbConfirmApprovalText), Callback::new(approve))}
                    </div>
                })}
                {in_force.then(|| view! {
                    <details class="pb-cancel">
                        <summary>{i18n.tr(Msg::PbCancelBulletin)}</summary>
                        <div class="pb-row">
                            {text_input(format!("pb-b-{id}-reason"), Msg::PbReason, reason, locked)}
                            {text_input(format!("pb-b-{id}-c-approver"), Msg::PbHqApprover, c_approver, locked)}
                            {now_input(format!("pb-b-{id}-c-at"), Msg::PbApprovalTime, c_at, locked)}
                            {confirm_step(format!("pb-b-{id}-cancel"), "pb-cancel-btn", Msg::PbCancelBulletin, Msg::PbConfirmCancelBulletin, false, no, says(Msg::PbConfirmCancelText), Callback::new(cancel))}
                        </div>
                    </details>
                })}
            </Show>
        </article>
    }
}

/// The title and the seven fields of a draft, in both languages.
#[component]
fn Editor(id: u32, out: RwSignal<Outcome>, editing: RwSignal<Option<u32>>) -> impl IntoView {
    let i18n = I18n::get();
    let pb = Pb::get();
    let store = Store::get();
    let Some(content) = pb.resp.with_untracked(|r| {
        r.as_ref()
            .and_then(|r| r.bulletin(id))
            .map(|b| b.content.clone())
    }) else {
        return ().into_any();
    };
    let locked = Memo::new(move |_| !pb.editable.get());
    let title_zh = RwSignal::new(content.title.zh.clone());
    let title_en = RwSignal::new(content.title.en.clone());
    let fields: Vec<(&'static str, RwSignal<String>, RwSignal<String>)> = BulletinFields::IDS
        .into_iter()
        .map(|f| {
            let t = content
                .fields
                .get(f)
                .cloned()
                .unwrap_or_else(|| Text::new("", ""));
            (f, RwSignal::new(t.zh), RwSignal::new(t.en))
        })
        .collect();
    let fields = StoredValue::new(fields);
    let base = StoredValue::new(content);
    let save = move |_| {
        let mut c = base.get_value();
        c.title = Text {
            zh: title_zh.get_untracked(),
            en: title_en.get_untracked(),
        };
        fields.with_value(|fs| {
            for (f, zh, en) in fs {
                if let Some(t) = c.fields.get_mut(f) {
                    *t = Text {
                        zh: zh.get_untracked(),
                        en: en.get_untracked(),
                    };
                }
            }
        });
        if pb.run(out, Msg::PbSaved, move |s, _, now, by| {
            s.apply(
                Action::EditBulletin {
                    id,
                    content: Box::new(c),
                },
                now,
                by,
            )
            .map_err(super::rerr)
        }) {
            editing.set(None);
        }
    };
    let label = move |f: &str, lang: Lang, in_lang: Lang| {
        let name = store.snap.with_untracked(|s| {
            s.plan
                .bulletin_fields
                .iter()
                .find(|p| p.id == f)
                .map(|p| p.name.get(lang).to_owned())
                .unwrap_or_else(|| f.to_owned())
        });
        let suffix = match in_lang {
            Lang::Zh => Msg::PbInChinese,
            Lang::En => Msg::PbInEnglish,
        };
        format!("{name} ({})", suffix.text(lang))
    };
    view! {
        <div class="pb-form pb-editor" id="pb-bulletin-editor">
            <h3>{i18n.tr(Msg::PbEditBulletin)} " #" {id} " " {clause_tag("§5.4")}</h3>
            {move || {
                let lang = i18n.lang();
                let title = Msg::PbBulletinTitle.text(lang);
                view! {
                    <div class="pb-two">
                        {area_input("pb-e-title-zh".into(), format!("{title} ({})", Msg::PbInChinese.text(lang)), title_zh, locked, 1)}
                        {area_input("pb-e-title-en".into(), format!("{title} ({})", Msg::PbInEnglish.text(lang)), title_en, locked, 1)}
                    </div>
                    {fields.with_value(|fs| {
                        fs.iter()
                            .map(|(f, zh, en)| {
                                let rows = if *f == "measures" || *f == "items" { 6 } else { 2 };
                                view! {
                                    <div class="pb-two" data-field=*f>
                                        {area_input(format!("pb-e-{f}-zh"), label(f, lang, Lang::Zh), *zh, locked, rows)}
                                        {area_input(format!("pb-e-{f}-en"), label(f, lang, Lang::En), *en, locked, rows)}
                                    </div>
                                }
                            })
                            .collect_view()
                    })}
                }
            }}
            <div class="pb-actions">
                <button type="button" class="pb-primary" id="pb-editor-save" on:click=save>{i18n.tr(Msg::PbSave)}</button>
                <button type="button" on:click=move |_| editing.set(None)>{i18n.tr(Msg::PbClose)}</button>
            </div>
        </div>
    }
    .into_any()
}
