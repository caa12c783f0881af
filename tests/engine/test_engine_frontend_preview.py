"""Generated frontends' preview.html in Chromium under the studio's sandbox CSP: every feature driven once, in
English and Spanish, with no console error. One page load per app; checks are grouped per load."""

from __future__ import annotations

import base64
import re

import pytest

from core.engine import render_frontend
from tests.engine import feature_specs as specs
from tests.engine import render_specs
from tests.engine.browser import ENGLISH, open_preview, preview_page, shot

pytestmark = pytest.mark.e2e
PNG = base64.b64decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQ"
                       "AAAABJRU5ErkJggg==")  # 1x1 pixel



def _preview(browser: object, spec: object, ready: str) -> tuple[object, list[str]]:
    """The spec's preview.html open and rendered on its home view `ready`."""
    page, errors = open_preview(browser, render_frontend(spec)["preview.html"])
    page.wait_for_selector(f'#app[data-ready="{ready}"]')
    return page, errors


def test_recipes_rate_favourite_comment_tag_and_mine(browser):
    from playwright.sync_api import expect

    page, errors = _preview(browser, specs.recipes(), "recipes")
    status = page.locator("#status")
    cards = page.locator("article.item")
    card = cards.filter(has_text="Spaghetti carbonara")
    expect(cards).to_have_count(4)
    expect(page.locator("h1")).to_have_text("Family recipes")
    expect(card.locator(".rating")).to_contain_text("5.0")
    expect(card).to_contain_text("(1 rating)")
    shot(page, "recipes-home")

    card.get_by_role("button", name="Add to favourites").click()
    expect(status).to_have_text("Sign in to rate, save favourites and comment.")
    page.locator(".auth").get_by_role("button", name="Create account").click()
    page.locator("#s-name").fill("Ana Cook")
    page.locator("#s-email").fill("ana@example.com")
    page.locator("#s-password").fill("s3cret-pass")
    page.locator(".auth").get_by_role("button", name="Create account").click()
    expect(page.locator(".auth")).to_contain_text("Signed in as ana@example.com (admin)")

    card.get_by_role("button", name="Add to favourites").click()
    expect(card.locator("button.fav")).to_have_attribute("aria-pressed", "true")
    page.locator("nav").get_by_role("button", name="My favourites").click()
    expect(cards).to_have_count(1)
    expect(cards.first).to_contain_text("Spaghetti carbonara")
    page.locator("nav").get_by_role("button", name="Recipes").click()
    card.get_by_role("button", name="Remove from favourites").click()
    expect(card.locator("button.fav")).to_have_attribute("aria-pressed", "false")
    page.locator("nav").get_by_role("button", name="My favourites").click()
    expect(page.locator("main")).to_contain_text("Nothing here yet")
    expect(cards).to_have_count(0)

    page.locator("nav").get_by_role("button", name="Recipes").click()
    card.get_by_role("button", name="Details").click()
    detail = page.locator("article.detail")
    detail.get_by_role("button", name="Rate 2 of 5").click()
    expect(detail.locator(".rating")).to_contain_text("3.5")
    expect(detail.locator(".rating")).to_contain_text("(2 ratings)")
    detail.get_by_role("button", name="Rate 4 of 5").click()  # rating again replaces: still two ratings
    expect(detail.locator(".rating")).to_contain_text("4.5")
    expect(detail.locator(".rating")).to_contain_text("(2 ratings)")

    comments = page.locator(".comment-list li")
    expect(comments).to_have_count(1)
    page.get_by_label("Add a comment *").fill("Lovely with extra pepper")
    page.get_by_role("button", name="Post").click()
    expect(comments).to_have_count(2)
    expect(comments.first).to_contain_text("Lovely with extra pepper")
    expect(comments.first).to_contain_text("Ana Cook")
    expect(comments.first.locator("time")).not_to_be_empty()
    shot(page, "recipes-detail")

    page.get_by_role("button", name="← Back").click()
    page.locator("#filter-tag_id").select_option(label="vegetarian")
    expect(cards).to_have_count(2)
    page.locator("#f-recipes-title").fill("Lemon tart")
    page.locator("#f-recipes-servings").fill("6")
    page.locator("#f-recipes-tag_ids").select_option(label=["quick", "family"])
    page.get_by_label("Photo").set_input_files({"name": "tart.png", "mimeType": "image/png", "buffer": PNG})
    page.get_by_role("button", name="Save").click()
    expect(status).to_have_text("Saved")
    page.locator("#filter-tag_id").select_option(value="")
    new = cards.filter(has_text="Lemon tart")
    expect(new.locator(".chip")).to_have_text(["quick", "family"])
    picture = new.get_by_role("img", name="Lemon tart")  # the uploaded photo, kept in the page's memory
    expect(picture).to_be_visible()
    expect(picture).to_have_js_property("naturalWidth", 1)  # decoded, however loaded the machine
    page.get_by_label("Mine").check()
    expect(cards).to_have_count(1)
    expect(cards.first).to_contain_text("Lemon tart")
    page.locator("nav").get_by_role("button", name="Tags").click()
    page.locator("#f-tags-name").fill("quick")
    page.get_by_role("button", name="Save").click()
    expect(status).to_have_text("A tag with these unique values already exists")
    page.get_by_role("button", name="Sign out").click()
    expect(page.locator(".auth").get_by_role("button", name="Sign in")).to_be_visible()
    page.locator("nav").get_by_role("button", name="Recipes").click()
    expect(page.get_by_label("Mine")).to_have_count(0)
    expect(cards).to_have_count(5)
    assert errors == []


