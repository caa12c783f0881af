// The board of an ordered entity: one column per parent, cards in position order, moved with buttons.

async function moveCard(entity, use, row, position, parent) {
  const body = { position };
  if (parent !== undefined && use.link) body[use.link] = parent;
  const res = await call("POST", "/api/" + entity.table + "/" + row.id + "/move", body);
  if (res.status === 200) { await show(state.view); notify(T.moved, false); } else notify(errorText(res.data, res.status), true);
}

function moveButton(text, label, enabled, onclick) {
  return el("button", { type: "button", class: "icon", text, "aria-label": label, title: label, disabled: !enabled, onclick });
}

async function renderBoard(entity) {
  const use = orderingOf(entity);
  const pos = use.field || "position";
  const parent = entityBy(use.target);
  const parents = parent ? rowsOf(await call("GET", "/api/" + parent.table + "?limit=200")) : [{ id: null }];
  const res = await call("GET", "/api/" + entity.table + "?limit=200" + (state.mine && entity.owner ? "&mine=true" : ""));
  const cards = rowsOf(res);
  const countIn = (id) => cards.filter((c) => c[use.link] === id).length;
  const board = el("div", { class: "board", role: "list", "aria-label": entity.label });
  parents.forEach((col, ci) => {
    const mine = cards.filter((c) => !use.link || c[use.link] === col.id).sort((a, b) => a[pos] - b[pos]);
    const title = parent ? String(col[parent.display] ?? "#" + col.id) : entity.label;
    const column = el("section", { class: "column", role: "listitem", "aria-label": title }, [
      el("h3", {}, [el("span", { text: title }), el("span", { class: "count", text: String(mine.length) })]),
    ]);
    const list = el("ol", { class: "column-cards" });
    mine.forEach((card, i) => {
      const name = String(card[entity.display] ?? "#" + card.id);
      const left = parents[ci - 1];
      const right = parents[ci + 1];
      list.appendChild(el("li", { class: "card board-card" }, [
        el("p", { class: "board-title", text: name }),
        ...entity.fields.filter((f) => f.name !== entity.display && f.name !== pos && f.type !== "text")
          .slice(0, 2).filter((f) => cellText(f, card[f.name]))
          .map((f) => el("p", { class: "meta", text: cellText(f, card[f.name]) })),
        el("div", { class: "moves" }, [
          moveButton("←", T.move_left + ": " + name, Boolean(left), () => moveCard(entity, use, card, left ? countIn(left.id) : 0, left && left.id)),
          moveButton("↑", T.move_up + ": " + name, i > 0, () => moveCard(entity, use, card, i - 1)),
          moveButton("↓", T.move_down + ": " + name, i < mine.length - 1, () => moveCard(entity, use, card, i + 1)),
          moveButton("→", T.move_right + ": " + name, Boolean(right), () => moveCard(entity, use, card, right ? countIn(right.id) : 0, right && right.id)),
          rowButtons(entity, card),
        ]),
      ]));
    });
    column.appendChild(list);
    board.appendChild(column);
  });
  const wrap = el("div", { class: "card list" }, [el("div", { class: "toolbar" }, [el("h2", { text: entity.label })]),
    parents.length ? el("div", { class: "scroll" }, [board]) : addFirstHint(use.target)]);
  return el("div", { class: "layout wide" }, [wrap, await renderForm(entity, state.editing)]);
}
