"""The words a meeting file uses for status and attendance are defined once, in the model's types,
and everything that lists or shows them follows from there."""

from typing import get_args

from referat import danish, model, schema


def test_the_schema_offers_exactly_the_model_s_words():
    assert schema.MEETING.field("status").choices == get_args(model.Status)
    assert schema.PARTICIPANT.field("attendance").choices == get_args(model.Attendance)


def test_every_status_and_attendance_has_a_danish_label():
    assert set(danish.STATUS) == set(get_args(model.Status))
    assert set(danish.ATTENDANCE) == set(get_args(model.Attendance))


def test_the_defaults_are_among_the_choices():
    for record, key in ((schema.MEETING, "status"), (schema.PARTICIPANT, "attendance")):
        field = record.field(key)
        assert field.default in field.choices