def test_board_moves_keep_positions_dense(browser):
    from playwright.sync_api import expect

    page, errors = _preview(browser, specs.board(), "cards")
    todo = page.locator('section.column[aria-label="To do"] .board-title')
    doing = page.locator('section.column[aria-label="In progress"] .board-title')
    expect(todo).to_have_text(["Design the landing page", "Order new laptops"])
    expect(doing).to_have_text(["Write onboarding emails", "Interview candidates"])
    page.get_by_role("button", name="Move right: Design the landing page").click()
    expect(doing).to_have_text(["Write onboarding emails", "Interview candidates", "Design the landing page"])
    expect(todo).to_have_text(["Order new laptops"])
    page.get_by_role("button", name="Move up: Design the landing page").click()
    expect(doing).to_have_text(["Write onboarding emails", "Design the landing page", "Interview candidates"])
    expect(page.get_by_role("button", name="Move up: Write onboarding emails")).to_be_disabled()
    expect(page.get_by_role("button", name="Move left: Order new laptops")).to_be_disabled()
    page.get_by_role("button", name="Move left: Design the landing page").click()
    expect(todo).to_have_text(["Order new laptops", "Design the landing page"])
    page.locator("nav").get_by_role("button", name="Board lists").click()
    done = page.locator("tbody tr").filter(has_text="Done")
    done.get_by_role("button", name="Delete").click()
    done.get_by_role("button", name="Delete this item?").click()
    expect(page.locator("tbody tr")).to_have_count(3)
    page.locator("nav").get_by_role("button", name="Cards").click()
    expect(page.locator("section.column")).to_have_count(3)  # the list's cards went with it
    expect(page.locator(".board-title")).to_have_count(6)
    page.locator("#f-cards-title").fill("Write release notes")
    page.locator("#f-cards-board_list_id").select_option(label="Backlog")
    page.get_by_role("button", name="Save").click()
    expect(page.locator('section.column[aria-label="Backlog"] .board-title').last).to_have_text("Write release notes")
    shot(page, "board")
    assert errors == []


def test_dentist_booking_in_spanish_refuses_overlaps(browser):
    from playwright.sync_api import expect

    page, errors = _preview(browser, specs.dentist("es"), "appointments")
    status = page.locator("#status")
    for text in ("Inicio *", "Fin *", "Dentista *"):
        expect(page.get_by_text(text, exact=True)).to_be_visible()
    page.get_by_label("Nombre del paciente *").fill("Lucía Martínez")
    page.get_by_label("Inicio *").fill("2027-01-11T10:30")
    page.get_by_label("Fin *").fill("2027-01-11T11:30")
    page.get_by_role("button", name="Guardar").click()
    expect(status).to_have_text("Ese horario se solapa con otra reserva: elige otra hora.")
    expect(status).to_have_attribute("role", "alert")
    page.get_by_label("Fin *").fill("2027-01-11T09:00")
    page.get_by_role("button", name="Guardar").click()
    expect(status).to_have_text("Revisa estos campos: Inicio, Fin")
    expect(page.get_by_label("Fin *")).to_have_attribute("aria-invalid", "true")
    expect(page.get_by_label("Inicio *")).to_be_focused()
    page.get_by_label("Inicio *").fill("2027-01-11T11:00")
    page.get_by_label("Fin *").fill("2027-01-11T11:30")
    page.get_by_role("button", name="Guardar").click()
    expect(status).to_have_text("Guardado")
    expect(page.locator("tbody tr")).to_have_count(5)
    shot(page, "dentist-es")
    text = page.locator("body").inner_text()
    assert not ENGLISH.findall(text), text
    assert errors == []


