// The dashboard: row counts, then bar charts of sums and counts by month or category, drawn as inline SVG.
const SVG = "http://www.w3.org/2000/svg";

function svg(tag, attrs, text) {
  const node = document.createElementNS(SVG, tag);
  Object.entries(attrs || {}).forEach(([k, v]) => node.setAttribute(k, String(v)));
  if (text !== undefined) node.textContent = text;
  return node;
}

function barChart(title, points, money) {
  const width = 420;
  const row = 30;
  const labelW = 130;
  const height = Math.max(1, points.length) * row + 8;
  const max = Math.max(...points.map((p) => p.value), 0) || 1;
  const chart = svg("svg", { viewBox: "0 0 " + width + " " + height, width: "100%", role: "img", "aria-label": title, class: "chart" });
  chart.appendChild(svg("title", {}, title));
  points.forEach((p, i) => {
    const y = i * row + 4;
    const w = Math.max(2, ((width - labelW - 70) * p.value) / max);
    const value = money ? p.value.toLocaleString(LOCALE, { minimumFractionDigits: 2, maximumFractionDigits: 2 })
      : p.value.toLocaleString(LOCALE);
    chart.appendChild(svg("text", { x: labelW - 8, y: y + 17, "text-anchor": "end", class: "chart-label" }, p.label.slice(0, 18)));
    chart.appendChild(svg("rect", { x: labelW, y, width: w, height: row - 10, rx: 4, class: "bar" }));
    chart.appendChild(svg("text", { x: labelW + w + 6, y: y + 17, class: "chart-value" }, value));
  });
  return el("figure", { class: "card chart-card" }, [el("figcaption", { text: title }), chart]);
}

function monthLabel(key) {
  return new Date(key + "-01T00:00").toLocaleDateString(LOCALE, { month: "short", year: "numeric" });
}

async function chartPoints(def) {
  const entity = entityBy(def.table);
  const rows = (await call("GET", "/api/" + def.table + "?limit=200")).data || [];
  const buckets = {};
  rows.forEach((r) => {
    const raw = r[def.by];
    if (raw === null || raw === undefined || raw === "") return;
    const key = def.month ? String(raw).slice(0, 7) : String(raw);
    buckets[key] = (buckets[key] || 0) + (def.kind === "sum" ? Number(r[def.value]) || 0 : 1);
  });
  const field = entity.fields.find((f) => f.name === def.by);
  const rel = entity.relations.find((r) => r.field === def.by);
  const names = rel ? await namesOf(rel.target) : {};
  const points = Object.entries(buckets).map(([key, value]) => ({ key, value: Math.round(value * 100) / 100,
    label: def.month ? monthLabel(key) : rel ? names[key] || "#" + key : field ? choiceLabel(field, key) : key }));
  points.sort((a, b) => (def.month ? a.key.localeCompare(b.key) : b.value - a.value));
  return points.slice(0, 12);
}

function chartTitle(def) {
  const entity = entityBy(def.table);
  const field = entity.fields.find((f) => f.name === def.by);
  const rel = entity.relations.find((r) => r.field === def.by);
  const by = def.month ? T.by_month : (field ? field.label : rel ? rel.label : def.by).toLowerCase();
  if (def.kind === "count") return fill(T.count_by, { what: entity.label, by });
  const value = entity.fields.find((f) => f.name === def.value);
  return entity.label + " · " + fill(T.sum_by, { what: value.label, by });
}

async function renderDashboard() {
  const res = await call("GET", "/api/stats");
  const stats = res.data || {};
  const grid = el("div", { class: "stats" });
  CONFIG.entities.filter((e) => !e.hidden).forEach((e) => {
    grid.appendChild(el("div", { class: "card stat" }, [
      el("span", { class: "stat-value", text: String(typeof stats[e.table] === "number" ? stats[e.table] : 0) }),
      el("span", { class: "muted", text: e.label }),
    ]));
  });
  const charts = el("div", { class: "charts" });
  for (const def of CONFIG.charts) {
    const points = await chartPoints(def);
    const title = chartTitle(def);
    charts.appendChild(points.length ? barChart(title, points, def.kind === "sum" && MONEY.includes(def.value))
      : el("figure", { class: "card chart-card" }, [el("figcaption", { text: title }), el("p", { class: "muted", text: T.no_data })]));
  }
  return el("section", { "aria-label": T.dashboard }, [el("h2", { text: T.dashboard }), grid, charts]);
}
