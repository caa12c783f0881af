"""Accounts through the real app: register, log in/out, validation messages, limits, admin gate."""

from __future__ import annotations

import pytest

from core.users import change_password, find_user
from tests.ui.conftest import PASSWORD, app, login, make_user, signed_in, submit, texts


def register(at, *, username="grace", email="grace@example.com", password=PASSWORD, repeat=PASSWORD):
    for key, value in (("reg_first", "Grace"), ("reg_last", "Hopper"), ("reg_email", email),
                       ("reg_username", username), ("reg_password", password), ("reg_repeat", repeat)):
        at.text_input(key=key).input(value)
    return submit(at, "Create account")


def test_landing_page_has_both_tabs_and_the_trial():
    at = app().run()
    assert not at.exception
    assert [tab.label for tab in at.tabs] == ["Log in", "Create account"]
    labels = {w.label for w in at.text_input}
    assert {"First name", "Last name", "Email", "Username", "Password", "Repeat password"} <= labels
    assert "100 free credits" in texts(at)


def test_register_shows_100_credits_then_logout_and_login():
    at = register(app().run())
    assert not at.exception
    assert "100 credits" in texts(at)
    assert "Grace Hopper" in texts(at)
    assert [tab.label for tab in at.tabs][:2] != ["Log in", "Create account"]
    at.button(key="ui_logout").click().run()
    assert "You have been logged out." in texts(at)
    assert [tab.label for tab in at.tabs] == ["Log in", "Create account"]
    login(at, "grace")
    assert "100 credits" in texts(at)


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"password": "short1", "repeat": "short1"}, "Password is too weak"),
    ({"repeat": "different1"}, "Passwords do not match"),
    ({"password": "a1" + "x" * 71, "repeat": "a1" + "x" * 71}, "Password is too long: use at most 72 bytes"),
])
def test_registration_messages(kwargs, message):
    at = register(app().run(), **kwargs)
    assert not at.exception
    assert any(message in e.value for e in at.error)


def test_duplicate_username_and_email():
    make_user("grace")
    at = register(app().run())
    assert any("Username is already registered" in e.value for e in at.error)
    at = register(app().run(), username="other", email="grace@example.com")
    assert any("Email is already registered" in e.value for e in at.error)


def test_wrong_password_then_too_many_attempts():
    make_user("ada")
    at = app().run()
    for _ in range(5):
        login(at, "ada", "wrong-password1")
        assert any("Wrong username or password" in e.value for e in at.error)
    login(at, "ada", PASSWORD)
    assert any("Too many attempts, try again in a minute" in e.value for e in at.error)
    assert "100 credits" not in texts(at).replace("100 free credits", "")
    assert not at.session_state["authentication_status"]


def test_password_change_elsewhere_signs_this_session_out():
    user = make_user("ada")
    at = signed_in(user)
    assert "100 credits" in texts(at)
    change_password(username="ada", old=PASSWORD, new="newpass123", repeat="newpass123")
    at.run()
    assert "Your session ended" in texts(at)
    assert [tab.label for tab in at.tabs] == ["Log in", "Create account"]


def test_admin_page_refused_to_a_normal_user():
    at = signed_in(make_user("ada"))
    assert "Admin" not in [p for p in texts(at).splitlines()]
    at.switch_page("pages/admin.py").run()
    assert not at.exception
    assert any("administrators only" in e.value for e in at.error)
    assert not at.metric


def test_admin_page_shown_to_an_admin_and_grants_credits():
    make_user("ada")
    at = signed_in(make_user("root", role="admin", name="Root Admin"))
    at.switch_page("pages/admin.py").run()
    assert not at.exception
    assert not at.error
    assert at.metric[0].label == "Users" and at.metric[0].value == "2"
    picker = at.selectbox(key="admin_grant_user")
    assert picker.options[:2] == ["ada · Ada Lovelace · 100 credits", "root · Root Admin · 100 credits"]
    picker.set_value("ada")
    at.number_input(key="admin_grant_amount").set_value(30)
    at.text_input(key="admin_grant_memo").input("beta tester")
    submit(at, "Grant credits")
    assert any("Granted 30 credits to ada" in s.value for s in at.success)
    assert find_user("ada").balance == 130
    accounts = at.dataframe[-1].value
    assert accounts.loc[accounts["Username"] == "ada", "Balance"].tolist() == [130]  # no reload needed