def test_expense_workflow_upload_and_charts(browser):
    from playwright.sync_api import expect

    page, errors = _preview(browser, specs.expenses(), "expense_reports")  # the workflow's entity comes first
    page.locator("nav").get_by_role("button", name="Dashboard").click()
    expect(page.locator("svg.chart")).to_have_count(3)
    assert page.locator("svg.chart rect.bar").count() >= 8
    expect(page.locator("figcaption").first).to_have_text("Expense reports · Amount by status")
    shot(page, "expenses-dashboard")
    page.locator("nav").get_by_role("button", name="Expense reports").click()
    row = page.locator("tbody tr").filter(has_text="Berlin conference trip")
    expect(row.locator(".badge")).to_have_text("Draft")
    expect(row.get_by_role("button", name="Move to Submitted")).to_be_visible()
    expect(row.get_by_role("button", name="Move to Approved")).to_have_count(0)
    row.get_by_role("button", name="Move to Submitted").click()
    expect(row.locator(".badge")).to_have_text("Submitted")
    expect(row.locator("button.step")).to_have_text(["→ Approved", "→ Rejected"])

    form = page.locator("form.form")
    form.get_by_label("Title *").fill("Taxi to the airport")
    form.get_by_label("Amount *").fill("23.50")
    form.get_by_label("Spent on *").fill("2026-11-02")
    form.get_by_label("Kind *").select_option(label="Travel")
    form.get_by_label("Receipt").set_input_files({"name": "virus.exe", "mimeType": "application/octet-stream",
                                                   "buffer": b"MZ"})
    form.get_by_role("button", name="Save").click()
    expect(page.locator("#status")).to_contain_text("File type not allowed; use one of: .doc, .docx")
    form.get_by_label("Receipt").set_input_files({"name": "photo.png", "mimeType": "image/png", "buffer": b"not a png"})
    form.get_by_role("button", name="Save").click()
    expect(page.locator("#status")).to_have_text("The file's content is not a .png file")
    form.get_by_label("Receipt").set_input_files({"name": "receipt.txt", "mimeType": "text/plain",
                                                   "buffer": b"Taxi 23.50 EUR"})
    form.get_by_role("button", name="Save").click()
    expect(page.locator("#status")).to_have_text("Saved")
    taxi = page.locator("tbody tr").filter(has_text="Taxi to the airport")
    expect(taxi.locator(".badge")).to_have_text("Draft")
    expect(taxi.get_by_role("link", name="📎 Download")).to_be_visible()
    delete = taxi.get_by_role("button", name="Delete")
    delete.click()
    taxi.get_by_role("button", name="Delete this item?").click()
    expect(page.locator("tbody tr").filter(has_text="Taxi to the airport")).to_have_count(0)
    assert errors == []


def test_every_feature_in_spanish_has_no_english_and_no_errors(browser):
    from playwright.sync_api import expect

    page, errors = _preview(browser, specs.everything("es"), "cards")
    views = page.locator("nav button")
    names = views.all_inner_texts()
    assert names[:2] == ["Tarjetas", "Panel"], names
    for i, name in enumerate(names):
        views.nth(i).click()
        page.wait_for_selector(f'#app[data-ready="{views.nth(i).get_attribute("data-view")}"]', state="attached")
        expect(views.nth(i)).to_have_attribute("aria-current", "page")
        expect(page.locator("main")).not_to_be_empty()
        text = page.locator("body").inner_text()
        assert not ENGLISH.findall(text), (name, ENGLISH.findall(text), text)
    status = page.locator("#status")
    page.locator("nav").get_by_role("button", name="Etiquetas").click()
    page.locator("#f-tags-name").fill("destacado")
    page.get_by_role("button", name="Guardar").click()
    expect(status).to_have_text("Inicia sesión para hacer cambios.")
    page.locator(".auth").get_by_role("button", name="Crear cuenta").click()
    page.locator("#s-name").fill("Lucía")  # the form in "create account" mode has a name field
    page.locator("#s-email").fill("lucia@example.com")
    page.locator("#s-password").fill("contraseña-larga")
    page.locator(".auth").get_by_role("button", name="Crear cuenta").click()
    expect(status).to_have_text("Cuenta creada: has iniciado sesión.")
    page.locator("#f-tags-name").fill("destacado")
    page.get_by_role("button", name="Guardar").click()
    expect(status).to_have_text("Ya hay otro registro con ese valor.")
    assert errors == []


