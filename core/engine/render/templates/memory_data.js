// The preview store's computed answers: uploads kept in memory (blob URLs), /api/stats series, group balances.
const UPLOADS = {};
const BLOB_URLS = {};
const MAX_UPLOAD = 5 * 1024 * 1024;
const UPLOAD_TYPES = { ".pdf": "application/pdf", ".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg",
  ".gif": "image/gif", ".webp": "image/webp", ".txt": "text/plain", ".doc": "application/msword",
  ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document" };
// The first bytes each binary type must start with, so a renamed file is refused (as the backend does).
const SIGNATURES = { ".pdf": ["%PDF"], ".png": ["\x89PNG"], ".jpg": ["\xff\xd8\xff"], ".jpeg": ["\xff\xd8\xff"],
  ".gif": ["GIF87a", "GIF89a"], ".webp": ["RIFF"], ".doc": ["\xd0\xcf\x11\xe0"], ".docx": ["PK"] };

function memoryBalances(rule, id) {
  // The backend's rule: the payer is credited; each expense is owed by its shares' members (their amounts
  // when shares carry one), else split equally among the group's members.
  const members = STORE[rule.member].filter((m) => m[rule.member_group] === id).sort((a, b) => a.id - b.id);
  const paid = {};
  const owed = {};
  members.forEach((m) => { paid[m.id] = 0; owed[m.id] = 0; });
  STORE[rule.expense].filter((x) => x[rule.group] === id).forEach((x) => {
    const amount = Number(x[rule.amount]) || 0;
    if (x[rule.payer] in paid) paid[x[rule.payer]] += amount;
    const parts = rule.share ? STORE[rule.share.table].filter((p) => p[rule.share.expense] === x.id && p[rule.share.member] in owed) : [];
    if (parts.length && rule.share.amount) parts.forEach((p) => { owed[p[rule.share.member]] += Number(p[rule.share.amount]) || 0; });
    else {
      const who = parts.length ? parts.map((p) => p[rule.share.member]) : Object.keys(owed);
      who.forEach((m) => { owed[m] += amount / who.length; });
    }
  });
  const round = (v) => Math.round(v * 100) / 100;
  return members.map((m) => ({ member_id: m.id, name: String(m[rule.display]), paid: round(paid[m.id]),
    owed: round(owed[m.id]), balance: round(paid[m.id] - owed[m.id]) }));
}

async function uploadFile(file, token) {
  if (CONFIG.account && !userOf(token)) return reply(401, { detail: SIGN_IN });
  const name = String(file.name || "").split(/[\\/]/).pop().slice(0, 255);
  const ext = name.includes(".") ? "." + name.split(".").pop().toLowerCase() : "";
  if (!UPLOAD_TYPES[ext]) return reply(415, { detail: "File type not allowed; use one of: " + Object.keys(UPLOAD_TYPES).sort().join(", ") });
  if (file.size > MAX_UPLOAD) return reply(413, { detail: "File too large: the limit is 5 MB" });
  if (!file.size) return reply(422, { detail: "The file is empty" });
  const head = Array.from(new Uint8Array(await file.slice(0, 8).arrayBuffer()), (b) => String.fromCharCode(b)).join("");
  if (SIGNATURES[ext] && !SIGNATURES[ext].some((sig) => head.startsWith(sig))) {
    return reply(415, { detail: "The file's content is not a " + ext + " file" });
  }
  const id = Object.keys(UPLOADS).length + 1;
  UPLOADS[id] = { id, filename: name, content_type: UPLOAD_TYPES[ext], size: file.size, blob: file };
  return reply(201, { id, filename: name, content_type: UPLOAD_TYPES[ext], size: file.size });
}

function fileUrl(id) {
  if (!UPLOADS[id]) return "#";
  BLOB_URLS[id] = BLOB_URLS[id] || URL.createObjectURL(UPLOADS[id].blob);
  return BLOB_URLS[id];
}

function memoryStats() {
  // Row counts, then the chart series the backend's /api/stats computes: {table, field, by, points}.
  const out = {};
  CONFIG.entities.forEach((e) => { out[e.table] = STORE[e.table].length; });
  const series = (def) => {
    const buckets = {};
    STORE[def.table].forEach((r) => {
      let key = def.by === "month" ? String(r[def.when] || "").slice(0, 7) : r[def.by];
      if (def.parent) {
        const parent = STORE[def.parent].find((p) => p.id === key);
        key = parent ? parent[def.display] : null;
      }
      if (key === null || key === undefined || key === "") return;
      buckets[key] = (buckets[key] || 0) + (def.kind === "sum" ? Number(r[def.field]) || 0 : 1);
    });
    const points = Object.keys(buckets).sort().map((k) => ({ label: String(k), value: Math.round(buckets[k] * 100) / 100 }));
    return { table: def.table, field: def.field, by: def.by, points };
  };
  out.counts = CONFIG.charts.filter((d) => d.kind === "count").map(series);
  out.sums = CONFIG.charts.filter((d) => d.kind === "sum").map(series);
  return out;
}
