use crate::i18n;
use domain::bundle::FlowBox;
use domain::case::CaseState;
use leptos::prelude::*;

/// The width the chart is drawn at; it scales to the screen (and to 长辈版 with it).
const WIDTH: u32 = 340;
const GAP: u32 = 10;

/// A bundle's flow chart (一个并联审批流程图), drawn on the server as SVG: one row per layer
/// (items that wait for none on top), an arrow from each prerequisite, each box coloured and
/// labelled by its item's state once applied for. Readable without JavaScript; the list
/// beside it says the same in words for screen readers.
#[component]
pub fn FlowChart(boxes: Vec<FlowBox>) -> impl IntoView {
    // A character's width and a line's height at the chart's type size (style/main.css:
    // 13 px, 18 px in 长辈版, where names wrap sooner and boxes grow taller).
    let (char_w, line): (u32, u32) = if crate::session::elder() {
        (19, 24)
    } else {
        (13, 17)
    };
    let layers = boxes.iter().map(|b| b.layer).max().map_or(0, |l| l + 1);
    // Each box: (x, y, width, height, name lines).
    let mut placed: Vec<(u32, u32, u32, u32, Vec<String>)> =
        vec![(0, 0, 0, 0, Vec::new()); boxes.len()];
    let mut y = GAP;
    for layer in 0..layers {
        let row: Vec<usize> = (0..boxes.len())
            .filter(|&i| boxes[i].layer == layer)
            .collect();
        let n = row.len().max(1) as u32;
        let width = (WIDTH - GAP * (n + 1)) / n;
        let per_line = ((width - 12) / char_w).max(3) as usize;
        let lines: Vec<Vec<String>> = row
            .iter()
            .map(|&i| wrap(&boxes[i].name, per_line))
            .collect();
        let tallest = lines.iter().map(Vec::len).max().unwrap_or(1) as u32;
        let stated = boxes.iter().any(|b| b.state.is_some());
        let height = tallest * line + 12 + if stated { line } else { 0 };
        for (k, (&i, name)) in row.iter().zip(lines).enumerate() {
            placed[i] = (GAP + k as u32 * (width + GAP), y, width, height, name);
        }
        y += height + 28;
    }
    let total = y.saturating_sub(28) + GAP;
    let arrows = boxes.iter().enumerate().flat_map(|(i, b)| {
        let to = placed[i].clone();
        b.after
            .iter()
            .map(move |&p| (p, to.clone()))
            .collect::<Vec<_>>()
    });
    let arrows: Vec<_> = arrows
        .map(|(p, (tx, ty, tw, _, _))| {
            let (fx, fy, fw, fh, _) = placed[p].clone();
            view! {
                <line class="flow__arrow" x1=fx + fw / 2 y1=fy + fh x2=tx + tw / 2 y2=ty - 3 marker-end="url(#flow-head)"/>
            }
        })
        .collect();
    let summary: Vec<String> = boxes
        .iter()
        .map(|b| match b.state {
            Some(s) => format!("{}：{}", b.name, i18n::case_state(s)),
            None => b.name.clone(),
        })
        .collect();
    let drawn: Vec<_> = boxes
        .iter()
        .zip(placed.iter().cloned())
        .map(|(b, (x, y, w, h, lines))| {
            let class = format!("flow__box flow__box--{}", tone(b.state));
            let state = b.state.map(|s| {
                view! { <text class="flow__state" x=x + w / 2 y=y + h - 8>{i18n::case_state(s)}</text> }
            });
            view! {
                <g>
                    <rect class=class x=x y=y width=w height=h rx="8"/>
                    {lines.into_iter().enumerate().map(|(k, text)| view! {
                        <text class="flow__name" x=x + w / 2 y=y + line + 1 + k as u32 * line>{text}</text>
                    }).collect_view()}
                    {state}
                </g>
            }
        })
        .collect();
    view! {
        <figure class="flow">
            <svg class="flow__chart" viewBox=format!("0 0 {WIDTH} {total}") role="img" aria-label=summary.join("；")>
                <defs>
                    <marker id="flow-head" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
                        <path d="M0 0 L10 5 L0 10 z" class="flow__head"/>
                    </marker>
                </defs>
                {arrows}
                {drawn}
            </svg>
            <figcaption class="hint">"箭头表示先后顺序，同一行的事项同时办理。"</figcaption>
        </figure>
    }
}

/// The box colour for a state: not yet applied, waiting, under way, wanting the citizen,
/// finished, or stopped.
fn tone(state: Option<CaseState>) -> &'static str {
    match state {
        None => "plan",
        Some(CaseState::Waiting) => "waiting",
        Some(CaseState::NeedsSupplement) => "wanted",
        Some(s) if s.is_finished() => "done",
        Some(CaseState::NotAccepted | CaseState::Denied | CaseState::Withdrawn) => "stopped",
        Some(_) => "active",
    }
}

/// A name in lines of at most `per_line` characters.
fn wrap(name: &str, per_line: usize) -> Vec<String> {
    let chars: Vec<char> = name.chars().collect();
    chars.chunks(per_line).map(|c| c.iter().collect()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_wrap_by_characters() {
        assert_eq!(
            wrap("住房公积金提取（离休、退休）", 6),
            ["住房公积金提", "取（离休、退", "休）"]
        );
        assert_eq!(tone(Some(CaseState::PickedUp)), "done");
        assert_eq!(tone(None), "plan");
    }
}
