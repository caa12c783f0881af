// The page around the views: header with accounts, navigation, routing, start-up.

function simpleForm(title, fields, onSubmit) {
  const form = el("form", { class: "card form", "aria-label": title }, [el("h2", { text: title })]);
  fields.forEach(([name, text, type, required]) => {
    const input = type === "textarea"
      ? el("textarea", { id: "s-" + name, name, required: required !== false, rows: 4 })
      : el("input", { id: "s-" + name, name, type, required: required !== false, step: type === "number" ? "0.01" : null,
        autocomplete: { email: "email", password: state.authMode === "register" ? "new-password" : "current-password" }[name] });
    form.appendChild(el("div", { class: "field" }, [el("label", { for: "s-" + name, text }), input]));
  });
  form.appendChild(el("div", { class: "actions" }, [el("button", { type: "submit", class: "primary", text: title })]));
  form.addEventListener("submit", (ev) => { ev.preventDefault(); onSubmit(form); });
  return form;
}

async function signIn(email, password) {
  const res = await call("POST", "/api/auth/login", { email, password });
  if (res.status !== 200) { notify(errorText(res.data, res.status), true); return false; }
  state.token = res.data.access_token;
  storage("set", state.token);
  return true;
}

async function loadMe() {
  state.me = null;
  if (!state.token) return;
  const me = await api("GET", "/api/auth/me", undefined, state.token);
  if (me.status === 200) state.me = me.data;
  else { state.token = null; storage("clear"); }
}

function renderAuth() {
  const box = el("div", { class: "auth" });
  if (state.token && state.me) {
    const who = state.me.email + (state.me.role === "admin" ? " (" + T.admin + ")" : "");
    box.appendChild(el("span", { class: "muted", text: fill(T.signed_in_as, { who }) }));
    box.appendChild(el("button", { type: "button", text: T.logout, onclick: async () => {
      await call("POST", "/api/auth/logout");
      state.token = null; state.me = null; state.mine = false; storage("clear"); await render(); notify(T.logout + " ✓", false);
    } }));
    return box;
  }
  const register = state.authMode === "register";
  const fields = [["email", T.email, "email"], ["password", T.password, "password"]];
  if (register) fields.unshift(["name", T.name, "text"]);
  const form = simpleForm(register ? T.register : T.login, fields, async (f) => {
    const email = f.elements.email.value;
    const password = f.elements.password.value;
    if (register) {
      const res = await call("POST", "/api/auth/register", { email, password, name: f.elements.name.value });
      if (res.status !== 201) { notify(errorText(res.data, res.status, "account"), true); return; }
    }
    if (await signIn(email, password)) {
      state.authMode = "login";
      await render();
      notify(register ? T.registered : fill(T.welcome, { who: email }), false);
    }
  });
  if (register) form.elements.password.setAttribute("minlength", "8");
  form.querySelector(".actions").appendChild(el("button", { type: "button", class: "link",
    text: register ? T.login : T.register, onclick: () => { state.authMode = register ? "login" : "register"; render(); } }));
  box.appendChild(form);
  return box;
}

function views() {
  const list = [];
  if (CONFIG.features.includes("dashboard")) list.push(["dashboard", T.dashboard]);
  CONFIG.entities.filter((e) => !e.hidden).forEach((e) => list.push([e.table, e.label]));
  const home = list.findIndex(([key]) => key === CONFIG.home);
  if (home > 0) list.unshift(list.splice(home, 1)[0]);
  if (usesOf("favourites").length && CONFIG.account) list.push(["favourites", T.my_favourites]);
  if (CONFIG.features.includes("contact")) list.push(["contact", T.contact]);
  if (CONFIG.features.includes("payments")) list.push(["checkout", T.checkout]);
  return list;
}

async function show(view) {
  state.view = view;
  const main = document.getElementById("content");
  document.querySelectorAll("nav button").forEach((b) => b.setAttribute("aria-current", b.dataset.view === view ? "page" : "false"));
  let content;
  if (view === "dashboard") content = await renderDashboard();
  else if (view === "favourites") content = await renderFavourites();
  else if (view === "contact") {
    content = simpleForm(T.contact, [["name", T.name, "text"], ["email", T.email, "email"], ["message", T.message, "textarea"]], async (f) => {
      const body = { name: f.elements.name.value, email: f.elements.email.value, message: f.elements.message.value };
      const res = await call("POST", "/api/contact", body);
      notify(res.status === 201 ? T.sent : errorText(res.data, res.status), res.status !== 201);
    });
  } else if (view === "checkout") {
    content = simpleForm(T.checkout, [["amount", T.amount, "number"]], async (f) => {
      const res = await call("POST", "/api/checkout", { amount: parseFloat(f.elements.amount.value) });
      notify(res.status === 200 ? res.data.url : errorText(res.data, res.status), res.status !== 200);
    });
  } else content = await renderEntity(entityBy(view));
  if (state.view === view) main.replaceChildren(content);
  root.dataset.ready = view;
}

async function render() {
  await loadMe();
  await loadFavourites();
  root.replaceChildren();
  const list = views();
  const nav = el("nav", { "aria-label": T.sections });
  list.forEach(([key, text]) => {
    const b = el("button", { type: "button", text, onclick: () => {
      state.offset = 0; state.q = ""; state.filter = {}; state.editing = null; state.detail = null;
      notify("", false);
      show(key);
    } });
    b.dataset.view = key;
    nav.appendChild(b);
  });
  const header = el("header", { class: "top" }, [el("h1", { text: CONFIG.title })]);
  if (CONFIG.account) header.appendChild(renderAuth());
  root.appendChild(header);
  if (CONFIG.banner) root.appendChild(el("p", { class: "banner", text: CONFIG.banner }));
  root.appendChild(nav);
  root.appendChild(el("p", { id: "status", class: "status", role: "status", "aria-live": "polite" }));
  root.appendChild(el("main", { id: "content" }));
  const linked = decodeURIComponent(window.location.hash.slice(1));
  await show(state.view && list.some(([key]) => key === state.view) ? state.view
    : list.some(([key]) => key === linked) ? linked : list[0][0]);
}

state.token = storage("get");
state.authMode = "login";
render();
