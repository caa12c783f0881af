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

function chartPoints(series) {
  // Server labels: a parent's name, an enum value or a month (YYYY-MM); shown in the app's language.
  const entity = entityBy(series.table);
  const field = entity && entity.fields.find((f) => f.name === series.by);
  return (series.points || []).map((p) => ({ value: Number(p.value) || 0,
    label: series.by === "month" ? monthLabel(p.label) : field && field.type === "enum" ? choiceLabel(field, p.label) : String(p.label) }))
    .slice(-12);
}

function chartTitle(series, kind) {
  const entity = entityBy(series.table);
  const field = entity.fields.find((f) => f.name === series.by);
  const rel = entity.relations.find((r) => r.field === series.by);
  const by = series.by === "month" ? T.by_month : (field ? field.label : rel ? rel.label : series.by).toLowerCase();
  if (kind === "count") return fill(T.count_by, { what: entity.label, by });
  const value = entity.fields.find((f) => f.name === series.field);
  return entity.label + " · " + fill(T.sum_by, { what: value ? value.label : series.field, by });
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
  // Charts with data only; a count "by owner" says little, so it is left out.
  const shown = (stats.sums || []).map((x) => [x, "sum"]).concat((stats.counts || []).map((x) => [x, "count"]))
    .filter(([x]) => entityBy(x.table) && !entityBy(x.table).hidden && x.by !== entityBy(x.table).owner)
    .filter(([x]) => (x.points || []).some((p) => Number(p.value))).slice(0, 6);
  shown.forEach(([series, kind]) => {
    charts.appendChild(barChart(chartTitle(series, kind), chartPoints(series), kind === "sum" && MONEY.includes(series.field)));
  });
  if (!shown.length) charts.appendChild(el("p", { class: "muted", text: T.no_data }));
  return el("section", { "aria-label": T.dashboard }, [el("h2", { text: T.dashboard }), grid, charts]);
}
