"""Feature modules outside the entity routers: uploads, the user's favourites, group balances."""

from __future__ import annotations

from core.engine.render import plan
from core.engine.render.common import display_field
from core.engine.render.templates import fill
from core.spec import AppSpec, EntitySpec

_ME = '''"""The signed-in user's own lists."""

from __future__ import annotations

from fastapi import APIRouter
from sqlalchemy import select

from app import models, schemas
from app.auth import CurrentUser
from app.database import DbSession

router = APIRouter(prefix="/api/me", tags=["me"])
'''
_MY_FAVOURITES = '''

@router.get("$path", response_model=list[schemas.${Target}Read])
def my_favourite_$table(db: DbSession, user: CurrentUser) -> list[models.$Target]:
    """The $table the user favourited, most recent first."""
    stmt = (
        select(models.$Target)
        .join(models.$Fav, models.$Fav.$link == models.$Target.id)
        .where(models.$Fav.$owner == user.id)
        .order_by(models.$Fav.id.desc())
    )
    return list(db.scalars(stmt))
'''
_BALANCES = '''
@router.get("/{item_id}/balances")
def balances(item_id: int, db: DbSession) -> list[dict[str, int | float | str]]:
    """What each member paid and owes in this $label; a positive balance means the others owe them."""
    _get(db, item_id)
    members = list(
        db.scalars(select(models.$Member).where(models.$Member.$member_group == item_id).order_by(models.$Member.id))
    )
    expenses = list(db.scalars(select(models.$Expense).where(models.$Expense.$group == item_id)))
    paid = {member.id: 0.0 for member in members}
    owed = dict.fromkeys(paid, 0.0)
$shares    for expense in expenses:
        amount = expense.$amount or 0.0
        if expense.$payer in paid:
            paid[expense.$payer] += amount
$split    return [
        {
            "member_id": member.id,
            "name": str(member.$display),
            "paid": round(paid[member.id], 2),
            "owed": round(owed[member.id], 2),
            "balance": round(paid[member.id] - owed[member.id], 2),
        }
        for member in members
    ]
'''
_SHARES = '''    shares: dict[int, list[models.$Share]] = {}
    if expenses:
        stmt = select(models.$Share).where(models.$Share.$share_expense.in_([x.id for x in expenses]))
        for share in db.scalars(stmt):
            shares.setdefault(share.$share_expense, []).append(share)
'''
_EQUAL = '''        who = list(owed)
        for member_id in who:
            owed[member_id] += amount / len(who)
'''
_BY_SHARE = '''        parts = [s for s in shares.get(expense.id, []) if s.$share_member in owed]
        who = [s.$share_member for s in parts] or list(owed)
        for member_id in who:
            owed[member_id] += amount / len(who)
'''
_BY_SHARE_AMOUNT = '''        parts = [s for s in shares.get(expense.id, []) if s.$share_member in owed]
        if parts:  # each share says how much of the expense that member owes
            for s in parts:
                owed[s.$share_member] += s.$share_amount or 0.0
        else:  # no shares yet: split equally among the members
            for member_id in owed:
                owed[member_id] += amount / len(owed)
'''


def balances_endpoint(group: EntitySpec, split: dict) -> str:
    """GET /api/<groups>/{id}/balances for an expense-split app."""
    from string import Template

    share = split["share"]
    kw = {"label": group.var.replace("_", " "), "Member": split["member"].name,
          "member_group": split["member_group"], "Expense": split["expense"].name, "group": split["group"],
          "amount": split["amount"], "payer": split["payer"], "display": display_field(split["member"])}
    if share:
        kw.update(Share=share["entity"].name, share_expense=share["expense"], share_member=share["member"],
                  share_amount=share["amount"] or "")
        kw["shares"] = Template(_SHARES).substitute(kw)
        kw["split"] = Template(_BY_SHARE_AMOUNT if share["amount"] else _BY_SHARE).substitute(kw)
    else:
        kw["shares"], kw["split"] = "", _EQUAL
    return Template(_BALANCES).substitute(kw)


def render_me(spec: AppSpec) -> str:
    """app/me.py: GET /api/me/favourites (and /api/me/favourites/<table> per favourited entity)."""
    from string import Template

    out = _ME
    for i, fs in enumerate(spec.uses("favourites")):
        fav, target = spec.entity(fs.entity), spec.entity(fs.target)
        link = next(r.field for r in plan.belongs_to(fav) if r.target == target.name)
        kw = {"Target": target.name, "Fav": fav.name, "link": link, "owner": plan.owner_field(spec, fav),
              "table": target.table}
        if i == 0:
            out += Template(_MY_FAVOURITES).substitute(kw, path="/favourites")
        kw["table"] = target.table + "_list" if i == 0 else target.table
        out += Template(_MY_FAVOURITES).substitute(kw, path=f"/favourites/{target.table}").replace(
            f"The {target.table}_list", f"The {target.table}")
    return out


def render_behaviours(spec: AppSpec) -> dict[str, str]:
    """Feature modules of the app package."""
    spec = plan.prepare(spec)
    files = {}
    if "uploads" in spec.features:
        auth = plan.has_auth(spec)
        files["app/uploads.py"] = fill("uploads.py.tmpl",
                                       auth_import="from app.auth import CurrentUser\n" if auth else "",
                                       user=", _user: CurrentUser" if auth else "")
    if spec.uses("favourites"):
        files["app/me.py"] = render_me(spec)
    return files
