"""Two devices, one account, the devstack between them: what one writes the other gets."""

from __future__ import annotations

import time
from collections.abc import Callable

from tests.sync.devices import Device

MakeDevice = Callable[..., Device]


def test_a_child_added_on_one_device_reaches_the_other(make_device: MakeDevice, email: str) -> None:
    laptop, school_pc = make_device(), make_device()
    laptop.sign_in(email, new=True)
    school_pc.sign_in(email)
    child = laptop.add_child("Asha")
    pushed = laptop.sync()
    assert pushed.pushed.applied == 2  # the consent, then the child
    school_pc.sync()
    assert school_pc.db.children.get(child).name == "Asha"
    assert len(school_pc.db.consents.for_child(child)) == 1


def test_pushed_changes_leave_the_outbox_and_the_cursor_is_kept(
    make_device: MakeDevice, email: str
) -> None:
    laptop = make_device()
    laptop.sign_in(email, new=True)
    laptop.add_child("Asha")
    laptop.sync()
    assert laptop.db.sync.pending_count() == 0
    assert laptop.db.sync.cursor() != ""
    assert laptop.db.sync.last_success() is not None


def test_edits_to_different_fields_on_two_devices_both_survive(
    make_device: MakeDevice, email: str
) -> None:
    laptop, school_pc = make_device(), make_device()
    laptop.sign_in(email, new=True)
    school_pc.sign_in(email)
    child = laptop.add_child("Asha")
    laptop.sync()
    school_pc.sync()
    laptop.db.children.update(child, name="Asha Verma")
    school_pc.db.children.update(child, grade=4)
    laptop.sync()
    school_pc.sync()
    laptop.sync()
    for device in (laptop, school_pc):
        kept = device.db.children.get(child)
        assert (kept.name, kept.grade) == ("Asha Verma", 4)


def test_the_later_edit_of_one_field_wins_on_every_device(
    make_device: MakeDevice, email: str
) -> None:
    laptop, school_pc = make_device(), make_device()
    laptop.sign_in(email, new=True)
    school_pc.sign_in(email)
    child = laptop.add_child("Asha")
    laptop.sync()
    school_pc.sync()
    laptop.db.children.update(child, name="Asha V.")
    time.sleep(0.005)  # a later millisecond: within one, the tie goes by counter and node
    school_pc.db.children.update(child, name="Asha Verma")
    older = laptop.rows("children")[child]["hlc"]
    assert school_pc.rows("children")[child]["hlc"] > older  # stamped later
    school_pc.sync()
    laptop.sync()  # pushes the older edit (superseded) and pulls the newer one
    school_pc.sync()
    assert laptop.db.children.get(child).name == "Asha Verma"
    assert school_pc.db.children.get(child).name == "Asha Verma"


def test_a_delete_beats_an_edit_made_elsewhere(make_device: MakeDevice, email: str) -> None:
    laptop, school_pc = make_device(), make_device()
    laptop.sign_in(email, new=True)
    school_pc.sign_in(email)
    child = laptop.add_child("Asha")
    laptop.sync()
    school_pc.sync()
    school_pc.db.children.update(child, name="Asha Verma")
    laptop.db.children.delete(child)
    laptop.sync()
    school_pc.sync()
    laptop.sync()
    for device in (laptop, school_pc):
        assert device.rows("children")[child]["deleted_at"] is not None
