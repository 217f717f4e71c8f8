"""Small named settings kept with the data (the command centre's recipient, and others)."""

from __future__ import annotations

import pyrage
from pyrage import x25519
from sqlalchemy import select
from sqlalchemy.orm import Session

from inspector_app.core import audit
from inspector_app.core.db.models import Setting
from inspector_app.core.errors import InputError
from inspector_app.core.store import Store

#: the command centre's age recipient that exported bundles are encrypted to
RECIPIENT = "recipient"
#: set in a folder of demo data (the window labels it)
DEMO_SETTING = "demo"


def get_setting(store: Store, name: str) -> str | None:
    with store.read() as s:
        row = s.get(Setting, name)
        return row.value if row else None


def set_setting(store: Store, name: str, value: str) -> None:
    """Store one setting (replacing its old value), with an audit event."""
    with store.write() as s:
        set_setting_in(s, store.actor, name, value)


def set_setting_in(session: Session, actor: str, name: str, value: str) -> bool:
    """Store one setting inside the caller's write transaction (with its audit event);
    False when it already had this value."""
    row = session.get(Setting, name)
    old = row.value if row else None
    if old == value:
        return False
    if row is None:
        session.add(Setting(name=name, value=value))
    else:
        row.value = value
    audit.append_event(
        session,
        actor=actor,
        action="settings.changed",
        entity="setting",
        entity_id=name,
        detail={"old": old, "new": value},
    )
    return True


def all_settings(store: Store) -> dict[str, str]:
    with store.read() as s:
        return {row.name: row.value for row in s.scalars(select(Setting).order_by(Setting.name))}


def parse_recipient(text: str) -> str:
    """An age X25519 recipient in its canonical spelling, or InputError."""
    value = text.strip()
    bad = InputError(f"{value!r} is not an age recipient (age1…)")
    if not value.lower().startswith("age1"):
        raise bad
    try:
        return str(x25519.Recipient.from_str(value))
    except pyrage.RecipientError:
        raise bad from None


def set_recipient(store: Store, text: str) -> str:
    """Encrypt exported bundles to this command-centre recipient from now on."""
    value = parse_recipient(text)
    set_setting(store, RECIPIENT, value)
    return value


def get_recipient(store: Store) -> str | None:
    """The recipient exports are encrypted to, or None (exports stay unencrypted)."""
    return get_setting(store, RECIPIENT)