def test_order_totals_and_group_balances_in_the_preview(browser):
    from playwright.sync_api import expect

    page, errors = _preview(browser, specs.money(), "dashboard")
    nav = page.locator("nav")
    nav.get_by_role("button", name="Orders").click()
    first = page.locator("tbody tr").first
    expect(first.locator('td[data-label="Total"]')).to_have_text("25.00")  # 2 x 12.50 from its line
    nav.get_by_role("button", name="Members").click()
    page.locator("#f-members-name").fill("Javier López")
    page.get_by_role("button", name="Save").click()
    expect(page.locator("#status")).to_have_text("Saved")
    nav.get_by_role("button", name="Expenses").click()
    page.locator("#f-expenses-description").fill("Pizza night")
    page.locator("#f-expenses-amount").fill("30")
    page.locator("#f-expenses-spent_on").fill("2026-11-20")
    page.locator("#f-expenses-member_id").select_option(label="Javier López")
    page.get_by_role("button", name="Save").click()
    expect(page.locator("#status")).to_have_text("Saved")
    nav.get_by_role("button", name="Groups").click()
    page.locator("tbody tr").filter(has_text="Flatmates").get_by_role("button", name="Details").click()
    balances = page.locator('section[aria-label="Balances"] tbody tr')
    expect(balances).to_have_count(2)
    expect(balances.nth(1).locator("td")).to_have_text(["Javier López", "30.00", "15.00", "+15.00"])
    expect(balances.nth(0).locator("td").last).to_have_text("-15.00")
    shot(page, "balances")
    assert errors == []


def test_each_feature_alone_in_english_and_spanish_renders_every_view(browser):
    builders = ("ratings", "favourites", "comments", "tags", "ordering", "booking_slots", "workflow", "uploads",
                "auth", "totals", "combined_en", "combined_es")
    page, errors, load = preview_page(browser)
    seen: list[str] = []
    for name in builders:
        base = getattr(render_specs, name)()
        spanish = base.model_copy(update={"language": "es", "title": "Aplicación"})  # the title is the prompt's
        for spec in (base, spanish) if base.language == "en" else (base,):
            load(render_frontend(spec)["preview.html"])
            page.wait_for_selector("#app[data-ready]")
            views = page.locator("nav button")
            for i in range(views.count()):
                key = views.nth(i).get_attribute("data-view")
                views.nth(i).click()
                page.wait_for_selector(f'#app[data-ready="{key}"]', state="attached")
                text = page.locator("main").inner_text()
                assert not re.search(r"undefined|NaN|\[object Object\]", text), (name, key, text)
                if spec.language == "es":
                    assert not ENGLISH.findall(page.locator("body").inner_text()), (name, key)
                seen.append(f"{name}-{spec.language}:{key}")
            assert errors == [], (name, spec.language, errors)
    assert len(seen) > 60


PROMPTS = ("a recipe site where users rate and save favourites", "a Trello-like board with lists and cards",
           "a dentist booking app where patients book appointments with dentists",
           "Quiero una web de recetas donde los usuarios valoren y guarden sus recetas favoritas",
           "expense reports that employees submit and managers approve or reject",
           "Splitwise for friends: groups, members, expenses and shares")


def test_apps_understood_from_prompts_render_every_view(browser):
    from core.engine import infer_spec

    page, errors, load = preview_page(browser)
    for prompt in PROMPTS:
        spec = infer_spec(prompt)
        load(render_frontend(spec)["preview.html"])
        page.wait_for_selector("#app[data-ready]")
        views = page.locator("nav button")
        for i in range(views.count()):
            views.nth(i).click()
            page.wait_for_selector(f'#app[data-ready="{views.nth(i).get_attribute("data-view")}"]', state="attached")
            assert not re.search(r"undefined|NaN|\[object Object\]", page.locator("main").inner_text()), prompt
        assert errors == [], (prompt, errors)
